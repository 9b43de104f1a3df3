import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type {
  AutomationAction,
  AutomationDto,
  AutomationRunDto,
  AutomationRunListResponse,
  CreateAutomationBody,
  ListAutomationRunsQuery,
  UpdateAutomationBody,
} from "../../../shared/contracts/automations";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type AutomationRow, type AutomationRunRow, automationRuns, automations, leads } from "../../db/schema";
import { type Tx, withTransaction } from "../../db/transaction";
import { decodeIdCursor, toPage } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { findStaffUsers } from "../clients/clients.repository";
import { loadVisibleLead } from "../leads/leads.service";
import { ownerIssues } from "../users/record-owners";
import { invalidateTriggers } from "./automation-events";
import { automationInactivityBackfillJob } from "./automations.jobs";

function present(a: AutomationRow): AutomationDto {
  return {
    id: a.id,
    name: a.name,
    enabled: a.enabled,
    trigger: a.trigger,
    conditions: a.conditions,
    actions: a.actions,
    runCount: a.runCount,
    lastRunAt: a.lastRunAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

async function findAutomation(db: Db, workspaceId: string, id: string): Promise<AutomationRow> {
  const [row] = await db
    .select()
    .from(automations)
    .where(and(eq(automations.workspaceId, workspaceId), eq(automations.id, id)));
  if (!row) throw errors.notFound("Automation");
  return row;
}

/** Users named by actions must be team members of the workspace (400 with the action's path otherwise). */
async function assertActionUsers(db: Db, actor: Actor, actions: AutomationAction[]): Promise<void> {
  const named = actions.flatMap((a, i) => (a.type === "notify_user" && a.userId ? [{ id: a.userId, i }] : []));
  const found = new Set((await findStaffUsers(db, actor.workspaceId, named.map((n) => n.id))).map((u) => u.id));
  const issues: FieldIssue[] = named.filter((n) => !found.has(n.id)).map((n) => ({ path: `body.actions.${n.i}.userId`, message: "Choose a team member of this workspace" }));
  // An "assign" action hands the lead to someone who must be able to own leads.
  for (const [i, a] of actions.entries()) {
    if (a.type === "assign" && a.userId) issues.push(...(await ownerIssues(db, actor.workspaceId, "leads", [a.userId], `body.actions.${i}.userId`)));
  }
  if (issues.length) throw errors.validation(issues);
}

/** When a "no activity" automation is (re)enabled, existing open leads are scheduled once. */
async function backfillIfInactive(app: AppContext, tx: Tx, row: AutomationRow, wasActive: boolean): Promise<void> {
  if (row.enabled && row.trigger.type === "lead_inactive" && !wasActive) {
    await app.jobs.enqueue(automationInactivityBackfillJob, { workspaceId: row.workspaceId, automationId: row.id }, { tx });
  }
}

export async function listAutomations(app: AppContext, actor: Actor): Promise<{ data: AutomationDto[] }> {
  const rows = await app.database.db.select().from(automations).where(eq(automations.workspaceId, actor.workspaceId)).orderBy(asc(automations.name), asc(automations.id));
  return { data: rows.map(present) };
}

export async function getAutomation(app: AppContext, actor: Actor, id: string): Promise<AutomationDto> {
  return present(await findAutomation(app.database.db, actor.workspaceId, id));
}

export async function createAutomation(app: AppContext, actor: Actor, body: CreateAutomationBody): Promise<AutomationDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    await assertActionUsers(tx.db, actor, body.actions);
    const [created] = await tx.db.insert(automations).values({ workspaceId: actor.workspaceId, ...body }).returning();
    await backfillIfInactive(app, tx, created!, false);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "automation.created", entityType: "automation", entityId: created!.id, changes: body });
    return created!;
  });
  await invalidateTriggers(app, actor.workspaceId);
  return present(row);
}

