import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random token (256 bits) for invite and reset links. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 of a token: only the hash is stored, so a database leak reveals no usable link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The public handle of a session: lets users revoke a session without ever seeing its cookie value. */
export function sessionHandle(sid: string): string {
  return createHash("sha256").update(`session:${sid}`).digest("hex").slice(0, 32);
}

/** CSRF token bound to the session id: rotates with it at login, needs no storage. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac("sha256", secret).update(`csrf:${sessionId}`).digest("base64url");
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
