import { UpdateContactBody } from "../../../../shared/contracts/contacts";
import type { CustomFieldValues } from "../../../../shared/contracts/custom-fields";
import type { ImportRowError } from "../../../../shared/contracts/imports";
import { contacts } from "../../../db/schema";
import { updateContact } from "../../contacts/contacts.repository";
import { normalisePhone } from "../../contacts/contacts.service";
import type { BatchContext, BatchResult, Candidate, ImportAdapter } from "../import-batch";
import { keyValues, planBatch } from "../import-batch";
import type { FileRow } from "../import-file";
import { ColumnPlan, customFieldChange, customFieldIssues, type Reject, RowValues, reject, zodRowErrors } from "../import-rows";
import { insertTimelineEntries, matchContacts, visibleClientsByRef } from "../imports.repository";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ContactInput {
  values: RowValues;
  clientRef: string;
  clientId?: string;
  patch: Omit<UpdateContactBody, "customFields" | "isPrimary">;
  cf: CustomFieldValues;
}

/** One row → a validated contact patch, or its errors. */
function parseRow(ctx: BatchContext, row: FileRow): ContactInput | ImportRowError[] {
  const v = new RowValues(ColumnPlan.of(ctx.imp), row.cells);
  let firstName = v.get("firstName");
  let lastName = v.get("lastName");
  const full = v.get("fullName");
  if (full && !firstName) {
    const [first, ...rest] = full.split(/\s+/);
    firstName = first;
    lastName ??= rest.join(" ") || undefined;
  }
  const raw = { firstName, lastName, email: v.get("email"), phone: v.get("phone"), title: v.get("title") };
  const body = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
  const parsed = UpdateContactBody.safeParse(body);
  const errors: ImportRowError[] = parsed.success ? [] : zodRowErrors(v, parsed.error, (p) => (p[0] === "firstName" && !v.column("firstName") ? "fullName" : p.join(".")));
  if (!firstName) errors.push(v.error(v.column("firstName") || !v.column("fullName") ? "firstName" : "fullName", "Enter a first name"));
  const clientRef = v.get("client");
  if (!clientRef) errors.push(v.error("client", "Name the client (its name or id)"));
  const { change, errors: cfErrors } = customFieldChange(v, ctx.definitions);
  errors.push(...cfErrors);
  if (errors.length || !parsed.success || !clientRef) return errors;
  const { customFields: _cf, isPrimary: _p, ...patch } = parsed.data;
  return { values: v, clientRef, patch: { ...patch, ...(patch.phone !== undefined ? { phone: normalisePhone(patch.phone) ?? null } : {}) }, cf: change };
}

/** Contacts: attached to a client the importer sees; matched by email and E.164 phone among visible contacts. */
export const contactsImport: ImportAdapter = {
  async processBatch(ctx, rows) {
    const { tx, actor, imp } = ctx;
    const rejects: Reject[] = [];
    const parsed: { row: FileRow; input: ContactInput }[] = [];
    for (const row of rows) {
      const r = parseRow(ctx, row);
      if (Array.isArray(r)) rejects.push(reject(row, r));
      else parsed.push({ row, input: r });
    }
    // Clients by id or name, one query, visibility applied.
    const refs = parsed.map((p) => p.input.clientRef);
    const found = await visibleClientsByRef(
      tx.db,
      actor,
      [...new Set(refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase()))],
      [...new Set(refs.map((r) => r.toLowerCase()))],
    );
    const byId = new Set(found.map((c) => c.id));
    const byName = new Map<string, string[]>();
    for (const c of found) byName.set(c.lname, [...(byName.get(c.lname) ?? []), c.id]);
    const candidates: Candidate<ContactInput>[] = [];
    for (const p of parsed) {
      const ref = p.input.clientRef.toLowerCase();
      const named = byName.get(ref) ?? [];
      if (UUID.test(ref) && byId.has(ref)) p.input.clientId = ref;
      else if (named.length === 1) p.input.clientId = named[0];
      if (!p.input.clientId) {
        const message = named.length > 1 ? "Several clients have this name: use the client's id" : "No client you can see has this name or id";
        rejects.push(reject(p.row, [p.input.values.error("client", message)]));
        continue;
      }
      candidates.push({ row: p.row, input: p.input, keys: { email: p.input.patch.email?.toLowerCase() ?? null, phone: p.input.patch.phone ?? null } });
    }
    const matchOn = imp.matchOn;
    const existing = (await matchContacts(tx.db, actor, keyValues(candidates, "email", matchOn), keyValues(candidates, "phone", matchOn))).map((e) => ({
      ...e,
      keys: { email: e.email, phone: e.phone },
    }));
    const plan = planBatch(candidates, existing, matchOn, imp.duplicateStrategy);
    for (const m of plan.merged) mergeInto(m.into.input, m.from.input);
    const result: BatchResult = { created: 0, updated: 0, skipped: plan.skipped, rejects };

    const creates = plan.creates.filter((c) => {
      const issues = customFieldIssues(c.input.values, ctx.definitions, c.input.cf, c.input.cf);
      if (issues.length) rejects.push(reject(c.row, issues));
      return !issues.length;
    });
    if (creates.length) {
      const inserted = await tx.db
        .insert(contacts)
        .values(
          creates.map((c) => ({
            workspaceId: actor.workspaceId,
            clientId: c.input.clientId!,
            firstName: c.input.patch.firstName!,
            lastName: c.input.patch.lastName ?? null,
            email: c.input.patch.email ?? null,
            phone: c.input.patch.phone ?? null,
            title: c.input.patch.title ?? null,
            customFields: c.input.cf,
          })),
        )
        .returning({ id: contacts.id });
      await insertTimelineEntries(
        tx.db,
        inserted.map((r) => ({ workspaceId: actor.workspaceId, entityType: "contact" as const, entityId: r.id, kind: "imported" as const, meta: { fileName: imp.fileName, importId: imp.id }, actorId: actor.id })),
      );
      result.created = inserted.length;
    }

    for (const u of plan.updates) {
      const input = u.rows.reduce<ContactInput>((acc, r) => mergeInto(acc, r.input), { values: u.rows[0]!.input.values, clientRef: "", patch: {}, cf: {} });
      const merged = { ...u.existing.customFields, ...input.cf };
      const issues = customFieldIssues(input.values, ctx.definitions, input.cf, merged);
      if (issues.length) {
        for (const r of u.rows) rejects.push(reject(r.row, issues));
        continue;
      }
      // A matched contact stays with its client: an import never moves people between clients.
      const patch = { ...input.patch, ...(Object.keys(input.cf).length ? { customFields: merged } : {}) };
      await updateContact(tx.db, actor.workspaceId, u.existing.id, patch);
      await insertTimelineEntries(tx.db, [
        { workspaceId: actor.workspaceId, entityType: "contact", entityId: u.existing.id, kind: "updated", meta: { fields: Object.keys(patch), importId: imp.id, fileName: imp.fileName }, actorId: actor.id },
      ]);
      result.updated += u.rows.length;
    }
    return result;
  },
};

function mergeInto(into: ContactInput, from: ContactInput): ContactInput {
  into.patch = { ...into.patch, ...from.patch };
  into.cf = { ...into.cf, ...from.cf };
  return into;
}
