import type { InviteUserBody, ListUsersQuery, UpdateUserBody, UserDto } from "../../../shared/contracts/users";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Role } from "../../../shared/constants/roles";
import type { Actor } from "../../auth/actor";
import { invalidateAuthUser } from "../../auth/auth-user";
import { revokeUserSessions } from "../../auth/sessions.repository";
import { issueUserLink } from "../../auth/user-links";
import type { UserRow } from "../../db/schema";
import { type Tx, withTransaction } from "../../db/transaction";
import { type Page, toPage } from "../../lib/pagination";
import { diffFields, recordAudit } from "../audit/audit.service";
import { findClient } from "../clients/clients.repository";
import { inviteEmail } from "../email/email-templates";
import { queueEmail } from "../email/email.service";
import { findWorkspace } from "../workspace/workspace.repository";
import { assertAbility, assertCanAssignRole, userAbilities } from "./users.policy";
import { revokeUserTokens } from "./user-tokens.repository";
import { presentUser } from "./users.presenter";
import { findUserByEmail, findWorkspaceUser, insertUser, listUsers, type UserWithClient, updateUser, userSortValue } from "./users.repository";

/** Lists the actor's workspace users. */
export async function listWorkspaceUsers(app: AppContext, actor: Actor, q: ListUsersQuery): Promise<Page<UserDto>> {
  const rows = await listUsers(app.database.db, actor.workspaceId, q);
  return toPage(rows, q.limit, (u) => [userSortValue(u, q.sort), u.id], (u) => presentUser(actor, u));
}

async function loadUser(app: AppContext, actor: Actor, id: string, db = app.database.db): Promise<UserWithClient> {
  const user = await findWorkspaceUser(db, actor.workspaceId, id);
  if (!user) throw errors.notFound("User");
  return user;
}

/** One user of the actor's workspace (404 for another workspace's user). */
export async function getWorkspaceUser(app: AppContext, actor: Actor, id: string): Promise<UserDto> {
  return presentUser(actor, await loadUser(app, actor, id));
}

async function assertClientInWorkspace(tx: Tx, actor: Actor, clientId: string): Promise<void> {
  if (!(await findClient(tx.db, actor.workspaceId, clientId))) {
    throw errors.validation([{ path: "body.clientId", message: "Choose a client of this workspace" }]);
  }
}

/** Issues a fresh invite token and queues the invitation email, inside `tx`. */
async function sendInvitation(app: AppContext, tx: Tx, actor: Actor, user: { id: string; email: string; name: string }): Promise<void> {
  const link = await issueUserLink(app, tx, { id: user.id, workspaceId: actor.workspaceId }, "invite", app.config.INVITE_TTL_HOURS * 3_600_000);
  const ws = await findWorkspace(tx.db, actor.workspaceId);
  await queueEmail(
    app,
    tx,
    actor.workspaceId,
    user.email,
    inviteEmail({ name: user.name, inviterName: actor.name, workspaceName: ws?.name ?? "your agency", link, brandColor: ws?.brandColor ?? "#4f46e5", expiresHours: app.config.INVITE_TTL_HOURS }),
  );
}

/**
 * The one invitation mechanism, inside the caller's transaction: checks the email is free (409),
 * creates the user as `invited`, sends the single-use link and audits `user.invited`. Used by the
 * team invite and by the contact → portal invite.
 */
export async function createInvitedUser(
  app: AppContext,
  tx: Tx,
  actor: Actor,
  invitee: { email: string; name: string; role: Role; clientId: string | null },
): Promise<UserRow> {
  assertCanAssignRole(actor, invitee.role);
  if (await findUserByEmail(tx.db, invitee.email)) {
    throw errors.alreadyExists("Someone with that email already has an account.");
  }
  if (invitee.role === "client") await assertClientInWorkspace(tx, actor, invitee.clientId!);
  const user = await insertUser(tx.db, {
    workspaceId: actor.workspaceId,
    email: invitee.email,
    name: invitee.name,
    role: invitee.role,
    status: "invited",
    clientId: invitee.role === "client" ? invitee.clientId! : null,
    invitedAt: new Date(),
  });
  await sendInvitation(app, tx, actor, user);
  await recordAudit(tx.db, {
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    action: "user.invited",
    entityType: "user",
    entityId: user.id,
    changes: { email: user.email, name: user.name, role: user.role, clientId: user.clientId },
  });
  return user;
}

/** Invites a new user by email: creates them as `invited` and sends a single-use link. */
export async function inviteUser(app: AppContext, actor: Actor, body: InviteUserBody): Promise<UserDto> {
  assertCanAssignRole(actor, body.role);
  const created = await withTransaction(app.database.pool, (tx) =>
    createInvitedUser(app, tx, actor, { email: body.email, name: body.name, role: body.role, clientId: body.role === "client" ? body.clientId! : null }),
  );
  return getWorkspaceUser(app, actor, created.id);
}

/** Sends a new invitation link to a user who has not accepted yet. */
export async function resendInvitation(app: AppContext, actor: Actor, id: string): Promise<UserDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const user = await loadUser(app, actor, id, tx.db);
    assertAbility(userAbilities(actor, user), "resendInvite", user.status !== "invited" ? "This user has already accepted." : undefined);
    await reissueInvitation(app, tx, actor, user);
  });
  return getWorkspaceUser(app, actor, id);
}

