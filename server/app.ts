import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import session from "express-session";
// Plain-words validation messages for every zod schema (API issues, import row errors).
import "../shared/utils/zod-messages";
import type { AppContext } from "./app-context";
import { createPassport } from "./auth/passport";
import { sessionCookieName } from "./auth/session";
import { apiDocsRouter } from "./http/api-docs";
import { buildApiRouter } from "./http/api-router";
import { authContext } from "./http/auth-context";
import { csrfProtection } from "./http/csrf";
import { apiNotFound, errorHandler } from "./http/error-handler";
import { buildOpenApiDocument } from "./http/openapi";
import { apiRateLimit } from "./http/rate-limit";
import { requestContext } from "./http/request-logger";
import { apiRoutes } from "./http/route-registry";
import { securityHeaders } from "./http/security-headers";
import { APP_VERSION } from "./modules/health/health.service";
import { embedScript, hostedFormFrameHeaders, publicFormCors } from "./modules/forms/forms.http";
import { healthRouter } from "./modules/health/health.router";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = path.resolve(here, "..");
export const CLIENT_DIST = path.join(ROOT_DIR, "dist/public");

export type ClientMode = { kind: "static" } | { kind: "vite"; httpServer: Server } | { kind: "none" };

/**
 * Builds the Express app. Middleware order (documented in docs/ARCHITECTURE.md):
 * request id + logger → security headers → health → raw-body webhooks → body parsers → session →
 * passport → auth context → CSRF → API docs → public-form CORS → rate limits → API routers → /api 404 →
 * form embed script and hosted-form frame headers → static/SPA → error handler.
 */
export async function createApp(ctx: AppContext, client: ClientMode = { kind: "static" }): Promise<Express> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", ctx.config.TRUST_PROXY);
  app.set("query parser", "simple");

  app.use(requestContext());
  app.use(securityHeaders({ isProduction: ctx.config.isProduction, devServer: client.kind === "vite" }));
  app.use(healthRouter(ctx));
  // Raw-body webhook routes (Stripe, Twilio) mount here, before express.json(), under /api/webhooks.

  app.use(express.json({ limit: "1mb" }));
  app.use(express.urlencoded({ extended: false, limit: "100kb" }));

  app.use(
    session({
      name: sessionCookieName(ctx.config.isProduction),
      secret: ctx.config.SESSION_SECRET,
      store: ctx.sessionStore,
      resave: false,
      saveUninitialized: false,
      // Idle expiry is enforced server-side by the store (ADR 0007); the cookie lives for the browser session.
      rolling: false,
      proxy: ctx.config.TRUST_PROXY !== false,
      cookie: {
        httpOnly: true,
        sameSite: "lax",
        secure: ctx.config.isProduction,
        path: "/",
      },
    }),
  );
  const passport = createPassport(ctx);
  app.locals.passport = passport;
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(authContext(ctx.config));
  app.use("/api", csrfProtection(ctx.config.SESSION_SECRET));

  // The API description and its browser are static: served before the rate limiter.
  const openapi = buildOpenApiDocument(apiRoutes, { version: APP_VERSION });
  app.get("/api/openapi.json", (_req, res) => {
    res.json(openapi);
  });
  app.use("/api", apiDocsRouter());

  // Public form API: CORS for the forms' allowed origins (before the limiter, so a 429 is readable).
  app.use(publicFormCors(ctx));
  app.use("/api", apiRateLimit(ctx.rateLimits));
  app.use("/api", buildApiRouter(ctx, apiRoutes));
  app.use("/api", apiNotFound());

  // Web-to-lead forms: the script embed, and frame-ancestors of the hosted page from the form's allowed origins.
  app.get("/forms/embed.js", embedScript(ctx));
  app.get("/f/:publicId", hostedFormFrameHeaders(ctx));

  if (client.kind === "static") await mountStaticClient(app);
  if (client.kind === "vite") await mountViteDev(app, client.httpServer);

  app.use(errorHandler());
  return app;
}

async function mountStaticClient(app: Express): Promise<void> {
  const indexFile = path.join(CLIENT_DIST, "index.html");
  app.use("/assets", express.static(path.join(CLIENT_DIST, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: true }));
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: "1h" }));
  app.get("/{*splat}", async (_req, res, next) => {
    if (!existsSync(indexFile)) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(await readFile(indexFile, "utf8"));
  });
}

async function mountViteDev(app: Express, httpServer: Server): Promise<void> {
  const { createServer } = await import("vite");
  const vite = await createServer({
    configFile: path.join(ROOT_DIR, "vite.config.ts"),
    server: { middlewareMode: true, hmr: { server: httpServer } },
    appType: "custom",
  });
  app.use(vite.middlewares);
  app.get("/{*splat}", async (req, res, next) => {
    try {
      const template = await readFile(path.join(ROOT_DIR, "client/index.html"), "utf8");
      res.type("html").send(await vite.transformIndexHtml(req.originalUrl, template));
    } catch (err) {
      next(err);
    }
  });
}
