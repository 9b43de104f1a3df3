import type { Request, Response } from "express";
import type passport from "passport";
import {
  AcceptInviteBody,
  ForgotPasswordBody,
  InvitePreview,
  InviteTokenQuery,
  LoginBody,
  MeResponse,
  ResetPasswordBody,
  SessionResponse,
} from "../../shared/contracts/auth";
import { OkResponse } from "../../shared/contracts/common";
import { AppError } from "../../shared/errors";
import { defineRoute } from "../http/define-route";
import { recordAudit } from "../modules/audit/audit.service";
import type { AuthUser } from "./auth-user";
import { acceptInvitation, previewInvitation, requestPasswordReset, resetPassword } from "./auth.service";
import { buildMe, endSession, establishSession } from "./session";

const tags = ["Auth"];

/** Runs passport-local and resolves with the verified user (errors carry our AppError codes). */
function authenticateLocal(passportInstance: passport.PassportStatic, req: Request, res: Response): Promise<AuthUser> {
  return new Promise((resolve, reject) => {
    passportInstance.authenticate("local", { session: false }, (err: unknown, user: AuthUser | false) => {
      if (err) return reject(err);
      if (!user) return reject(new AppError("invalid_credentials"));
      resolve(user);
    })(req, res, (e: unknown) => reject(e));
  });
}

export const authRoutes = [
  defineRoute({
    method: "post",
    path: "/auth/login",
    summary: "Sign in with email and password",
    tags,
    access: { kind: "public" },
    rateLimit: "sensitive",
    request: { body: LoginBody },
    responses: { 200: MeResponse, 401: null, 429: null },
    handler: async ({ app, req, res, input }) => {
      // passport-local reads req.body: hand it the parsed (trimmed, lower-cased) credentials.
      req.body = input.body;
      const user = await authenticateLocal(req.app.locals.passport as passport.PassportStatic, req, res);
      await establishSession(req, user);
      return buildMe(app, req, user);
    },
  }),
  defineRoute({
    method: "post",
    path: "/auth/logout",
    summary: "Sign out (destroys the session server-side)",
    tags,
    access: { kind: "authenticated" },
    responses: { 204: null },
    handler: async ({ app, req, res, actor }) => {
      await recordAudit(app.database.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "auth.logout", entityType: "user", entityId: actor.id });
      await endSession(req, res, app.config.isProduction);
    },
  }),
  defineRoute({
    method: "get",
    path: "/auth/me",
    summary: "The signed-in user, permissions, workspace and CSRF token",
    tags,
    access: { kind: "authenticated" },
    responses: { 200: MeResponse },
    handler: ({ app, req }) => buildMe(app, req, req.user!),
  }),
  defineRoute({
    method: "get",
    path: "/auth/session",
    summary: "The signed-in user like /auth/me, or `me: null` when signed out (200 either way)",
    tags,
    access: { kind: "public" },
    responses: { 200: SessionResponse },
    handler: async ({ app, req }) => ({ me: req.user ? await buildMe(app, req, req.user) : null }),
  }),
  defineRoute({
    method: "post",
    path: "/auth/forgot-password",
    summary: "Email a password reset link (same answer whether or not the email exists)",
    tags,
    access: { kind: "public" },
    rateLimit: "sensitive",
    request: { body: ForgotPasswordBody },
    responses: { 202: OkResponse },
    handler: async ({ app, input }) => {
      await requestPasswordReset(app, input.body.email);
      return { ok: true };
    },
  }),
  defineRoute({
    method: "post",
    path: "/auth/reset-password",
    summary: "Choose a new password with a reset token",
    tags,
    access: { kind: "public" },
    rateLimit: "sensitive",
    request: { body: ResetPasswordBody },
    responses: { 200: OkResponse, 410: null },
    handler: async ({ app, input }) => {
      await resetPassword(app, input.body);
      return { ok: true };
    },
  }),
  defineRoute({
    method: "get",
    path: "/auth/invitations/preview",
    summary: "What an invitation link is for",
    tags,
    access: { kind: "public" },
    request: { query: InviteTokenQuery },
    responses: { 200: InvitePreview, 410: null },
    handler: ({ app, input }) => previewInvitation(app, input.query.token),
  }),
  defineRoute({
    method: "post",
    path: "/auth/invitations/accept",
    summary: "Accept an invitation: set a password and sign in",
    tags,
    access: { kind: "public" },
    rateLimit: "sensitive",
    request: { body: AcceptInviteBody },
    responses: { 200: MeResponse, 410: null },
    handler: async ({ app, req, input }) => {
      const user = await acceptInvitation(app, input.body);
      await establishSession(req, user);
      return buildMe(app, req, user);
    },
  }),
];
