import { z } from "zod";
import type { AppContext } from "../app-context";
import { withLeanHeap } from "../lib/heap-policy";
import { failDryRun, runDryRun } from "../modules/imports/import-runner";
import { defineJob } from "./define-job";

const RETRY_LIMIT = 2;

/**
 * Checks every row of an import without writing (the wizard's "Check the file"), storing progress
 * for the UI to poll. `ranAt` names the check: a newer check, a mapping change or the start of the
 * import makes an older job stop. After the last retry the import goes back to uploaded with the reason.
 */
export const importDryRunJob = defineJob<{ importId: string; workspaceId: string; ranAt: string }, AppContext>({
  name: "imports.dry-run",
  payload: z.object({ importId: z.uuid(), workspaceId: z.uuid(), ranAt: z.iso.datetime() }),
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 10,
  expireInSeconds: 1800,
  async perform({ importId, ranAt }, { app, attempt }) {
    try {
      await withLeanHeap(() => runDryRun(app, importId, ranAt));
    } catch (err) {
      if (attempt > RETRY_LIMIT) await failDryRun(app, importId, ranAt, "The check stopped after repeated errors. Check the file again.");
      throw err;
    }
  },
});
