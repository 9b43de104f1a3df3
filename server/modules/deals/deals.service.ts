import { and, eq } from "drizzle-orm";
import type { CreateDealBody, DealDto, DealListResponse, ListDealsQuery, StageHistoryResponse, UpdateDealBody } from "../../../shared/contracts/deals";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { contacts, type DealRow, leads } from "../../db/schema";
import { type Tx, withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { withSearchMode } from "../../lib/text-search";
import { deleteEntityActivities } from "../activities/activities.repository";
import { recordOwnerChange, recordTimeline } from "../activities/timeline";
import { deleteEntityAttachments } from "../attachments/attachments.repository";
import { removeStoredFiles } from "../attachments/attachments.service";
import { diffFields, recordAudit } from "../audit/audit.service";
import { findVisibleClient } from "../clients/clients.repository";
import { parseCustomFieldFilters, parseCustomFieldSort } from "../custom-fields/custom-fields.query";
import { loadDefinitions, resolveCustomFieldValues } from "../custom-fields/custom-fields.service";
import { leadVisibilityCondition } from "../leads/leads.visibility";
import { findPipeline, findStage, listStageRows } from "../pipelines/pipelines.repository";
import { ensureDefaultPipeline } from "../pipelines/pipelines.service";
import { assertCanOwn } from "../users/record-owners";
import { findWorkspace } from "../workspace/workspace.repository";
import { assertOwnDealOwner, defaultDealOwner } from "./deal-owner";
import { assertDealAbility } from "./deals.policy";
import { presentDeal } from "./deals.presenter";
import {
  type DealCustomFieldQuery,
  dealSortValue,
  deleteDeal,
  endOfColumn,
  findVisibleDeal,
  insertDeal,
  listStays,
  listVisibleDeals,
  loadDealDetails,
  openStay,
  updateDeal,
} from "./deals.repository";

/** Rows → DTOs with the names they point at loaded in one batch per table. */
export async function presentDeals(db: Db, actor: Actor, rows: DealRow[], opts: Parameters<typeof loadDealDetails>[3] = {}): Promise<DealDto[]> {
  const details = await loadDealDetails(db, actor.workspaceId, rows, opts);
  const now = Date.now();
  return rows.map((r) => presentDeal(actor, r, details, now));
}

/** Resolves a list's `cf` filters and custom sort against the workspace's deal fields (400 on unknown keys). */
export async function dealCustomFieldQuery(app: AppContext, actor: Actor, q: ListDealsQuery): Promise<DealCustomFieldQuery> {
  if (!q.cf?.length && q.sort !== "custom") return { filters: [] };
  const definitions = await loadDefinitions(app, actor.workspaceId, "deal");
  return { filters: parseCustomFieldFilters(definitions, q.cf), ...(q.sort === "custom" ? { sort: parseCustomFieldSort(definitions, q.sortKey) } : {}) };
}

/** Lists the deals the actor may see. */
export async function listDeals(app: AppContext, actor: Actor, q: ListDealsQuery): Promise<DealListResponse> {
  const db = app.database.db;
  const { rows, searchMode } = await listVisibleDeals(db, actor, q, await dealCustomFieldQuery(app, actor, q));
  const page = toPage(rows, q.limit, (d) => [dealSortValue(d, q.sort), d.id], (d) => d);
  const nextCursor = page.meta.nextCursor && withSearchMode(page.meta.nextCursor, searchMode);
  return { data: await presentDeals(db, actor, page.data, { concurrent: true }), meta: { nextCursor } };
}

/** A visible deal or 404 (another workspace's and an invisible one look the same). */
export async function loadVisibleDeal(db: Db, actor: Actor, id: string, lock = false): Promise<DealRow> {
  const row = await findVisibleDeal(db, actor, id, lock);
  if (!row) throw errors.notFound("Deal");
  return row;
}

/** One deal as a DTO. */
export async function getDeal(app: AppContext, actor: Actor, id: string): Promise<DealDto> {
  const db = app.database.db;
  const [dto] = await presentDeals(db, actor, [await loadVisibleDeal(db, actor, id)], { concurrent: true });
  return dto!;
}

interface Links {
  clientId: string | null;
  leadId: string | null;
  contactId: string | null;
}

/** Checks what a deal points at: a client and/or lead the actor can see, a contact of that client (400 with field paths). */
async function assertLinks(db: Db, actor: Actor, links: Links, changed: Partial<Record<keyof Links, boolean>>): Promise<void> {
  const issues: FieldIssue[] = [];
  if (!links.clientId && !links.leadId) issues.push({ path: "body.clientId", message: "Choose a client or a lead" });
  if (links.clientId && changed.clientId && !(await findVisibleClient(db, actor, links.clientId))) issues.push({ path: "body.clientId", message: "Choose a client you can see" });
  if (links.leadId && changed.leadId) {
    const [lead] = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(leadVisibilityCondition(actor), eq(leads.id, links.leadId)))
      .limit(1);
    if (!lead) issues.push({ path: "body.leadId", message: "Choose a lead you can see" });
  }
  if (links.contactId && (changed.contactId || changed.clientId)) {
    const [contact] = links.clientId
      ? await db
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.workspaceId, actor.workspaceId), eq(contacts.clientId, links.clientId), eq(contacts.id, links.contactId)))
          .limit(1)
      : [];
    if (!contact) issues.push({ path: "body.contactId", message: links.clientId ? "Choose a contact of the deal's client" : "Choose a client before a contact" });
  }
  if (issues.length) throw errors.validation(issues);
}

