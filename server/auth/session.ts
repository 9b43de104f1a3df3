import type { Request, Response } from "express";
import type { MeResponse } from "../../shared/contracts/auth";
import type { AppContext } from "../app-context";
import { presentWorkspace, loadWorkspace } from "../modules/workspace/workspace.service";
import type { AuthUser } from "./auth-user";
import { csrfTokenFor } from "./tokens";

/** Session cookie name: `__Host-` prefixed in production (Secure, no Domain, Path=/). */
export function sessionCookieName(isProduction: boolean): string {
  return isProduction ? "__Host-aos.sid" : "aos.sid";
}

/** Signs the user in on a brand-new session id (passport regenerates it) and records its metadata. */
export function establishSession(req: Request, user: AuthUser): Promise<void> {
  return new Promise((resolve, reject) => {
    req.login(user, (err) => {
      if (err) return reject(err);
      req.session.loginAt = Date.now();
      req.session.meta = { userAgent: req.get("user-agent") ?? undefined, ip: req.ip };
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

/** Destroys the session server-side (revoked, so in-flight requests cannot revive it) and clears the cookie. */
export function endSession(req: Request, res: Response, isProduction: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy((err) => {
      if (err) return reject(err);
      res.clearCookie(sessionCookieName(isProduction), { path: "/" });
      resolve();
    });
  });
}

/** The signed-in user's bootstrap payload: user, permissions, workspace and the CSRF token. */
export async function buildMe(app: AppContext, req: Request, user: AuthUser): Promise<MeResponse> {
  const workspace = await loadWorkspace(app, user.workspaceId);
  const permissions = new Set(user.permissions);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, clientId: user.clientId },
    permissions: user.permissions,
    workspace: presentWorkspace({ permissions }, workspace),
    csrfToken: csrfTokenFor(app.config.SESSION_SECRET, req.sessionID),
  };
}
