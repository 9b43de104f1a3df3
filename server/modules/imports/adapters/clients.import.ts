import { UpdateClientBody } from "../../../../shared/contracts/clients";
import type { CustomFieldValues } from "../../../../shared/contracts/custom-fields";
import type { ImportRowError } from "../../../../shared/contracts/imports";
import { DEFAULT_PORTAL_SETTINGS } from "../../../db/schema";
import { clients } from "../../../db/schema";
import { updateClient } from "../../clients/clients.repository";
import type { BatchContext, BatchResult, Candidate, ImportAdapter } from "../import-batch";
import { keyValues, planBatch } from "../import-batch";
import type { FileRow } from "../import-file";
import { ColumnPlan, customFieldChange, customFieldIssues, domainOfUrl, type Reject, RowValues, reject, splitList, withScheme, zodRowErrors } from "../import-rows";
import { insertTimelineEntries, matchClients, staffByEmail } from "../imports.repository";

type ClientPatch = UpdateClientBody;

interface ClientInput {
  values: RowValues;
  patch: Omit<ClientPatch, "customFields" | "ownerId">;
  ownerEmail?: string;
  ownerId?: string;
  cf: CustomFieldValues;
}

const ADDRESS_KEYS = ["line1", "line2", "city", "region", "postalCode", "country"] as const;

/** One row → a validated client patch, or its errors. */
function parseRow(ctx: BatchContext, row: FileRow): ClientInput | ImportRowError[] {
  const v = new RowValues(ColumnPlan.of(ctx.imp), row.cells);
  const address = Object.fromEntries(ADDRESS_KEYS.flatMap((k) => (v.get(`address.${k}`) !== undefined ? [[k, k === "country" ? v.get(`address.${k}`)!.toUpperCase() : v.get(`address.${k}`)]] : [])));
  const raw = {
    name: v.get("name"),
    status: v.get("status")?.toLowerCase(),
    industry: v.get("industry"),
    website: withScheme(v.get("website")),
    phone: v.get("phone"),
    address: Object.keys(address).length ? address : undefined,
    tags: splitList(v.get("tags")),
    notes: v.get("notes"),
  };
  const body = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
  const parsed = UpdateClientBody.safeParse(body);
  const errors: ImportRowError[] = parsed.success ? [] : zodRowErrors(v, parsed.error);
  if (!raw.name) errors.push(v.error("name", "Enter the client's name"));
  const { change, errors: cfErrors } = customFieldChange(v, ctx.definitions);
  errors.push(...cfErrors);
  if (errors.length || !parsed.success) return errors;
  const { customFields: _cf, ownerId: _o, ...patch } = parsed.data;
  return { values: v, patch, ownerEmail: v.get("ownerEmail")?.toLowerCase(), cf: change };
}

/** Clients: matched by website domain and name among the clients the importer sees. */
export const clientsImport: ImportAdapter = {
  async processBatch(ctx, rows) {
    const { tx, actor, imp } = ctx;
    const rejects: Reject[] = [];
    const candidates: Candidate<ClientInput>[] = [];
    for (const row of rows) {
      const r = parseRow(ctx, row);
      if (Array.isArray(r)) rejects.push(reject(row, r));
      else candidates.push({ row, input: r, keys: { domain: domainOfUrl(r.patch.website), name: r.patch.name?.toLowerCase() ?? null } });
    }
    // Owners by email, one query.
    const owners = await staffByEmail(tx.db, actor.workspaceId, [...new Set(candidates.flatMap((c) => (c.input.ownerEmail ? [c.input.ownerEmail] : [])))]);
    const owned = candidates.filter((c) => {
      if (!c.input.ownerEmail) return true;
      const id = owners.get(c.input.ownerEmail);
      if (!id) rejects.push(reject(c.row, [c.input.values.error("ownerEmail", "No active team member has this email")]));
      c.input.ownerId = id;
      return !!id;
    });
    const matchOn = imp.matchOn;
    const existing = (await matchClients(tx.db, actor, keyValues(owned, "domain", matchOn), keyValues(owned, "name", matchOn))).map((e) => ({
      ...e,
      keys: { domain: e.domain, name: e.lname },
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
      const defaultOwner = actor.role === "sales_agent" ? actor.id : null;
      const inserted = await tx.db
        .insert(clients)
        .values(
          creates.map((c) => ({
            ...c.input.patch,
            address: c.input.patch.address ?? {},
            name: c.input.patch.name!,
            status: c.input.patch.status ?? "prospect",
            ownerId: c.input.ownerId ?? defaultOwner,
            customFields: c.input.cf,
            workspaceId: actor.workspaceId,
            portalSettings: DEFAULT_PORTAL_SETTINGS,
          })),
        )
        .returning({ id: clients.id });
      await insertTimelineEntries(
        tx.db,
        inserted.map((r) => ({ workspaceId: actor.workspaceId, entityType: "client" as const, entityId: r.id, kind: "imported" as const, meta: { fileName: imp.fileName, importId: imp.id }, actorId: actor.id })),
      );
      result.created = inserted.length;
    }

    for (const u of plan.updates) {
      const input = u.rows.reduce<ClientInput>((acc, r) => mergeInto(acc, r.input), { values: u.rows[0]!.input.values, patch: {}, cf: {} });
      const merged = { ...u.existing.customFields, ...input.cf };
      const issues = customFieldIssues(input.values, ctx.definitions, input.cf, merged);
      if (issues.length) {
        for (const r of u.rows) rejects.push(reject(r.row, issues));
        continue;
      }
      const patch = {
        ...input.patch,
        ...(input.patch.address ? { address: { ...u.existing.address, ...input.patch.address } } : {}),
        ...(input.ownerId ? { ownerId: input.ownerId } : {}),
        ...(Object.keys(input.cf).length ? { customFields: merged } : {}),
      };
      await updateClient(tx.db, actor.workspaceId, u.existing.id, patch);
      await insertTimelineEntries(tx.db, [
        { workspaceId: actor.workspaceId, entityType: "client", entityId: u.existing.id, kind: "updated", meta: { fields: Object.keys(patch), importId: imp.id, fileName: imp.fileName }, actorId: actor.id },
      ]);
      result.updated += u.rows.length;
    }
    return result;
  },
};

/** Later values win; fields a row leaves empty keep the earlier ones. */
function mergeInto(into: ClientInput, from: ClientInput): ClientInput {
  into.patch = { ...into.patch, ...from.patch, ...(into.patch.address || from.patch.address ? { address: { ...into.patch.address, ...from.patch.address } } : {}) };
  into.cf = { ...into.cf, ...from.cf };
  if (from.ownerId) into.ownerId = from.ownerId;
  return into;
}
