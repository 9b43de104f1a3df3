import { Router } from "express";
import type { AppContext } from "../../app-context";
import { safeEqual } from "../../auth/tokens";
import { metricsRegistry, promClient } from "../../lib/metrics";
import { readiness } from "./health.service";

/** /health/live, /health/ready and /metrics (outside /api: probes are not API clients). */
export function healthRouter(app: AppContext): Router {
  const router = Router();
  const poolGauge = new promClient.Gauge({
    name: "agency_os_db_pool_connections",
    help: "PostgreSQL pool connections by state",
    labelNames: ["state"] as const,
    registers: [],
    collect() {
      const pool = app.database.pool;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  const registry = promClient.Registry.merge([metricsRegistry, new promClient.Registry()]);
  registry.registerMetric(poolGauge);

  router.get("/health/live", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/health/ready", async (_req, res) => {
    const report = await readiness(app);
    res.status(report.ok ? 200 : 503).json(report);
  });
  router.get("/metrics", async (req, res) => {
    const token = app.config.METRICS_TOKEN;
    if (token) {
      const given = (req.get("authorization") ?? "").replace(/^Bearer\s+/i, "");
      if (!safeEqual(given, token)) {
        res.status(401).json({ error: { code: "unauthenticated", message: "A metrics token is required." } });
        return;
      }
    }
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
