import type { ActivityDto, ActivityListResponse, CreateActivityBody, ListActivitiesQuery } from "../../../shared/contracts/activities";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { withTransaction } from "../../db/transaction";
import { toPage } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { clientAbilities } from "../clients/clients.policy";
import { findStaffUsers, findVisibleClient } from "../clients/clients.repository";
import { findVisibleContact } from "../contacts/contacts.repository";
import { mentionEmail } from "../email/email-templates";
import { queueEmail } from "../email/email.service";
import { findWorkspace } from "../workspace/workspace.repository";
import { presentActivity } from "./activities.presenter";
import { insertActivity, listEntityActivities, userNames } from "./activities.repository";

/** The record a timeline belongs to, if the actor may see it (a contact through its client); 404 otherwise. */
async function loadTimelineRecord(db: Db, actor: Actor, type: "client" | "contact", id: string): Promise<{ name: string; path: string }> {
  if (type === "client") {
    const client = await findVisibleClient(db, actor, id);
    if (client) return { name: client.name, path: `/clients/${id}` };
  } else {
    const contact = await findVisibleContact(db, actor, id);
    if (contact) return { name: [contact.firstName, contact.lastName].filter(Boolean).join(" "), path: `/contacts/${id}` };
  }
  throw errors.notFound(type === "client" ? "Client" : "Contact");
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
    if (!clientAbilities(actor).update) throw errors.forbidden();
    const mentioned = await findStaffUsers(tx.db, actor.workspaceId, mentionIds);
    const known = new Set(mentioned.map((u) => u.id));
    const unknown = mentionIds.map((id, i) => ({ id, i })).filter((m) => !known.has(m.id));
    if (unknown.length) throw errors.validation(unknown.map((m) => ({ path: `body.mentionIds.${m.i}`, message: "Mention a team member of this workspace" })));
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
