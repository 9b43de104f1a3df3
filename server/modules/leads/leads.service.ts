import type { CreateLeadBody, LeadDto, LeadListResponse, LeadWorkloadResponse, ListLeadsQuery, UpdateLeadBody } from "../../../shared/contracts/leads";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { LeadRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { withSearchMode } from "../../lib/text-search";
import { deleteEntityActivities } from "../activities/activities.repository";
import { recordOwnerChange, recordTimeline } from "../activities/timeline";
import { deleteEntityAttachments } from "../attachments/attachments.repository";
import { removeStoredFiles } from "../attachments/attachments.service";
import { diffFields, recordAudit } from "../audit/audit.service";
import { emitLeadEvent } from "../automations/automation-events";
import { assertCanOwn, listOwnerCapable } from "../users/record-owners";
import { normalisePhone } from "../contacts/contacts.service";
import { parseCustomFieldFilters, parseCustomFieldSort } from "../custom-fields/custom-fields.query";
import { loadDefinitions, resolveCustomFieldValues } from "../custom-fields/custom-fields.service";
import { intakeLeads } from "./lead-intake";
import { assertLeadAbility, assertOwnReach } from "./leads.policy";
import { presentLead } from "./leads.presenter";
import {
  deleteLead,
  findVisibleLead,
  type LeadCustomFieldQuery,
  leadCursorValues,
  leadWorkload,
  listVisibleLeads,
  loadLeadDetails,
  updateLead,
} from "./leads.repository";
import { enqueuePairRescore, touchesPairKeys } from "../duplicates/duplicate-events";

/** Rows → DTOs with owner and client names loaded in two batch queries. */
export async function presentLeads(db: Db, actor: Actor, rows: LeadRow[]): Promise<LeadDto[]> {
  const details = await loadLeadDetails(db, actor.workspaceId, rows);
  return rows.map((r) => presentLead(actor, r, details));
}

/** Resolves a list's `cf` filters and custom sort against the workspace's lead fields (400 on unknown keys). */
export async function leadCustomFieldQuery(app: AppContext, actor: Actor, q: ListLeadsQuery): Promise<LeadCustomFieldQuery> {
  if (!q.cf?.length && q.sort !== "custom") return { filters: [] };
  const definitions = await loadDefinitions(app, actor.workspaceId, "lead");
  return { filters: parseCustomFieldFilters(definitions, q.cf), ...(q.sort === "custom" ? { sort: parseCustomFieldSort(definitions, q.sortKey) } : {}) };
}

/** Lists the leads the actor may see. */
export async function listLeads(app: AppContext, actor: Actor, q: ListLeadsQuery): Promise<LeadListResponse> {
  const db = app.database.db;
  const { rows, searchMode } = await listVisibleLeads(db, actor, q, await leadCustomFieldQuery(app, actor, q));
  const page = toPage(rows, q.limit, leadCursorValues, (l) => l);
  const nextCursor = page.meta.nextCursor && withSearchMode(page.meta.nextCursor, searchMode);
  return { data: await presentLeads(db, actor, page.data), meta: { nextCursor } };
}

/** A visible lead or 404 (another workspace's and an unreachable one look the same). */
export async function loadVisibleLead(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<LeadRow> {
  const row = await findVisibleLead(db, actor, id, opts);
  if (!row) throw errors.notFound("Lead");
  return row;
}

/** One lead as a DTO. */
export async function getLead(app: AppContext, actor: Actor, id: string, db: Db = app.database.db): Promise<LeadDto> {
  const [dto] = await presentLeads(db, actor, [await loadVisibleLead(db, actor, id)]);
  return dto!;
}

/**
 * Creates a lead by hand or through the API. It enters through `intakeLeads` like every other lead:
 * without an owner the assignment rules choose one; an actor who only sees their own leads owns it.
 */
export async function createLead(app: AppContext, actor: Actor, body: CreateLeadBody): Promise<LeadDto> {
  assertLeadAbility(actor, "update");
  assertOwnReach(actor, body.ownerId, "body.ownerId");
  const ownerId = body.ownerId !== undefined ? body.ownerId : actor.pipelineScope === "own" ? actor.id : undefined;
  const id = await withTransaction(app.database.pool, async (tx) => {
    const { values: customFields } = await resolveCustomFieldValues(tx, actor.workspaceId, "lead", {}, body.customFields ?? {});
    if (ownerId) await assertCanOwn(tx.db, actor.workspaceId, "leads", [ownerId], "body.ownerId");
    const consent = body.consent ? { givenAt: body.consent.givenAt ?? new Date().toISOString(), method: body.source, text: body.consent.text } : null;
    const [row] = await intakeLeads(
      app,
      tx.db,
      { workspaceId: actor.workspaceId, actorId: actor.id },
      [
        {
          name: body.name,
          company: body.company,
          email: body.email,
          phone: body.phone,
          country: body.country,
          status: body.status,
          score: body.score,
          ownerId,
          tags: body.tags,
          notes: body.notes,
          customFields,
          consent,
        },
      ],
      { source: body.source, detail: body.sourceDetail },
    );
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "lead.created",
      entityType: "lead",
      entityId: row!.id,
      changes: { name: row!.name, source: row!.source, ownerId: row!.ownerId, ...(consent ? { consent } : {}) },
    });
    return row!.id;
  });
  return getLead(app, actor, id);
}

