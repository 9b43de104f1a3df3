import path from "node:path";
import express, { Router } from "express";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Agency OS API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// Served as a file (not inline) so the strict CSP needs no 'unsafe-inline' for scripts.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", withCredentials: true });`;

/** Browsable API docs at /api/docs from the locally installed swagger-ui-dist (no CDN). */
export function apiDocsRouter(): Router {
  const router = Router();
  const assets = path.dirname(require.resolve("swagger-ui-dist/package.json"));
  router.use("/docs/assets", express.static(assets, { maxAge: "1d", index: false }));
  router.get("/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(INIT);
  });
  router.get("/docs", (_req, res) => {
    res.type("html").send(PAGE);
  });
  return router;
}
