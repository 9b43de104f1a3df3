import type { CustomFieldValues } from "../../../../shared/contracts/custom-fields";
import type { ImportRowError } from "../../../../shared/contracts/imports";
import { UpdateLeadBody } from "../../../../shared/contracts/leads";
import { normalisePhone } from "../../contacts/contacts.service";
import { emitLeadEvent } from "../../automations/automation-events";
import { intakeLeads, type LeadInput } from "../../leads/lead-intake";
import { ownerRefusals } from "../../users/record-owners";
import type { BatchContext, BatchResult, Candidate, ImportAdapter } from "../import-batch";
import { keyValues, planBatch } from "../import-batch";
import type { FileRow } from "../import-file";
import { ColumnPlan, customFieldChange, customFieldIssues, domainOfEmail, type Reject, RowValues, reject, splitList, zodRowErrors } from "../import-rows";
import { insertTimelineEntries, staffByEmail } from "../imports.repository";
import { matchLeads, updateLead } from "./leads.import.repository";

type LeadPatch = Omit<UpdateLeadBody, "customFields" | "ownerId">;

interface ImportLeadInput {
  values: RowValues;
  patch: LeadPatch;
  ownerEmail?: string;
  ownerId?: string;
  cf: CustomFieldValues;
}

/** One row → a validated lead patch, or its errors. */
function parseRow(ctx: BatchContext, row: FileRow): ImportLeadInput | ImportRowError[] {
  const v = new RowValues(ColumnPlan.of(ctx.imp), row.cells);
  const errors: ImportRowError[] = [];
  const scoreText = v.get("score");
  const score = scoreText === undefined ? undefined : Number(scoreText);
  if (scoreText !== undefined && !Number.isInteger(score)) errors.push(v.error("score", "Enter a whole number from 0 to 100"));
  const raw = {
    name: v.get("name"),
    company: v.get("company"),
    email: v.get("email"),
    phone: v.get("phone"),
    country: v.get("country")?.toUpperCase(),
    status: v.get("status")?.toLowerCase(),
    score: Number.isInteger(score) ? score : undefined,
    tags: splitList(v.get("tags")),
    notes: v.get("notes"),
  };
  const body = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
  const parsed = UpdateLeadBody.safeParse(body);
  if (!parsed.success) errors.push(...zodRowErrors(v, parsed.error));
  if (!raw.name) errors.push(v.error("name", "Enter the lead's name"));
  const { change, errors: cfErrors } = customFieldChange(v, ctx.definitions);
  errors.push(...cfErrors);
  if (errors.length || !parsed.success) return errors;
  const { customFields: _cf, ownerId: _o, ...patch } = parsed.data;
  return {
    values: v,
    patch: { ...patch, ...(patch.email ? { email: patch.email.toLowerCase() } : {}), ...(patch.phone !== undefined ? { phone: normalisePhone(patch.phone) ?? null } : {}) },
    ownerEmail: v.get("ownerEmail")?.toLowerCase(),
    cf: change,
  };
}

/**
 * Leads: new ones enter through `intakeLeads` (assignment rules, "created" timeline entries, source
 * "import" with the file name); matched by email, E.164 phone and company email domain among the
 * leads the importer sees.
 */
