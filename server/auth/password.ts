import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../shared/constants/limits";
import { AppError } from "../../shared/errors";

// OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1.
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, unusable under isolatedModules) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// The list is ranked by frequency; the first 10,000 are the "most common" we refuse.
const COMMON = new Set((dictionary["passwords-common"] as string[]).slice(0, 10_000).map((p) => p.toLowerCase()));

/** True when the password is among the 10,000 most common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** Throws `weak_password` (with the failing field) unless the password meets the policy. */
export function assertPasswordPolicy(password: string, field = "password"): void {
  const issues: string[] = [];
  if (password.length < PASSWORD_MIN) issues.push(`Use at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) issues.push(`Use at most ${PASSWORD_MAX} characters`);
  if (isCommonPassword(password)) issues.push("This password is too common; choose one that is harder to guess");
  if (issues.length) {
    throw new AppError("weak_password", issues[0], { issues: issues.map((message) => ({ path: `body.${field}`, message })) });
  }
}

/** Hashes with argon2id; the whole password is used (never truncated). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Verifies against a stored hash; false for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
/** A hash of a random string, computed once, for constant-time failure on unknown accounts. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`dummy-${Math.random()}`, ARGON2_OPTIONS);
  return dummyHash;
}