const DIFF_KEYS = ["name", "company", "email", "phone", "country", "status", "score", "ownerId", "notes"] as const;

/** Edits a lead; status and owner changes get their own timeline entries, other fields one "updated" entry. */
export async function updateLeadDetails(app: AppContext, actor: Actor, id: string, body: UpdateLeadBody): Promise<LeadDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const before = await loadVisibleLead(tx.db, actor, id, { forUpdate: true });
    assertLeadAbility(actor, "update");
    assertOwnReach(actor, body.ownerId, "body.ownerId");
    if (before.status === "converted" && body.status !== undefined) {
      throw errors.validation([{ path: "body.status", message: "A converted lead keeps its status" }]);
    }
    if (body.ownerId && body.ownerId !== before.ownerId) await assertCanOwn(tx.db, actor.workspaceId, "leads", [body.ownerId], "body.ownerId");
    const { customFields: _cf, tags, phone, ...rest } = body;
    const patch: Partial<LeadRow> = { ...rest, ...(phone !== undefined ? { phone: normalisePhone(phone) ?? null } : {}), ...(tags !== undefined ? { tags: [...new Set(tags)] } : {}) };
    const changes: Record<string, unknown> = { ...diffFields(before, patch, [...DIFF_KEYS]) };
    if (body.customFields !== undefined) {
      const { values, diff } = await resolveCustomFieldValues(tx, actor.workspaceId, "lead", before.customFields, body.customFields);
      if (Object.keys(diff).length) {
        patch.customFields = values;
        changes.customFields = diff;
      }
    }
    if (patch.tags && patch.tags.join("\u0000") !== before.tags.join("\u0000")) changes.tags = { from: before.tags, to: patch.tags };
    if (Object.keys(changes).length === 0) return;
    await updateLead(tx.db, actor.workspaceId, id, patch);
    if (touchesPairKeys("lead", changes)) await enqueuePairRescore(app, tx.db, actor.workspaceId, "lead", [id]);
    await recordLeadChanges(tx.db, actor, id, changes);
    if (changes.status) await emitLeadEvent(app, tx.db, actor.workspaceId, { type: "lead_status_changed", leadIds: [id], from: before.status, to: patch.status! });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead.updated", entityType: "lead", entityId: id, changes });
  });
  return getLead(app, actor, id);
}

/** Timeline entries of a lead change: status and owner on their own, the rest as one "updated" entry. */
export async function recordLeadChanges(db: Db, actor: Pick<Actor, "id" | "workspaceId">, id: string, changes: Record<string, unknown>): Promise<void> {
  const entity = { type: "lead" as const, id };
  const { status, ownerId, ...rest } = changes;
  if (status) await recordTimeline(db, actor, entity, "status_changed", status as Record<string, unknown>);
  if (ownerId) {
    const { from, to } = ownerId as { from: string | null; to: string | null };
    await recordOwnerChange(db, actor, entity, from, to);
  }
  if (Object.keys(rest).length) await recordTimeline(db, actor, entity, "updated", { fields: Object.keys(rest), changes: rest });
}

/** Deletes a lead with its timeline and files (the stored files once the delete has committed). */
export async function removeLead(app: AppContext, actor: Actor, id: string): Promise<void> {
  const storageKeys = await withTransaction(app.database.pool, async (tx) => {
    const lead = await loadVisibleLead(tx.db, actor, id, { forUpdate: true });
    assertLeadAbility(actor, "delete");
    await enqueuePairRescore(app, tx.db, actor.workspaceId, "lead", [lead.id]);
    return deleteLeadRecords(tx.db, actor, lead);
  });
  await removeStoredFiles(app.storage, storageKeys);
}

/** Deletes one lead the actor may delete (shared with bulk delete), auditing it; returns the storage keys of its files. */
export async function deleteLeadRecords(db: Db, actor: Actor, lead: LeadRow): Promise<string[]> {
  await deleteEntityActivities(db, actor.workspaceId, "lead", [lead.id]);
  const storageKeys = await deleteEntityAttachments(db, actor.workspaceId, "lead", [lead.id]);
  await deleteLead(db, actor.workspaceId, lead.id);
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "lead.deleted", entityType: "lead", entityId: lead.id, changes: { name: lead.name, email: lead.email, files: storageKeys.length } });
  return storageKeys;
}

/** Open leads per owner among the leads the actor may see. */
export async function getLeadWorkload(app: AppContext, actor: Actor): Promise<LeadWorkloadResponse> {
  const db = app.database.db;
  const rows = await leadWorkload(db, actor);
  const counted = rows.map((r) => ({ user: r.ownerId ? { id: r.ownerId, name: r.name ?? "" } : null, role: r.role ?? null, open: r.open, new: r.new }));
  // Who has nothing open is what a workload view is for: list every possible owner the caller may
  // see (everyone for "all"; themselves for "own"), then the unassigned row last.
  const seen = new Set(counted.flatMap((r) => (r.user ? [r.user.id] : [])));
  const capable = actor.pipelineScope === "none" ? [] : await listOwnerCapable(db, actor.workspaceId, "leads");
  const idle = capable
    .filter((u) => !seen.has(u.id) && (actor.pipelineScope === "all" || u.id === actor.id))
    .map((u) => ({ user: { id: u.id, name: u.name }, role: u.role, open: 0, new: 0 }));
  return { data: [...counted.filter((r) => r.user), ...idle, ...counted.filter((r) => !r.user)] };
}
