import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type {
  AssignmentRuleDto,
  CreateAssignmentRuleBody,
  ReorderAssignmentRulesBody,
  RuleAssignment,
  UpdateAssignmentRuleBody,
} from "../../../shared/contracts/assignment-rules";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type AssignmentRuleRow, assignmentRules, users } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { recordAudit } from "../audit/audit.service";
import { assertCanOwn } from "../users/record-owners";

function userIdsOf(assign: RuleAssignment): string[] {
  return assign.type === "user" ? [assign.userId] : assign.userIds;
}

async function present(db: Db, workspaceId: string, rows: AssignmentRuleRow[]): Promise<AssignmentRuleDto[]> {
  const ids = [...new Set(rows.flatMap((r) => userIdsOf(r.assign)))];
  const names = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids))) : [];
  const byId = new Map(names.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    enabled: r.enabled,
    conditions: r.conditions,
    assign: r.assign,
    users: userIdsOf(r.assign).map((id) => ({ id, name: byId.get(id) ?? "Removed user" })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function findRule(db: Db, workspaceId: string, id: string): Promise<AssignmentRuleRow> {
  const [row] = await db
    .select()
    .from(assignmentRules)
    .where(and(eq(assignmentRules.workspaceId, workspaceId), eq(assignmentRules.id, id)))
    .limit(1);
  if (!row) throw errors.notFound("Assignment rule");
  return row;
}

/** Everyone a rule hands leads to must be able to own leads (400 on the member's path otherwise). */
async function assertAssignees(db: Db, actor: Actor, assign: RuleAssignment): Promise<void> {
  if (assign.type === "user") await assertCanOwn(db, actor.workspaceId, "leads", [assign.userId], "body.assign.userId");
  else await assertCanOwn(db, actor.workspaceId, "leads", assign.userIds, "body.assign.userIds", { list: true });
}

/** The workspace's rules in evaluation order. */
export async function listRules(app: AppContext, actor: Actor): Promise<{ data: AssignmentRuleDto[] }> {
  const db = app.database.db;
  const rows = await db.select().from(assignmentRules).where(eq(assignmentRules.workspaceId, actor.workspaceId)).orderBy(asc(assignmentRules.position), asc(assignmentRules.id));
  return { data: await present(db, actor.workspaceId, rows) };
}

/** Adds a rule at the end of the order. */
export async function createRule(app: AppContext, actor: Actor, body: CreateAssignmentRuleBody): Promise<AssignmentRuleDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    await assertAssignees(tx.db, actor, body.assign);
    const [{ next } = { next: 0 }] = await tx.db
      .select({ next: sql<number>`coalesce(max(${assignmentRules.position}) + 1, 0)::int` })
      .from(assignmentRules)
      .where(eq(assignmentRules.workspaceId, actor.workspaceId));
    const [created] = await tx.db.insert(assignmentRules).values({ workspaceId: actor.workspaceId, ...body, position: next }).returning();
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "assignment_rule.created", entityType: "assignment_rule", entityId: created!.id, changes: body });
    return created!;
  });
  return (await present(app.database.db, actor.workspaceId, [row]))[0]!;
}

/** Edits a rule. */
export async function updateRule(app: AppContext, actor: Actor, id: string, body: UpdateAssignmentRuleBody): Promise<AssignmentRuleDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await findRule(tx.db, actor.workspaceId, id);
    if (body.assign) await assertAssignees(tx.db, actor, body.assign);
    const [updated] = await tx.db
      .update(assignmentRules)
      .set({ ...body, updatedAt: new Date() })
      .where(and(eq(assignmentRules.workspaceId, actor.workspaceId), eq(assignmentRules.id, id)))
      .returning();
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "assignment_rule.updated", entityType: "assignment_rule", entityId: id, changes: { before: { name: before.name, enabled: before.enabled, conditions: before.conditions, assign: before.assign }, after: body } });
    return updated!;
  });
  return (await present(app.database.db, actor.workspaceId, [row]))[0]!;
}

/** Deletes a rule. */
export async function deleteRule(app: AppContext, actor: Actor, id: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const rule = await findRule(tx.db, actor.workspaceId, id);
    await tx.db.delete(assignmentRules).where(and(eq(assignmentRules.workspaceId, actor.workspaceId), eq(assignmentRules.id, id)));
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "assignment_rule.deleted", entityType: "assignment_rule", entityId: id, changes: { name: rule.name } });
  });
}

/** Puts the rules in the given order (every rule id exactly once). */
export async function reorderRules(app: AppContext, actor: Actor, body: ReorderAssignmentRulesBody): Promise<{ data: AssignmentRuleDto[] }> {
  await withTransaction(app.database.pool, async (tx) => {
    const rows = await tx.db.select({ id: assignmentRules.id }).from(assignmentRules).where(eq(assignmentRules.workspaceId, actor.workspaceId)).for("update");
    const existing = new Set(rows.map((r) => r.id));
    const given = new Set(body.ids);
    if (given.size !== body.ids.length || given.size !== existing.size || body.ids.some((id) => !existing.has(id))) {
      throw errors.validation([{ path: "body.ids", message: "List every rule of the workspace exactly once" }]);
    }
    for (const [position, id] of body.ids.entries()) {
      await tx.db.update(assignmentRules).set({ position }).where(and(eq(assignmentRules.workspaceId, actor.workspaceId), eq(assignmentRules.id, id)));
    }
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "assignment_rule.reordered", entityType: "assignment_rule", changes: { ids: body.ids } });
  });
  return listRules(app, actor);
}
