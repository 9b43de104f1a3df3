import { ERROR_MESSAGES, type ErrorCode, type FieldIssue, isErrorEnvelope } from "@shared/errors";

export type ClientErrorCode = ErrorCode | "network_error" | "unknown_error";

/** A failed API call: the server's error envelope, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: { issues?: FieldIssue[]; retryAfterSeconds?: number; [key: string]: unknown } | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ClientErrorCode;
    message: string;
    details?: ApiError["details"];
    requestId?: string;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** Seconds to wait before retrying a 429, when the server said so. */
  get retryAfterSeconds(): number | undefined {
    return this.details?.retryAfterSeconds;
  }
}

/** True for an ApiError (optionally with one of the given codes). */
export function isApiError(error: unknown, ...codes: ClientErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** A message fit to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Remembers the CSRF token from /api/auth/me, login or invitation accept. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when a signed-in call answers 401 (clear cache, go to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

// Calls where 401 is an expected answer rather than "your session ended".
const AUTH_PROBES = new Set(["/api/auth/me", "/api/auth/session", "/api/auth/login", "/api/auth/logout"]);

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Builds `path?query`, leaving out empty values; arrays repeat the key (`cf=a:1&cf=b:2`). */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, req: ApiRequest): Promise<Response> {
  const method = req.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  try {
    return await fetch(withQuery(path, req.query), {
      method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: "same-origin",
      signal: req.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "network_error", message: "Can't reach the server. Check your connection and try again." });
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const retryHeader = Number(res.headers.get("Retry-After"));
  if (isErrorEnvelope(body)) {
    const { code, message, details, requestId } = body.error;
    const merged =
      res.status === 429 && details?.retryAfterSeconds === undefined && retryHeader > 0
        ? { ...details, retryAfterSeconds: retryHeader }
        : details;
    return new ApiError({ status: res.status, code, message: message || ERROR_MESSAGES[code], details: merged, requestId });
  }
  return new ApiError({
    status: res.status,
    code: res.status >= 500 ? "internal_error" : "unknown_error",
    message: res.status >= 500 ? ERROR_MESSAGES.internal_error : `The request failed (HTTP ${res.status}).`,
    details: res.status === 429 && retryHeader > 0 ? { retryAfterSeconds: retryHeader } : undefined,
  });
}

async function refreshCsrfToken(): Promise<boolean> {
  const res = await send("/api/auth/me", {});
  if (!res.ok) return false;
  const me = (await res.json()) as { csrfToken?: string };
  if (!me.csrfToken) return false;
  csrfToken = me.csrfToken;
  return true;
}

/** Calls the JSON API; resolves the parsed body (undefined for 204) or throws ApiError. */
export async function apiFetch<T>(path: string, req: ApiRequest = {}): Promise<T> {
  let res = await send(path, req);
  // A stale CSRF token (e.g. after the session rotated in another tab): refresh once and retry.
  if (res.status === 403 && (req.method ?? "GET") !== "GET") {
    const err = await toApiError(res.clone());
    if (err.code === "csrf_invalid" && (await refreshCsrfToken())) res = await send(path, req);
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(res);
  if (res.status === 401 && !AUTH_PROBES.has(path)) unauthorizedHandler?.();
  throw error;
}

export interface UploadRequest {
  query?: Record<string, QueryValue>;
  /** Called as the body goes out (bytes sent, bytes in total). */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function sendUpload(path: string, form: FormData, req: UploadRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest rather than fetch: only it reports upload progress in every browser.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", withQuery(path, req.query));
    xhr.setRequestHeader("Accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => req.onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "network_error", message: "The upload failed. Check your connection and try again." }));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    req.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Uploads a multipart form (with the CSRF token) reporting progress; resolves the parsed body or throws ApiError. */
export async function apiUpload<T>(path: string, form: FormData, req: UploadRequest = {}): Promise<T> {
  let res = await sendUpload(path, form, req);
  if (res.status === 403) {
    const err = await toApiError(res.clone());
    if (err.code === "csrf_invalid" && (await refreshCsrfToken())) res = await sendUpload(path, form, req);
  }
  if (res.ok) {
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(res);
  if (res.status === 401) unauthorizedHandler?.();
  throw error;
}
