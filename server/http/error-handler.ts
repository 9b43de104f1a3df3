import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, ERROR_MESSAGES, type ErrorCode, type ErrorEnvelope, errors, type FieldIssue } from "../../shared/errors";
import { logger } from "../lib/logger";
import { currentContext } from "../lib/request-context";

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/**
 * Unique indexes that mean "this value is taken" on one request field. Their violation is 409
 * already_exists with that field in `details.issues`, the same answer the services' friendly
 * pre-checks give, so a request that races past a pre-check reads the same. Any other unique
 * violation is 409 already_exists with the constraint's name.
 */
export const UNIQUE_VIOLATION_FIELDS: Readonly<Record<string, FieldIssue>> = {
  pipelines_workspace_name_uq: { path: "body.name", message: "There is already a pipeline with this name" },
  pipeline_stages_pipeline_name_uq: { path: "body.name", message: "This pipeline already has a stage with this name" },
  saved_views_owner_name_uq: { path: "body.name", message: "There is already a view of this list with this name" },
};

/** Maps known low-level errors (PostgreSQL, body parser) to an AppError; unknown errors return null. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (typeof err !== "object" || err === null) return null;
  const bp = err as BodyParserError;
  if (bp.type === "entity.parse.failed") return new AppError("invalid_json");
  if (bp.type === "entity.too.large") return new AppError("payload_too_large");
  if (bp.type === "encoding.unsupported" || bp.type === "charset.unsupported") return new AppError("unsupported_media_type");
  const pgErr = err as PgLikeError;
  // The cause chain: drizzle wraps driver errors.
  const cause = (err as { cause?: PgLikeError }).cause;
  const code = pgErr.code ?? cause?.code;
  const constraint = pgErr.constraint ?? cause?.constraint;
  switch (code) {
    case "23505": {
      const taken = constraint ? UNIQUE_VIOLATION_FIELDS[constraint] : undefined;
      if (taken) return errors.taken(taken.path, taken.message);
      return new AppError("already_exists", undefined, constraint ? { constraint } : undefined);
    }
    case "23503":
      return new AppError("foreign_key_violation", undefined, constraint ? { constraint } : undefined);
    case "23514":
    case "23502":
      return new AppError("unprocessable", undefined, constraint ? { constraint } : undefined);
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
      return new AppError("bad_request", "A value in the request has the wrong format.");
    // A NUL character (\u0000) in text or JSON: PostgreSQL cannot store it.
    case "22021":
    case "22P05":
      return new AppError("bad_request", "Text cannot contain a NUL character (\\u0000).");
    case "57014":
      return new AppError("service_unavailable", "The request took too long. Try a narrower query.");
  }
  return null;
}

/** Renders the one error envelope; a 500 never carries a stack trace or SQL. */
export function errorHandler(): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = currentContext()?.requestId ?? (req.headers["x-request-id"] as string | undefined);
    const appErr = toAppError(err);
    const status = appErr?.status ?? 500;
    const code: ErrorCode = appErr?.code ?? "internal_error";
    if (!appErr) logger.error({ err, path: req.path, method: req.method }, "unhandled error");
    else if (status >= 500) logger.warn({ err, code }, "request failed");
    const body: ErrorEnvelope = {
      error: {
        code,
        message: appErr?.message ?? ERROR_MESSAGES.internal_error,
        ...(appErr?.details ? { details: appErr.details } : {}),
        requestId,
      },
    };
    const retryAfter = appErr?.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") res.setHeader("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

/** JSON 404 for unknown /api paths (registered before the SPA fallback). */
export function apiNotFound(): RequestHandler {
  return (_req, _res, next) => next(new AppError("route_not_found"));
}