/** Resolves the pipeline and stage of a new deal (defaults: first pipeline, its first stage). */
async function resolveStage(db: Db, workspaceId: string, pipelineId: string | undefined, stageId: string | undefined): Promise<{ pipelineId: string; stageId: string }> {
  if (!pipelineId) {
    const { pipeline, stages } = await ensureDefaultPipeline(db, workspaceId);
    pipelineId = pipeline.id;
    if (!stageId) return { pipelineId, stageId: stages[0]!.id };
  } else if (!(await findPipeline(db, workspaceId, pipelineId))) {
    throw errors.validation([{ path: "body.pipelineId", message: "Choose a pipeline of this workspace" }]);
  }
  if (stageId) {
    if (!(await findStage(db, workspaceId, pipelineId, stageId))) throw errors.validation([{ path: "body.stageId", message: "Choose a stage of the deal's pipeline" }]);
    return { pipelineId, stageId };
  }
  const [first] = await listStageRows(db, workspaceId, [pipelineId]);
  if (!first) throw errors.validation([{ path: "body.pipelineId", message: "This pipeline has no stages" }]);
  return { pipelineId, stageId: first.id };
}

/**
 * Creates a deal inside the caller's transaction (lead conversion calls this): checks the client,
 * lead and contact (skipped with `verifiedLinks` when the caller has just created or checked them),
 * defaults currency, owner (see `defaultDealOwner`), pipeline and stage, opens its first stage stay, and writes the "created"
 * timeline entry and the audit row. Returns the row; read it back with `getDeal` after commit.
 */
export async function createDealInTx(tx: Tx, actor: Actor, input: CreateDealBody, opts: { verifiedLinks?: boolean } = {}): Promise<DealRow> {
  assertDealAbility(actor, "update");
  const db = tx.db;
  const links = { clientId: input.clientId ?? null, leadId: input.leadId ?? null, contactId: input.contactId ?? null };
  if (!opts.verifiedLinks) await assertLinks(db, actor, links, { clientId: true, leadId: true, contactId: true });
  assertOwnDealOwner(actor, input.ownerId);
  const ownerId = input.ownerId !== undefined ? input.ownerId : (await defaultDealOwner(db, actor, links)).owner.id;
  if (input.ownerId) await assertCanOwn(db, actor.workspaceId, "deals", [input.ownerId], "body.ownerId");
  const { pipelineId, stageId } = await resolveStage(db, actor.workspaceId, input.pipelineId, input.stageId);
  const { values: customFields } = await resolveCustomFieldValues(tx, actor.workspaceId, "deal", {}, input.customFields ?? {});
  const currency = input.currency ?? (await findWorkspace(db, actor.workspaceId))?.currency ?? "USD";
  const row = await insertDeal(db, {
    workspaceId: actor.workspaceId,
    pipelineId,
    stageId,
    title: input.title,
    ...links,
    valueMinor: input.valueMinor ?? 0,
    currency,
    expectedCloseDate: input.expectedCloseDate ?? null,
    ownerId,
    tags: [...new Set(input.tags ?? [])],
    customFields,
    position: await endOfColumn(db, actor.workspaceId, stageId),
  });
  await openStay(db, { workspaceId: actor.workspaceId, dealId: row.id, stageId, actorId: actor.id });
  await recordTimeline(db, actor, { type: "deal", id: row.id }, "created");
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    action: "deal.created",
    entityType: "deal",
    entityId: row.id,
    changes: { title: row.title, pipelineId, stageId, valueMinor: row.valueMinor, currency, ownerId, ...links },
  });
  return row;
}

/** Creates a deal. */
export async function createDeal(app: AppContext, actor: Actor, body: CreateDealBody): Promise<DealDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const row = await createDealInTx(tx, actor, body);
    // Presented from the written row: an owner handed to a colleague may be outside the creator's reach.
    const [dto] = await presentDeals(tx.db, actor, [row]);
    return dto!;
  });
}

const DIFF_KEYS = ["title", "valueMinor", "currency", "expectedCloseDate", "ownerId", "clientId", "leadId", "contactId"] as const;

