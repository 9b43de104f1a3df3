/**
 * Stable error codes and the error envelope shared by server and client.
 * Codes are snake_case, never renamed once shipped: clients branch on them.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  weak_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  csrf_invalid: 403,
  forbidden: 403,
  deal_owner_must_be_self: 403,
  origin_not_allowed: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  already_exists: 409,
  invalid_state: 409,
  foreign_key_violation: 409,
  stage_has_deals: 409,
  invite_already_accepted: 409,
  token_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  file_too_large: 413,
  unsupported_file_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  too_many_login_attempts: 429,
  internal_error: 500,
  service_unavailable: 503,
  integration_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Human messages for each code; a thrower may give a more specific one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: "Some fields are not valid.",
  bad_request: "The request could not be understood.",
  invalid_json: "The request body is not valid JSON.",
  invalid_cursor: "The page cursor is not valid; start again from the first page.",
  weak_password: "Choose a stronger password.",
  unauthenticated: "Please sign in to continue.",
  invalid_credentials: "The email or password is not correct.",
  session_expired: "Your session has expired. Please sign in again.",
  csrf_invalid: "Your session token is missing or out of date. Reload the page and try again.",
  forbidden: "You do not have permission to do that.",
  deal_owner_must_be_self: "You own the deals you create; ask a manager to hand one to someone else.",
  origin_not_allowed: "This form does not accept submissions from this site.",
  not_found: "We could not find that.",
  route_not_found: "There is no API endpoint at this address.",
  conflict: "That conflicts with existing data.",
  already_exists: "That already exists.",
  invalid_state: "That is not possible in the record's current state.",
  foreign_key_violation: "That refers to something that does not exist or is still in use.",
  stage_has_deals: "This stage still holds deals. Move them to another stage first.",
  invite_already_accepted: "This person has already accepted their invitation.",
  token_invalid: "This link is invalid or has expired.",
  payload_too_large: "The request is too large.",
  unsupported_media_type: "That content type is not supported.",
  file_too_large: "The file is larger than the upload limit.",
  unsupported_file_type: "That kind of file is not accepted. Upload a PDF, image, Office document, text/CSV or ZIP file.",
  unprocessable: "The request could not be processed.",
  rate_limited: "Too many requests. Please wait and try again.",
  too_many_login_attempts: "Too many sign-in attempts. Please wait and try again.",
  internal_error: "Something went wrong on our side. The error has been logged.",
  service_unavailable: "The service is temporarily unavailable.",
  integration_unavailable: "An external service is unavailable right now. Try again shortly.",
};

/** One field problem inside a validation_failed error. */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

/** The JSON body of every error response. */
export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    details?: { issues?: FieldIssue[]; retryAfterSeconds?: number; [key: string]: unknown };
    requestId?: string;
  };
}

/** An expected failure with a stable code; rendered by the one error middleware. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorEnvelope["error"]["details"];

  constructor(code: ErrorCode, message?: string, details?: ErrorEnvelope["error"]["details"]) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** Factories so call sites read as intent. */
export const errors = {
  validation: (issues: FieldIssue[], message?: string) => new AppError("validation_failed", message, { issues }),
  notFound: (what = "Record") => new AppError("not_found", `${what} not found.`),
  forbidden: (message?: string) => new AppError("forbidden", message),
  unauthenticated: (message?: string) => new AppError("unauthenticated", message),
  conflict: (message?: string, details?: ErrorEnvelope["error"]["details"]) => new AppError("conflict", message, details),
  alreadyExists: (message?: string) => new AppError("already_exists", message),
  /** 409 already_exists naming the one field whose value is taken (e.g. body.name), so forms show it there. */
  taken: (path: string, message: string) => new AppError("already_exists", message, { issues: [{ path, message }] }),
  invalidState: (message?: string) => new AppError("invalid_state", message),
  tokenInvalid: (message?: string) => new AppError("token_invalid", message),
  rateLimited: (retryAfterSeconds: number, code: "rate_limited" | "too_many_login_attempts" = "rate_limited") =>
    new AppError(code, undefined, { retryAfterSeconds }),
  integrationUnavailable: (provider: string) =>
    new AppError("integration_unavailable", `${provider} is unavailable right now. Try again shortly.`, { provider }),
};

/** True when a value looks like the error envelope (used by the client). */
export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as { error: unknown }).error === "object" &&
    typeof (value as ErrorEnvelope).error?.code === "string"
  );
}
