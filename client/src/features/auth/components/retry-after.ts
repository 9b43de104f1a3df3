import { ApiError } from "@/lib/api-client";

/** "Try again in 2 minutes." from a 429's Retry-After, or "" when unknown. */
export function retryAfterText(error: unknown): string {
  if (!(error instanceof ApiError) || error.status !== 429) return "";
  const s = error.retryAfterSeconds;
  if (!s || s <= 0) return "";
  if (s < 60) return ` Try again in ${Math.ceil(s)} second${Math.ceil(s) === 1 ? "" : "s"}.`;
  const m = Math.ceil(s / 60);
  return ` Try again in ${m} minute${m === 1 ? "" : "s"}.`;
}
