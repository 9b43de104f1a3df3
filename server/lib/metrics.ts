import client from "prom-client";

/** The one Prometheus registry; modules register their metrics on it at import time. */
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry, prefix: "agency_os_" });

export const httpRequestDuration = new client.Histogram({
  name: "agency_os_http_request_duration_seconds",
  help: "HTTP request duration by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export { client as promClient };
