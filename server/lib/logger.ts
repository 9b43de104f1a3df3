import pino, { type Logger, type LoggerOptions } from "pino";
import { currentContext } from "./request-context";

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "token",
  "*.secret",
  "*.apiKey",
  "*.authToken",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.passwordHash",
  "*.sess",
];

function buildOptions(level: string, pretty: boolean): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    base: { service: "agency-os" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Request id, user and workspace ride along on every line logged inside a request.
    mixin() {
      const ctx = currentContext();
      return ctx ? { requestId: ctx.requestId, userId: ctx.userId, workspaceId: ctx.workspaceId } : {};
    },
    transport: pretty ? { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss" } } : undefined,
  };
}

/** The process logger; `configureLogger` replaces it once config is parsed. */
export let logger: Logger = pino(buildOptions("info", false));

/** Rebuilds the process logger from config (boot only). */
export function configureLogger(opts: { level: string; pretty: boolean }): Logger {
  logger = pino(buildOptions(opts.level, opts.pretty));
  return logger;
}