/**
 * Sends an invited user a new link inside `tx` (the earlier link stops working) through the same
 * outbox + email job as every invite, and audits `user.invite_resent`. The caller checks the user
 * is still `invited`.
 */
export async function reissueInvitation(app: AppContext, tx: Tx, actor: Actor, user: { id: string; email: string; name: string }): Promise<void> {
  await sendInvitation(app, tx, actor, user);
  await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "user.invite_resent", entityType: "user", entityId: user.id });
}

/**
 * Ends a portal login whose contact is going away, inside the caller's transaction: the user is
 * deactivated, unused invite/reset links stop working and every session ends (audited as
 * `user.invite_revoked` for a pending invite, `user.deactivated` otherwise). Returns the ended
 * session handles: after commit, pass them to `forgetPortalLogin`.
 */
export async function revokePortalLogin(tx: Tx, actor: Actor, userId: string, because: { contactId: string }): Promise<string[]> {
  const user = await findWorkspaceUser(tx.db, actor.workspaceId, userId);
  if (user?.role !== "client") return [];
  const tokensRevoked = await revokeUserTokens(tx.db, userId);
  const ended = await revokeUserSessions(tx.db, userId);
  if (user.status !== "deactivated") await updateUser(tx.db, actor.workspaceId, userId, { status: "deactivated" });
  await recordAudit(tx.db, {
    workspaceId: actor.workspaceId,
    actorId: actor.id,
    action: user.status === "invited" ? "user.invite_revoked" : "user.deactivated",
    entityType: "user",
    entityId: userId,
    changes: { status: { from: user.status, to: "deactivated" }, sessionsEnded: ended.length, tokensRevoked, reason: "contact_deleted", contactId: because.contactId },
  });
  return ended;
}

/** After `revokePortalLogin` commits: drops the ended sessions and the cached user. */
export async function forgetPortalLogin(app: AppContext, userId: string, ended: string[]): Promise<void> {
  await app.sessionStore.forgetHandles(ended);
  await invalidateAuthUser(app, userId);
}

/** Edits a user's name, role and (for portal users) bound client. */
export async function updateWorkspaceUser(app: AppContext, actor: Actor, id: string, body: UpdateUserBody): Promise<UserDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const user = await loadUser(app, actor, id, tx.db);
    const abilities = userAbilities(actor, user);
    assertAbility(abilities, "update");
    const role = body.role ?? user.role;
    if (body.role !== undefined && body.role !== user.role) {
      assertAbility(abilities, "changeRole", "You cannot change your own role.");
      assertCanAssignRole(actor, body.role);
    }
    let clientId = body.clientId !== undefined ? body.clientId : user.clientId;
    if (role !== "client") clientId = null;
    if (role === "client") {
      if (!clientId) throw errors.validation([{ path: "body.clientId", message: "Choose the client this portal user belongs to" }]);
      await assertClientInWorkspace(tx, actor, clientId);
    }
    const patch = { name: body.name ?? user.name, role, clientId };
    const changes = diffFields(user, patch, ["name", "role", "clientId"]);
    if (!changes) return;
    await updateUser(tx.db, actor.workspaceId, id, patch);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "user.updated", entityType: "user", entityId: id, changes });
  });
  await invalidateAuthUser(app, id);
  return getWorkspaceUser(app, actor, id);
}

/** Deactivates a user: they cannot sign in and every session of theirs ends now. */
export async function deactivateUser(app: AppContext, actor: Actor, id: string): Promise<UserDto> {
  const ended = await withTransaction(app.database.pool, async (tx) => {
    const user = await loadUser(app, actor, id, tx.db);
    assertAbility(userAbilities(actor, user), "deactivate", id === actor.id ? "You cannot deactivate yourself." : undefined);
    await updateUser(tx.db, actor.workspaceId, id, { status: "deactivated" });
    const ended = await revokeUserSessions(tx.db, id);
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "user.deactivated",
      entityType: "user",
      entityId: id,
      changes: { status: { from: user.status, to: "deactivated" }, sessionsEnded: ended.length },
    });
    return ended;
  });
  await app.sessionStore.forgetHandles(ended);
  await invalidateAuthUser(app, id);
  return getWorkspaceUser(app, actor, id);
}

/** Reactivates a deactivated user (back to active, or invited if they never set a password). */
export async function reactivateUser(app: AppContext, actor: Actor, id: string): Promise<UserDto> {
  await withTransaction(app.database.pool, async (tx) => {
    const user = await loadUser(app, actor, id, tx.db);
    assertAbility(userAbilities(actor, user), "reactivate");
    const status = user.passwordHash ? "active" : "invited";
    await updateUser(tx.db, actor.workspaceId, id, { status });
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "user.reactivated",
      entityType: "user",
      entityId: id,
      changes: { status: { from: user.status, to: status } },
    });
  });
  await invalidateAuthUser(app, id);
  return getWorkspaceUser(app, actor, id);
}
