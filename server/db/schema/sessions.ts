import { index, json, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

/**
 * express-session rows (connect-pg-simple's layout plus our columns). Logout sets `revoked_at`
 * instead of deleting, so a request still in flight cannot upsert the session back to life.
 */
export const sessions = pgTable(
  "session",
  {
    sid: varchar("sid").primaryKey(),
    sess: json("sess").notNull(),
    expire: timestamp("expire", { precision: 6, mode: "date" }).notNull(),
    handle: text("handle").notNull(),
    userId: uuid("user_id"),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("session_expire_idx").on(t.expire), index("session_user_idx").on(t.userId), index("session_handle_idx").on(t.handle)],
);