export const leadsImport: ImportAdapter = {
  async processBatch(ctx, rows) {
    const { tx, actor, imp } = ctx;
    const rejects: Reject[] = [];
    const candidates: Candidate<ImportLeadInput>[] = [];
    for (const row of rows) {
      const r = parseRow(ctx, row);
      if (Array.isArray(r)) rejects.push(reject(row, r));
      else candidates.push({ row, input: r, keys: { email: r.patch.email ?? null, phone: r.patch.phone ?? null, domain: domainOfEmail(r.patch.email) } });
    }
    const owners = await staffByEmail(tx.db, actor.workspaceId, [...new Set(candidates.flatMap((c) => (c.input.ownerEmail ? [c.input.ownerEmail] : [])))]);
    // Team members who may not own leads (creators, deactivated, roles without leads.read) are a row error.
    const refused = await ownerRefusals(tx.db, actor.workspaceId, "leads", [...owners.values()]);
    const ownOnly = actor.pipelineScope === "own";
    const owned = candidates.filter((c) => {
      if (!c.input.ownerEmail) return true;
      const id = owners.get(c.input.ownerEmail);
      if (!id) rejects.push(reject(c.row, [c.input.values.error("ownerEmail", "No active team member has this email")]));
      else if (refused.has(id)) {
        rejects.push(reject(c.row, [c.input.values.error("ownerEmail", refused.get(id)!)]));
        return false;
      }
      // An importer who sees only their own leads cannot hand leads to someone else (as in the lead form).
      else if (ownOnly && id !== actor.id) {
        rejects.push(reject(c.row, [c.input.values.error("ownerEmail", "You can only import leads you own: leave the owner empty or use your own email")]));
        return false;
      }
      c.input.ownerId = id;
      return !!id;
    });
    const matchOn = imp.matchOn;
    const existing = (await matchLeads(tx.db, actor, keyValues(owned, "email", matchOn), keyValues(owned, "phone", matchOn), keyValues(owned, "domain", matchOn))).map((e) => ({
      ...e,
      keys: { email: e.email, phone: e.phone, domain: domainOfEmail(e.email) },
    }));
    const plan = planBatch(owned, existing, matchOn, imp.duplicateStrategy);
    for (const m of plan.merged) mergeInto(m.into.input, m.from.input);
    const result: BatchResult = { created: 0, updated: 0, skipped: plan.skipped, rejects };

    const creates = plan.creates.filter((c) => {
      const issues = customFieldIssues(c.input.values, ctx.definitions, c.input.cf, c.input.cf);
      if (issues.length) rejects.push(reject(c.row, issues));
      return !issues.length;
    });
    if (creates.length) {
      // An importer who only sees their own leads owns the ones they bring in (else they would vanish
      // from their view); everyone else's unowned rows go through the assignment rules.
      const defaultOwner = ownOnly ? actor.id : undefined;
      const inputs: LeadInput[] = creates.map((c) => {
        const { status, ...rest } = c.input.patch;
        return {
          ...rest,
          name: rest.name!,
          ...(status ? { status } : {}),
          ownerId: c.input.ownerId ?? defaultOwner,
          customFields: c.input.cf,
        };
      });
      const created = await intakeLeads(ctx.app, tx.db, { workspaceId: actor.workspaceId, actorId: actor.id }, inputs, { source: "import", detail: imp.fileName });
      result.created = created.length;
    }

    for (const u of plan.updates) {
      const input = u.rows.reduce<ImportLeadInput>((acc, r) => mergeInto(acc, r.input), { values: u.rows[0]!.input.values, patch: {}, cf: {} });
      const merged = { ...u.existing.customFields, ...input.cf };
      const issues = customFieldIssues(input.values, ctx.definitions, input.cf, merged);
      if (issues.length) {
        for (const r of u.rows) rejects.push(reject(r.row, issues));
        continue;
      }
      const patch = { ...input.patch, ...(input.ownerId ? { ownerId: input.ownerId } : {}), ...(Object.keys(input.cf).length ? { customFields: merged } : {}) };
      await updateLead(tx.db, actor.workspaceId, u.existing.id, patch);
      // Automations react to status changes made by an import as to any other.
      if (patch.status && patch.status !== u.existing.status) {
        await emitLeadEvent(ctx.app, tx.db, actor.workspaceId, { type: "lead_status_changed", leadIds: [u.existing.id], from: u.existing.status, to: patch.status });
      }
      await insertTimelineEntries(tx.db, [
        { workspaceId: actor.workspaceId, entityType: "lead", entityId: u.existing.id, kind: "updated", meta: { fields: Object.keys(patch), importId: imp.id, fileName: imp.fileName }, actorId: actor.id },
      ]);
      result.updated += u.rows.length;
    }
    return result;
  },
};

function mergeInto(into: ImportLeadInput, from: ImportLeadInput): ImportLeadInput {
  into.patch = { ...into.patch, ...from.patch };
  into.cf = { ...into.cf, ...from.cf };
  if (from.ownerId) into.ownerId = from.ownerId;
  return into;
}
