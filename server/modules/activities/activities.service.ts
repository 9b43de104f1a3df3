import { and, eq, sql } from "drizzle-orm";
import type { ActivityDto, ActivityListResponse, CreateActivityBody, ListActivitiesQuery, TIMELINE_ENTITIES } from "../../../shared/contracts/activities";
import type { Permission } from "../../../shared/constants/roles";
import { AppError, errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import { loadAuthUser } from "../../auth/auth-user";
import type { Db } from "../../db/client";
import { deals, leads } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { clientAbilities } from "../clients/clients.policy";
import { findStaffUsers, findVisibleClient } from "../clients/clients.repository";
import { findVisibleContact } from "../contacts/contacts.repository";
import { dealVisibilityCondition } from "../deals/deals.visibility";
import { leadVisibilityCondition } from "../leads/leads.visibility";
import { mentionEmail } from "../email/email-templates";
import { queueEmail } from "../email/email.service";
import { findWorkspace } from "../workspace/workspace.repository";
import { presentActivity } from "./activities.presenter";
import { insertActivity, listEntityActivities, userNames } from "./activities.repository";

type TimelineEntity = (typeof TIMELINE_ENTITIES)[number];
const NOUNS: Record<TimelineEntity, string> = { client: "Client", contact: "Contact", lead: "Lead", deal: "Deal" };
/** What a person needs to open a record's page (a contact is read through its client). */
const READ_PERMISSION: Record<TimelineEntity, Permission> = { client: "clients.read", contact: "clients.read", lead: "leads.read", deal: "deals.read" };

/**
 * The record a timeline belongs to, if the actor may see it (a contact through its client, leads and
 * deals through their own rules), with whether they may log on it; 404 otherwise.
 */
async function loadTimelineRecord(db: Db, actor: Actor, type: TimelineEntity, id: string): Promise<{ name: string; path: string; canWrite: boolean }> {
  if (type === "client") {
    const client = await findVisibleClient(db, actor, id);
    if (client) return { name: client.name, path: `/clients/${id}`, canWrite: clientAbilities(actor).update };
  } else if (type === "contact") {
    const contact = await findVisibleContact(db, actor, id);
    if (contact) return { name: [contact.firstName, contact.lastName].filter(Boolean).join(" "), path: `/contacts/${id}`, canWrite: clientAbilities(actor).update };
  } else if (type === "lead") {
    const [lead] = await db.select({ name: leads.name }).from(leads).where(and(leadVisibilityCondition(actor), eq(leads.id, id))).limit(1);
    if (lead) return { name: lead.name, path: `/leads/${id}`, canWrite: can(actor, "leads.write") };
  } else {
    const [deal] = await db.select({ name: deals.title }).from(deals).where(and(dealVisibilityCondition(actor), eq(deals.id, id))).limit(1);
    if (deal) return { name: deal.name, path: `/deals/${id}`, canWrite: can(actor, "deals.write") };
  }
  throw errors.notFound(NOUNS[type]);
}

/**
 * The mentioned team members who could not open the record (its read permission and its visibility
 * rule, as for the author), as issues on `body.mentionIds.<i>`.
 */
async function mentionsWhoCannotSee(app: AppContext, db: Db, type: TimelineEntity, id: string, mentionIds: string[]): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [i, userId] of mentionIds.entries()) {
    const user = await loadAuthUser(app, userId);
    if (!user) continue; // unknown people are refused above
    const viewer: Actor = { ...user, permissions: new Set(user.permissions), sessionId: "mention-check" };
    let visible = can(viewer, READ_PERMISSION[type]);
    if (visible) {
      try {
        await loadTimelineRecord(db, viewer, type, id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === "not_found")) throw err;
        visible = false;
      }
    }
    if (!visible) issues.push({ path: `body.mentionIds.${i}`, message: `${user.name} can't see this ${NOUNS[type].toLowerCase()}, so can't be mentioned on it` });
  }
  return issues;
}

/** Marks a lead or deal as touched (rotting and "no activity for N days" read last_activity_at). */
export async function touchRecord(db: Db, workspaceId: string, type: TimelineEntity, id: string): Promise<void> {
  if (type === "lead") await db.update(leads).set({ lastActivityAt: sql`now()` }).where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)));
  if (type === "deal") await db.update(deals).set({ lastActivityAt: sql`now()` }).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
}

/** A record's timeline, newest first. */
export async function listActivities(app: AppContext, actor: Actor, q: ListActivitiesQuery): Promise<ActivityListResponse> {
  const db = app.database.db;
  await loadTimelineRecord(db, actor, q.entityType, q.entityId);
  const rows = await listEntityActivities(db, actor.workspaceId, q);
  const names = await userNames(db, actor.workspaceId, [...new Set(rows.flatMap((r) => r.mentionIds))]);
  return toPage(rows, q.limit, (r) => [r.id], (r) => presentActivity(r, names));
}

/** Logs a note/call/meeting/email on a record; every @mentioned team member gets an email in the same transaction. */
export async function createActivity(app: AppContext, actor: Actor, body: CreateActivityBody): Promise<ActivityDto> {
  const mentionIds = [...new Set(body.mentionIds)];
  const created = await withTransaction(app.database.pool, async (tx) => {
    const record = await loadTimelineRecord(tx.db, actor, body.entityType, body.entityId);
    if (!record.canWrite) throw errors.forbidden();
    const mentioned = await findStaffUsers(tx.db, actor.workspaceId, mentionIds);
    const known = new Set(mentioned.map((u) => u.id));
    const unknown = mentionIds.map((id, i) => ({ id, i })).filter((m) => !known.has(m.id));
    if (unknown.length) throw errors.validation(unknown.map((m) => ({ path: `body.mentionIds.${m.i}`, message: "Mention a team member of this workspace" })));
    // The mention email names the record and quotes the note: only people who may open the record get it.
    const blind = await mentionsWhoCannotSee(app, tx.db, body.entityType, body.entityId, mentionIds);
    if (blind.length) throw errors.validation(blind);
    const row = await insertActivity(tx.db, {
      workspaceId: actor.workspaceId,
      entityType: body.entityType,
      entityId: body.entityId,
      kind: body.kind,
      body: body.body,
      mentionIds,
      actorId: actor.id,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : new Date(),
    });
    await touchRecord(tx.db, actor.workspaceId, body.entityType, body.entityId);
    const ws = await findWorkspace(tx.db, actor.workspaceId);
    const excerpt = body.body.length > 280 ? `${body.body.slice(0, 277)}…` : body.body;
    for (const user of mentioned) {
      await queueEmail(
        app,
        tx,
        actor.workspaceId,
        user.email,
        mentionEmail({ name: user.name, authorName: actor.name, recordName: record.name, excerpt, link: `${app.config.APP_URL}${record.path}`, brandColor: ws?.brandColor ?? "#4f46e5" }),
      );
    }
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "activity.created", entityType: body.entityType, entityId: body.entityId, changes: { activityId: row.id, kind: row.kind, mentionIds } });
    return row;
  });
  const names = await userNames(app.database.db, actor.workspaceId, [actor.id, ...mentionIds]);
  return presentActivity({ ...created, actorName: actor.name }, names);
}
