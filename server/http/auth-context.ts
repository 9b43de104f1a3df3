import type { RequestHandler } from "express";
import type { Config } from "../config/env";
import { currentContext } from "../lib/request-context";
import { logger } from "../lib/logger";

/**
 * After passport: enforces the absolute session lifetime and builds `req.actor` for signed-in
 * requests. (The idle timeout is the session's sliding expiry, enforced by the store.)
 */
export function authContext(config: Config): RequestHandler {
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  return (req, res, next) => {
    const user = req.user;
    if (!user) return next();
    const loginAt = req.session?.loginAt ?? 0;
    if (Date.now() - loginAt > absoluteMs) {
      res.locals.sessionExpired = true;
      req.user = undefined;
      req.session.destroy((err) => {
        if (err) logger.warn({ err }, "could not destroy an expired session");
        next();
      });
      return;
    }
    req.actor = {
      id: user.id,
      workspaceId: user.workspaceId,
      email: user.email,
      name: user.name,
      role: user.role,
      clientId: user.clientId,
      permissions: new Set(user.permissions),
      pipelineScope: user.pipelineScope,
      sessionId: req.sessionID,
    };
    const ctx = currentContext();
    if (ctx) {
      ctx.userId = user.id;
      ctx.workspaceId = user.workspaceId;
    }
    next();
  };
}
