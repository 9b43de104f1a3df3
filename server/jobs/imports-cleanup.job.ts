import { z } from "zod";
import type { AppContext } from "../app-context";
import { logger } from "../lib/logger";
import { cleanupImports } from "../modules/imports/imports-cleanup";
import { defineJob } from "./define-job";

/**
 * Hourly: deletes uploads nobody started within a day (the import record and its stored file) and
 * any stored file a finished import still holds a week after it finished. Idempotent.
 */
export const importsCleanupJob = defineJob<Record<string, never>, AppContext>({
  name: "imports.cleanup",
  payload: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: "41 * * * *",
  retryLimit: 2,
  async perform(_payload, { app }) {
    const result = await cleanupImports(app.database.db, new Date());
    if (result.abandoned || result.files) logger.info(result, "imports cleanup done");
  },
});
