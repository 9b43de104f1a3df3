import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { userTokens } from "../../db/schema";

export type TokenPurpose = "invite" | "password_reset";

/** Stores a token hash; earlier unused tokens of the same purpose stop working. */
export async function replaceToken(
  db: Db,
  row: { workspaceId: string; userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, row.userId), eq(userTokens.purpose, row.purpose), isNull(userTokens.usedAt)));
  await db.insert(userTokens).values(row);
}

/** An unused, unexpired token by hash. */
export async function findLiveToken(db: Db, tokenHash: string, purpose: TokenPurpose) {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
    .limit(1);
  return row;
}

/** Marks a token used; false when another request used it first (single use under concurrency). */
export async function consumeToken(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.id, id), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length === 1;
}

/** Revokes every unused token of the user (a pending invite or reset link stops working). Returns how many. */
export async function revokeUserTokens(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length;
}
