import { and, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { importFiles, imports } from "../../db/schema";

/** Uploads not started (never run: uploaded, checked or being checked) are deleted after this long idle. */
export const ABANDONED_UPLOAD_MS = 24 * 3600 * 1000;
/** A finished import's stored file is gone at the latest this long after it finished. */
export const FINISHED_FILE_MS = 7 * 24 * 3600 * 1000;

const NOT_STARTED = ["uploaded", "checking", "dry_run"] as const;
const FINISHED = ["completed", "failed", "cancelled"] as const;

/**
 * Deletes abandoned uploads (the import record, its file and any dry-run result; the audit log keeps
 * the upload) and the stored files of imports that finished a week ago or more. Finished imports
 * normally drop their file at once; this catches any left behind. Their rejected-rows reports stay
 * as long as the import record does.
 */
export async function cleanupImports(db: Db, now: Date): Promise<{ abandoned: number; files: number }> {
  const abandoned = await db
    .delete(imports)
    .where(and(inArray(imports.status, [...NOT_STARTED]), lt(imports.updatedAt, new Date(now.getTime() - ABANDONED_UPLOAD_MS))))
    .returning({ id: imports.id });
  const files = await db
    .delete(importFiles)
    .where(
      sql`${importFiles.importId} in (select ${imports.id} from ${imports} where ${inArray(imports.status, [...FINISHED])} and ${lt(imports.finishedAt, new Date(now.getTime() - FINISHED_FILE_MS))})`,
    )
    .returning({ importId: importFiles.importId });
  return { abandoned: abandoned.length, files: new Set(files.map((f) => f.importId)).size };
}
