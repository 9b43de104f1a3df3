import type { RequestHandler } from "express";
import helmet from "helmet";

/** Security headers on every response (HTML, JSON, errors): CSP, frame-ancestors, nosniff, referrer, HSTS in production. */
export function securityHeaders(opts: { isProduction: boolean; devServer: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        // Vite's dev server injects an inline React-refresh preamble; production has no inline script.
        "script-src": opts.devServer ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": opts.devServer ? ["'self'", "ws:", "wss:"] : ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
      },
    },
    strictTransportSecurity: opts.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
}