/** Edits a deal; an owner change gets its own timeline entry, other fields one "updated" entry. */
export async function updateDealDetails(app: AppContext, actor: Actor, id: string, body: UpdateDealBody): Promise<DealDto> {
  return withTransaction(app.database.pool, async (tx) => {
    const before = await loadVisibleDeal(tx.db, actor, id, true);
    assertDealAbility(actor, "update");
    const { customFields: cfPatch, tags, ...fields } = body;
    const patch: Partial<DealRow> = { ...fields };
    if (tags !== undefined) patch.tags = [...new Set(tags)];
    // A new client drops a contact of the old one unless the body names one.
    if (body.clientId !== undefined && body.clientId !== before.clientId && body.contactId === undefined && before.contactId) patch.contactId = null;
    const links = { clientId: patch.clientId ?? before.clientId, leadId: patch.leadId ?? before.leadId, contactId: patch.contactId ?? before.contactId };
    if (patch.clientId === null) links.clientId = null;
    if (patch.leadId === null) links.leadId = null;
    if (patch.contactId === null) links.contactId = null;
    const changedLink = (k: keyof Links) => patch[k] !== undefined && patch[k] !== before[k];
    if (changedLink("clientId") || changedLink("leadId") || changedLink("contactId")) {
      await assertLinks(tx.db, actor, links, { clientId: changedLink("clientId"), leadId: changedLink("leadId"), contactId: changedLink("contactId") });
    }
    if (body.ownerId && body.ownerId !== before.ownerId) await assertCanOwn(tx.db, actor.workspaceId, "deals", [body.ownerId], "body.ownerId");
    const changes: Record<string, unknown> = { ...diffFields(before, patch, [...DIFF_KEYS]) };
    if (cfPatch !== undefined) {
      const { values, diff } = await resolveCustomFieldValues(tx, actor.workspaceId, "deal", before.customFields, cfPatch);
      if (Object.keys(diff).length) {
        patch.customFields = values;
        changes.customFields = diff;
      }
    }
    if (patch.tags && patch.tags.join("\u0000") !== before.tags.join("\u0000")) changes.tags = { from: before.tags, to: patch.tags };
    if (Object.keys(changes).length === 0) {
      const [dto] = await presentDeals(tx.db, actor, [before]);
      return dto!;
    }
    const row = await updateDeal(tx.db, actor.workspaceId, id, patch);
    const entity = { type: "deal" as const, id };
    const { ownerId, ...rest } = changes;
    if (ownerId) {
      const { from, to } = ownerId as { from: string | null; to: string | null };
      await recordOwnerChange(tx.db, actor, entity, from, to);
    }
    if (Object.keys(rest).length) await recordTimeline(tx.db, actor, entity, "updated", { fields: Object.keys(rest), changes: rest });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.updated", entityType: "deal", entityId: id, changes });
    const [dto] = await presentDeals(tx.db, actor, [row]);
    return dto!;
  });
}

/**
 * Deletes a deal with its timeline and attachment rows (shared with bulk delete), auditing it.
 * Returns the storage keys of its files: remove them with `removeStoredFiles` after commit.
 */
export async function deleteDealRecords(db: Db, actor: Actor, deal: DealRow): Promise<string[]> {
  await deleteEntityActivities(db, actor.workspaceId, "deal", [deal.id]);
  const storageKeys = await deleteEntityAttachments(db, actor.workspaceId, "deal", [deal.id]);
  await deleteDeal(db, actor.workspaceId, deal.id);
  await recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "deal.deleted", entityType: "deal", entityId: deal.id, changes: { title: deal.title } });
  return storageKeys;
}

/** Deletes a deal (its files after the transaction commits). */
export async function removeDeal(app: AppContext, actor: Actor, id: string): Promise<void> {
  const storageKeys = await withTransaction(app.database.pool, async (tx) => {
    const deal = await loadVisibleDeal(tx.db, actor, id, true);
    assertDealAbility(actor, "delete");
    return deleteDealRecords(tx.db, actor, deal);
  });
  await removeStoredFiles(app.storage, storageKeys);
}

/** A deal's stage stays, oldest first, each with its time in stage. */
export async function stageHistory(app: AppContext, actor: Actor, id: string): Promise<StageHistoryResponse> {
  const db = app.database.db;
  await loadVisibleDeal(db, actor, id);
  const now = Date.now();
  const stays = await listStays(db, actor.workspaceId, id);
  return {
    data: stays.map((s) => ({
      id: s.id,
      stage: { id: s.stageId, name: s.currentStageName ?? s.stageName, deleted: s.currentStageName === null },
      enteredAt: s.enteredAt.toISOString(),
      leftAt: s.leftAt?.toISOString() ?? null,
      durationSeconds: Math.max(0, Math.floor(((s.leftAt?.getTime() ?? now) - s.enteredAt.getTime()) / 1000)),
      actor: s.actorId ? { id: s.actorId, name: s.actorName ?? "" } : null,
    })),
  };
}
