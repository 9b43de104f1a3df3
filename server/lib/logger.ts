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

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: string;
  cause?: unknown;
}

/**
 * Errors are logged as type, message, code and stack only: driver errors carry their connection
 * (with settings and buffers) as enumerable fields, which must not reach the log.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== "object") return err;
  const e = err as ErrorLike;
  return {
    type: e.name ?? (err as object).constructor?.name,
    message: e.message,
    ...(e.code ? { code: e.code } : {}),
    stack: e.stack,
    ...(e.cause && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

/** PostgreSQL's "terminating connection due to administrator command" and friends: a restart or shutdown. */
export function isDatabaseShutdown(err: unknown): boolean {
  const code = (err as ErrorLike | undefined)?.code;
  return code === "57P01" || code === "57P02" || code === "57P03";
}

function buildOptions(level: string, pretty: boolean): LoggerOptions {
  return {
    level,
    serializers: { err: serializeError },
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
