import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";

/** A user's live sessions, newest first. */
export async function listLiveSessions(db: Db, userId: string) {
  return db
    .select({ handle: sessions.handle, userAgent: sessions.userAgent, ip: sessions.ip, createdAt: sessions.createdAt, expire: sessions.expire })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expire, new Date())))
    .orderBy(desc(sessions.createdAt));
}

/** Revokes every live session of a user, optionally sparing one sid; returns the revoked handles. */
export async function revokeUserSessions(db: Db, userId: string, exceptSid?: string): Promise<string[]> {
  const conds = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (exceptSid) conds.push(ne(sessions.sid, exceptSid));
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date(), sess: {} })
    .where(and(...conds))
    .returning({ handle: sessions.handle });
  return rows.map((r) => r.handle);
}

/** Revokes one of the user's sessions by its public handle; false if none matched. */
export async function revokeSessionByHandle(db: Db, userId: string, handle: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date(), sess: {} })
    .where(and(eq(sessions.userId, userId), eq(sessions.handle, handle), isNull(sessions.revokedAt)))
    .returning({ sid: sessions.sid });
  return rows.length > 0;
}