export async function updateAutomation(app: AppContext, actor: Actor, id: string, body: UpdateAutomationBody): Promise<AutomationDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await findAutomation(tx.db, actor.workspaceId, id);
    if (body.actions) await assertActionUsers(tx.db, actor, body.actions);
    const [updated] = await tx.db
      .update(automations)
      .set({ ...body, updatedAt: new Date() })
      .where(and(eq(automations.workspaceId, actor.workspaceId), eq(automations.id, id)))
      .returning();
    const wasActive = before.enabled && before.trigger.type === "lead_inactive" && JSON.stringify(before.trigger) === JSON.stringify(updated!.trigger);
    await backfillIfInactive(app, tx, updated!, wasActive);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "automation.updated", entityType: "automation", entityId: id, changes: { before: { name: before.name, enabled: before.enabled, trigger: before.trigger, conditions: before.conditions, actions: before.actions }, after: body } });
    return updated!;
  });
  await invalidateTriggers(app, actor.workspaceId);
  return present(row);
}

export async function deleteAutomation(app: AppContext, actor: Actor, id: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const row = await findAutomation(tx.db, actor.workspaceId, id);
    await tx.db.delete(automations).where(and(eq(automations.workspaceId, actor.workspaceId), eq(automations.id, id)));
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "automation.deleted", entityType: "automation", entityId: id, changes: { name: row.name } });
  });
  await invalidateTriggers(app, actor.workspaceId);
}

async function presentRuns(db: Db, workspaceId: string, rows: AutomationRunRow[]): Promise<AutomationRunDto[]> {
  const autoIds = [...new Set(rows.map((r) => r.automationId))];
  const leadIds = [...new Set(rows.map((r) => r.leadId))];
  const [autoRows, leadRows] = await Promise.all([
    autoIds.length ? db.select({ id: automations.id, name: automations.name }).from(automations).where(inArray(automations.id, autoIds)) : Promise.resolve([]),
    leadIds.length ? db.select({ id: leads.id, name: leads.name }).from(leads).where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, leadIds))) : Promise.resolve([]),
  ]);
  const autoNames = new Map(autoRows.map((a) => [a.id, a.name]));
  const leadNames = new Map(leadRows.map((l) => [l.id, l.name]));
  return rows.map((r) => ({
    id: r.id,
    automation: { id: r.automationId, name: autoNames.get(r.automationId) ?? "" },
    lead: leadNames.has(r.leadId) ? { id: r.leadId, name: leadNames.get(r.leadId)! } : null,
    trigger: r.trigger,
    status: r.status,
    steps: r.steps,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function listRuns(db: Db, workspaceId: string, where: { automationId?: string; leadId?: string }, q: ListAutomationRunsQuery): Promise<AutomationRunListResponse> {
  const rows = await db
    .select()
    .from(automationRuns)
    .where(
      and(
        eq(automationRuns.workspaceId, workspaceId),
        where.automationId ? eq(automationRuns.automationId, where.automationId) : undefined,
        where.leadId ? eq(automationRuns.leadId, where.leadId) : undefined,
        q.cursor ? lt(automationRuns.id, decodeIdCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(desc(automationRuns.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.id], (r) => r);
  return { data: await presentRuns(db, workspaceId, page.data), meta: page.meta };
}

/** The run log of an automation, newest first. */
export async function listAutomationRuns(app: AppContext, actor: Actor, id: string, q: ListAutomationRunsQuery): Promise<AutomationRunListResponse> {
  await findAutomation(app.database.db, actor.workspaceId, id);
  return listRuns(app.database.db, actor.workspaceId, { automationId: id }, q);
}

/** The automation runs on a lead the actor may see, newest first. */
export async function listLeadAutomationRuns(app: AppContext, actor: Actor, leadId: string, q: ListAutomationRunsQuery): Promise<AutomationRunListResponse> {
  await loadVisibleLead(app.database.db, actor, leadId);
  return listRuns(app.database.db, actor.workspaceId, { leadId }, q);
}
