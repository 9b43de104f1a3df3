import { z } from "zod";
import type { AppContext } from "../app-context";
import { withLeanHeap } from "../lib/heap-policy";
import { logger } from "../lib/logger";
import { failImport, runImport } from "../modules/imports/import-runner";
import { defineJob } from "./define-job";

const RETRY_LIMIT = 3;

/**
 * Runs one CSV import in batches from its last checkpoint (idempotent: a retry or a second worker
 * resumes where the committed batches end). After the last retry the import is marked failed.
 */
export const importRunJob = defineJob<{ importId: string; workspaceId: string }, AppContext>({
  name: "imports.run",
  payload: z.object({ importId: z.uuid(), workspaceId: z.uuid() }),
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 15,
  retryBackoff: true,
  // A worker that dies mid-import is noticed at expiry; the retry resumes from the checkpoint.
  expireInSeconds: 1800,
  async perform({ importId }, { app, attempt }) {
    try {
      await withLeanHeap(() => runImport(app, importId));
    } catch (err) {
      logger.warn({ err, importId, attempt }, "import batch failed; the job will resume from the last checkpoint");
      if (attempt > RETRY_LIMIT) await failImport(app, { id: importId }, "The import stopped after repeated errors. Rows imported so far are kept; start a new import for the rest.");
      throw err;
    }
  },
});
