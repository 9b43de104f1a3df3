import type { ChangePasswordBody, SessionDto } from "../../../shared/contracts/auth";
import { AppError, errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { invalidateAuthUser } from "../../auth/auth-user";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "../../auth/password";
import { listLiveSessions, revokeSessionByHandle, revokeUserSessions } from "../../auth/sessions.repository";
import { sessionHandle } from "../../auth/tokens";
import { withTransaction } from "../../db/transaction";
import { diffFields, recordAudit } from "../audit/audit.service";
import { findUserById, updateUser } from "../users/users.repository";

/** Renames the signed-in user. */
export async function updateOwnName(app: AppContext, actor: Actor, name: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const changes = diffFields({ name: actor.name }, { name }, ["name"]);
    if (!changes) return;
    await updateUser(tx.db, actor.workspaceId, actor.id, { name });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "profile.updated", entityType: "user", entityId: actor.id, changes });
  });
  await invalidateAuthUser(app, actor.id);
}

/** Changes the signed-in user's password after checking the current one; optionally ends other sessions. */
export async function changeOwnPassword(app: AppContext, actor: Actor, body: ChangePasswordBody): Promise<void> {
  const user = await findUserById(app.database.db, actor.id);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError("validation_failed", "Your current password is not correct.", {
      issues: [{ path: "body.currentPassword", message: "Your current password is not correct" }],
    });
  }
  assertPasswordPolicy(body.newPassword, "newPassword");
  const passwordHash = await hashPassword(body.newPassword);
  const ended = await withTransaction(app.database.pool, async (tx) => {
    await updateUser(tx.db, actor.workspaceId, actor.id, { passwordHash, passwordChangedAt: new Date() });
    const revoked = body.endOtherSessions ? await revokeUserSessions(tx.db, actor.id, actor.sessionId) : [];
    await recordAudit(tx.db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: "profile.password_changed",
      entityType: "user",
      entityId: actor.id,
      changes: { otherSessionsEnded: revoked.length },
    });
    return revoked;
  });
  await app.sessionStore.forgetHandles(ended);
}

/** The signed-in user's live sessions, the current one marked. */
export async function listOwnSessions(app: AppContext, actor: Actor): Promise<SessionDto[]> {
  const current = sessionHandle(actor.sessionId);
  const rows = await listLiveSessions(app.database.db, actor.id);
  return rows.map((s) => ({
    id: s.handle,
    current: s.handle === current,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expire.toISOString(),
  }));
}

/** Ends one of the signed-in user's sessions (404 for a handle that is not theirs). */
export async function revokeOwnSession(app: AppContext, actor: Actor, handle: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    if (!(await revokeSessionByHandle(tx.db, actor.id, handle))) throw errors.notFound("Session");
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "profile.session_revoked", entityType: "session", entityId: handle });
  });
  await app.sessionStore.forgetHandles([handle]);
}
