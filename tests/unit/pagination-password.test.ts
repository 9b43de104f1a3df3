import { describe, expect, it } from "vitest";
import { assertPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from "../../server/auth/password";
import { decodeCursor, encodeCursor, toPage } from "../../server/lib/pagination";
import type { AppError } from "../../shared/errors";

describe("cursors", () => {
  it("round-trip the sort key", () => {
    expect(decodeCursor(encodeCursor(["Ada", "0192-id"]), 2)).toEqual(["Ada", "0192-id"]);
  });

  it("reject tampered or wrong-length cursors with invalid_cursor", () => {
    for (const bad of ["%%%", encodeCursor(["only-one"]), Buffer.from('{"a":1}').toString("base64url")]) {
      try {
        decodeCursor(bad, 2);
        expect.unreachable();
      } catch (err) {
        expect((err as AppError).code).toBe("invalid_cursor");
      }
    }
  });

  it("toPage returns a next cursor only when an extra row was fetched", () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n) }));
    const full = toPage(rows, 2, (r) => [r.id], (r) => r.id);
    expect(full.data).toEqual(["1", "2"]);
    expect(decodeCursor(full.meta.nextCursor!, 1)).toEqual(["2"]);
    expect(toPage(rows, 3, (r) => [r.id], (r) => r.id).meta.nextCursor).toBeNull();
  });
});

describe("password policy", () => {
  it("rejects common passwords case-insensitively", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("qwerty123")).toBe(true);
    expect(isCommonPassword("Correct-horse-battery-9")).toBe(false);
  });

  it("throws weak_password naming the field for short, long and common passwords", () => {
    for (const pw of ["short", "x".repeat(257), "password1"]) {
      try {
        assertPasswordPolicy(pw, "newPassword");
        expect.unreachable(pw);
      } catch (err) {
        expect((err as AppError).code).toBe("weak_password");
        expect((err as AppError).details?.issues?.[0]?.path).toBe("body.newPassword");
      }
    }
  });

  it("hashes with argon2id and never truncates long passwords", async () => {
    const long = `${"a".repeat(200)}-tail-one`;
    const hash = await hashPassword(long);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, `${"a".repeat(200)}-tail-two`)).toBe(false);
  });
});
