import { and, isNotNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../app-context";
import { sessions, userTokens } from "../db/schema";
import { logger } from "../lib/logger";
import { defineJob } from "./define-job";

/** Nightly: deletes expired or used tokens older than a day and expired session rows. Idempotent. */
export const maintenanceCleanupJob = defineJob<Record<string, never>, AppContext>({
  name: "maintenance.cleanup",
  payload: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: "17 3 * * *",
  retryLimit: 2,
  async perform(_payload, { app }) {
    const dayAgo = new Date(Date.now() - 86_400_000);
    const db = app.database.db;
    const tokens = await db
      .delete(userTokens)
      .where(or(lt(userTokens.expiresAt, dayAgo), and(isNotNull(userTokens.usedAt), lt(userTokens.usedAt, dayAgo))))
      .returning({ id: userTokens.id });
    const expired = await db.delete(sessions).where(lt(sessions.expire, new Date())).returning({ sid: sessions.sid });
    logger.info({ tokens: tokens.length, sessions: expired.length }, "maintenance cleanup done");
  },
});
