import { RateLimiterRes } from "rate-limiter-flexible";
import type { AcceptInviteBody, InvitePreview, ResetPasswordBody } from "../../shared/contracts/auth";
import { AppError, errors } from "../../shared/errors";
import type { AppContext } from "../app-context";
import { withTransaction } from "../db/transaction";
import { recordAudit } from "../modules/audit/audit.service";
import { passwordResetEmail } from "../modules/email/email-templates";
import { queueEmail } from "../modules/email/email.service";
import { consumeToken, findLiveToken } from "../modules/users/user-tokens.repository";
import { findUserByEmail, findUserById, updateUser } from "../modules/users/users.repository";
import { findWorkspace } from "../modules/workspace/workspace.repository";
import { type AuthUser, invalidateAuthUser, loadAuthUser } from "./auth-user";
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { revokeUserSessions } from "./sessions.repository";
import { hashToken } from "./tokens";
import { issueUserLink } from "./user-links";

const MAX_BACKOFF_SECONDS = 15 * 60;

async function assertNotThrottled(app: AppContext, key: string): Promise<void> {
  const [block, failures] = await Promise.all([app.rateLimits.loginBlock.get(key), app.rateLimits.loginFailures.get(key)]);
  if (block && block.consumedPoints > 1) throw errors.rateLimited(block.msBeforeNext / 1000, "too_many_login_attempts");
  if (failures && failures.consumedPoints >= app.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    throw errors.rateLimited(failures.msBeforeNext / 1000, "too_many_login_attempts");
  }
}

async function recordFailure(app: AppContext, key: string): Promise<void> {
  const { loginFailures, loginConsecutive, loginBlock } = app.rateLimits;
  await loginFailures.penalty(key, 1).catch((e) => (e instanceof RateLimiterRes ? e : Promise.reject(e)));
  const consecutive = await loginConsecutive.penalty(key, 1);
  const over = consecutive.consumedPoints - app.config.LOGIN_BACKOFF_AFTER;
  // Exponential backoff once the run of failures passes the threshold: 1 s, 2 s, 4 s … capped at 15 min.
  if (over >= 0) await loginBlock.block(key, Math.min(2 ** over, MAX_BACKOFF_SECONDS));
}

/**
 * Checks email + password with per-account throttling and backoff. Unknown email, wrong password and
 * an inactive account all fail identically (same error, same argon2 work). Every attempt is audited.
 */
export async function verifyLogin(app: AppContext, email: string, password: string): Promise<AuthUser> {
  const key = email.toLowerCase();
  await assertNotThrottled(app, key);
  const user = await findUserByEmail(app.database.db, key);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordOk || user.status !== "active") {
    await recordFailure(app, key);
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : `account_${user.status}`;
    await recordAudit(app.database.db, {
      workspaceId: user?.workspaceId ?? null,
      actorId: user?.id ?? null,
      action: "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      changes: { email: key, reason },
    });
    throw new AppError("invalid_credentials");
  }
  await Promise.all([app.rateLimits.loginConsecutive.delete(key), app.rateLimits.loginBlock.delete(key)]);
  await updateUser(app.database.db, user.workspaceId, user.id, { lastLoginAt: new Date() });
  await recordAudit(app.database.db, { workspaceId: user.workspaceId, actorId: user.id, action: "auth.login", entityType: "user", entityId: user.id });
  const auth = await loadAuthUser(app, user.id);
  if (!auth) throw new AppError("invalid_credentials");
  return auth;
}

/** Starts a reset for an active account; does nothing (silently) for unknown or inactive emails. */
export async function requestPasswordReset(app: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(app.database.db, email);
  if (user?.status !== "active") return;
  await withTransaction(app.database.pool, async (tx) => {
    const link = await issueUserLink(app, tx, user, "password_reset", app.config.RESET_TTL_MINUTES * 60_000);
    const ws = await findWorkspace(tx.db, user.workspaceId);
    await queueEmail(app, tx, user.workspaceId, user.email, passwordResetEmail({ name: user.name, link, brandColor: ws?.brandColor ?? "#4f46e5", expiresMinutes: app.config.RESET_TTL_MINUTES }));
    await recordAudit(tx.db, { workspaceId: user.workspaceId, actorId: user.id, action: "auth.password_reset_requested", entityType: "user", entityId: user.id });
  });
}

/** Sets a new password from a reset link; ends every session of the user. */
export async function resetPassword(app: AppContext, body: ResetPasswordBody): Promise<void> {
  const token = await findLiveToken(app.database.db, hashToken(body.token), "password_reset");
  if (!token) throw errors.tokenInvalid();
  assertPasswordPolicy(body.password);
  const passwordHash = await hashPassword(body.password);
  const ended = await withTransaction(app.database.pool, async (tx) => {
    if (!(await consumeToken(tx.db, token.id))) throw errors.tokenInvalid();
    await updateUser(tx.db, token.workspaceId, token.userId, { passwordHash, passwordChangedAt: new Date() });
    const revoked = await revokeUserSessions(tx.db, token.userId);
    await recordAudit(tx.db, { workspaceId: token.workspaceId, actorId: token.userId, action: "auth.password_reset", entityType: "user", entityId: token.userId });
    return revoked;
  });
  await app.sessionStore.forgetHandles(ended);
  await invalidateAuthUser(app, token.userId);
}

async function liveInvite(app: AppContext, rawToken: string) {
  const token = await findLiveToken(app.database.db, hashToken(rawToken), "invite");
  const user = token ? await findUserById(app.database.db, token.userId) : undefined;
  if (!token || !user || user.status !== "invited") throw errors.tokenInvalid();
  return { token, user };
}

/** What an invitation link is for (shown before the user sets a password). */
export async function previewInvitation(app: AppContext, rawToken: string): Promise<InvitePreview> {
  const { user } = await liveInvite(app, rawToken);
  const ws = await findWorkspace(app.database.db, user.workspaceId);
  return { email: user.email, name: user.name, workspaceName: ws?.name ?? "" };
}

/** Accepts an invitation: sets the password, activates the account, and returns it for sign-in. */
export async function acceptInvitation(app: AppContext, body: AcceptInviteBody): Promise<AuthUser> {
  const { token, user } = await liveInvite(app, body.token);
  assertPasswordPolicy(body.password);
  const passwordHash = await hashPassword(body.password);
  await withTransaction(app.database.pool, async (tx) => {
    if (!(await consumeToken(tx.db, token.id))) throw errors.tokenInvalid();
    const now = new Date();
    await updateUser(tx.db, user.workspaceId, user.id, {
      passwordHash,
      passwordChangedAt: now,
      status: "active",
      lastLoginAt: now,
      ...(body.name ? { name: body.name } : {}),
    });
    await recordAudit(tx.db, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "user.invite_accepted",
      entityType: "user",
      entityId: user.id,
      changes: body.name && body.name !== user.name ? { name: { from: user.name, to: body.name } } : null,
    });
  });
  await invalidateAuthUser(app, user.id);
  const auth = await loadAuthUser(app, user.id);
  if (!auth) throw errors.tokenInvalid();
  return auth;
}
