import type { RequestHandler } from "express";
import { AppError } from "../../shared/errors";
import { csrfTokenFor, safeEqual } from "../auth/tokens";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Paths authenticated by a signature or token rather than the session cookie. */
export const CSRF_EXEMPT_PREFIXES = ["/api/webhooks/", "/api/public/"];

/**
 * CSRF protection for cookie-authenticated, state-changing /api calls: the X-CSRF-Token header must
 * equal an HMAC of the session id (ADR 0007). Anonymous calls carry no session to abuse.
 */
export function csrfProtection(secret: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || !req.actor) return next();
    if (CSRF_EXEMPT_PREFIXES.some((p) => req.originalUrl.startsWith(p))) return next();
    const given = req.get("x-csrf-token") ?? "";
    if (!given || !safeEqual(given, csrfTokenFor(secret, req.sessionID))) return next(new AppError("csrf_invalid"));
    next();
  };
}
