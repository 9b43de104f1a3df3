import type { RequestHandler } from "express";
import type { AppContext } from "../../app-context";
import { formEmbedding } from "./forms.service";
import { EMBED_SCRIPT } from "./embed-script";

const PUBLIC_FORM_PATH = /^\/api\/public\/forms\/([A-Za-z0-9_-]{16})(?:\/submissions)?\/?$/;

/**
 * CORS for the public form API: a page on one of the form's allowed origins may read the form and
 * post to it (the script embed); every other origin gets no CORS headers, so browsers refuse.
 * Answers preflights itself. Mounted before the rate limiter so a 429 is readable cross-origin too.
 */
export function publicFormCors(app: AppContext): RequestHandler {
  return (req, res, next) => {
    const match = PUBLIC_FORM_PATH.exec(req.path);
    const origin = req.get("origin");
    if (!match || !origin) return next();
    res.vary("Origin");
    formEmbedding(app, match[1]!)
      .then((embedding) => {
        const allowed = !!embedding?.enabled && embedding.allowedOrigins.includes(origin);
        if (allowed) {
          res.setHeader("Access-Control-Allow-Origin", origin);
          res.setHeader("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
        }
        if (req.method === "OPTIONS") {
          if (allowed) {
            res.setHeader("Access-Control-Allow-Methods", "GET, POST");
            res.setHeader("Access-Control-Allow-Headers", "Content-Type");
            res.setHeader("Access-Control-Max-Age", "600");
          }
          res.status(204).end();
          return;
        }
        next();
      })
      .catch(next);
  };
}

/**
 * The hosted form page may be framed by the form's allowed origins, and only by them: rewrites the
 * CSP frame-ancestors (set to 'none' for every page by the security headers) and drops
 * X-Frame-Options for `/f/:publicId`. An unknown or disabled form keeps the deny-all headers.
 */
export function hostedFormFrameHeaders(app: AppContext): RequestHandler {
  return (req, res, next) => {
    const publicId = String(req.params.publicId ?? "");
    if (!/^[A-Za-z0-9_-]{16}$/.test(publicId)) return next();
    formEmbedding(app, publicId)
      .then((embedding) => {
        if (embedding?.enabled && embedding.allowedOrigins.length > 0) {
          const csp = String(res.getHeader("Content-Security-Policy") ?? "");
          const ancestors = `frame-ancestors 'self' ${embedding.allowedOrigins.join(" ")}`;
          res.setHeader("Content-Security-Policy", csp.replace(/frame-ancestors [^;]*/, ancestors));
          res.removeHeader("X-Frame-Options");
        }
        next();
      })
      .catch(next);
  };
}

/** The script embed: renders a form into `<div data-agency-form="<publicId>">` and posts it cross-origin. */
export function embedScript(app: AppContext): RequestHandler {
  const body = EMBED_SCRIPT.replace("__APP_URL__", JSON.stringify(app.config.APP_URL));
  return (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.type("application/javascript").send(body);
  };
}
