import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { logger } from "../lib/logger";
import { httpRequestDuration } from "../lib/metrics";
import { runWithContext } from "../lib/request-context";

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Assigns the request id (honouring a sane incoming X-Request-Id), opens the request context and logs. */
export function requestContext(): RequestHandler {
  const httpLogger = pinoHttp({
    logger,
    genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    autoLogging: { ignore: (req) => req.url === "/health/live" || req.url === "/health/ready" },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
    (req as { id?: string }).id = id;
    res.setHeader("X-Request-Id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : req.path.startsWith("/api") ? "/api/unmatched" : "static";
      httpRequestDuration.observe(
        { method: req.method, route, status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    runWithContext({ requestId: id, ip: req.ip }, () => httpLogger(req, res, next));
  };
}
