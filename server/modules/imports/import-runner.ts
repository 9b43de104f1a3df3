import { and, eq, inArray, sql } from "drizzle-orm";
import type { ImportDryRun, ImportEntity } from "../../../shared/contracts/imports";
import { IMPORT_DRY_RUN_SAMPLE } from "../../../shared/contracts/imports";
import { AppError } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { loadAuthUser } from "../../auth/auth-user";
import { type ImportRow, imports } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { recordAudit } from "../audit/audit.service";
import { presentDefinition } from "../custom-fields/custom-fields.presenter";
import { listDefinitionRows } from "../custom-fields/custom-fields.repository";
import { clientsImport } from "./adapters/clients.import";
import { contactsImport } from "./adapters/contacts.import";
import { leadsImport } from "./adapters/leads.import";
import type { BatchResult, ImportAdapter } from "./import-batch";
import { fileBatches } from "./import-file";
import { advanceImport, deleteImportFile, findImport, insertRejects } from "./imports.repository";
import { canImport } from "./imports.policy";
import { enqueueImportBatchRescore } from "../duplicates/duplicate-events";

/** Rows per batch: one transaction, one duplicate lookup, one multi-row insert each. */
export const IMPORT_BATCH_SIZE = 1000;

const ADAPTERS: Record<ImportEntity, ImportAdapter> = { client: clientsImport, contact: contactsImport, lead: leadsImport };

/** A problem that fails the import for good (retrying cannot help). */
export class ImportFailure extends Error {}

/** The importer as an actor with their permissions as of now (a revoked permission stops the run). */
export async function importerActor(app: AppContext, imp: ImportRow): Promise<Actor> {
  const user = imp.createdById ? await loadAuthUser(app, imp.createdById) : null;
  if (user?.status !== "active" || user.workspaceId !== imp.workspaceId) throw new ImportFailure("The person who started this import can no longer sign in.");
  const permissions = new Set(user.permissions);
  if (!canImport({ role: user.role, permissions }, imp.entityType)) {
    throw new ImportFailure("The person who started this import no longer has permission to run it.");
  }
  return { id: user.id, workspaceId: user.workspaceId, email: user.email, name: user.name, role: user.role, clientId: user.clientId, permissions, pipelineScope: user.pipelineScope, sessionId: "import-job" };
}

/** Validates and writes one batch in `tx` with the custom field definitions read inside it (FOR SHARE). */
async function processBatch(app: AppContext, tx: Parameters<Parameters<typeof withTransaction>[1]>[0], actor: Actor, imp: ImportRow, rows: Parameters<ImportAdapter["processBatch"]>[1]): Promise<BatchResult> {
  const definitions = (await listDefinitionRows(tx.db, imp.workspaceId, imp.entityType, { lockForShare: true })).map(presentDefinition);
  const startedAt = new Date();
  const result = await ADAPTERS[imp.entityType].processBatch({ app, tx, actor, imp, definitions }, rows);
  // Duplicates: one re-score job for the whole batch (see duplicates/duplicate-events.ts).
  await enqueueImportBatchRescore(app, tx.db, imp.workspaceId, imp.entityType, startedAt);
  return result;
}

/**
 * Runs a queued import to the end, batch by batch. Each batch commits its records, rejects and the
 * advanced checkpoint in ONE transaction (the import row locked), so a crash or a second worker
 * resumes after the last committed batch and never writes a row twice. Stops when cancelled.
 */
export async function runImport(app: AppContext, importId: string, batchSize = IMPORT_BATCH_SIZE): Promise<void> {
  const { db, pool } = app.database;
  const imp = await findImport(db, importId);
  if (!imp || (imp.status !== "queued" && imp.status !== "running")) return;
  let actor: Actor;
  try {
    actor = await importerActor(app, imp);
  } catch (err) {
    if (err instanceof ImportFailure) return failImport(app, imp, err.message);
    throw err;
  }
  await db
    .update(imports)
    .set({ status: "running", startedAt: imp.startedAt ?? new Date(), error: null, updatedAt: new Date() })
    .where(and(eq(imports.id, importId), inArray(imports.status, ["queued", "running"])));
  try {
    for await (const batch of fileBatches(pool, importId, batchSize, imp.processed)) {
      const go = await withTransaction(pool, async (tx) => {
        // Safe here: a commit lost in a crash loses its checkpoint with it, and the batch is redone.
        await tx.client.query("set local synchronous_commit = off");
        const current = await findImport(tx.db, importId, true);
        if (current?.status !== "running") return false;
        const rows = batch.filter((r) => r.row - 1 > current.processed);
        if (!rows.length) return true;
        const res = await processBatch(app, tx, actor, current, rows);
        await insertRejects(tx.db, importId, res.rejects);
        await advanceImport(tx.db, importId, rows[rows.length - 1]!.row - 1, { created: res.created, updated: res.updated, skipped: res.skipped, rejected: res.rejects.length });
        return true;
      });
      if (!go) return;
    }
  } catch (err) {
    // A malformed file fails the import for good; anything else is retried by the job.
    if (err instanceof AppError && err.code === "validation_failed") {
      const issues = (err.details as { issues?: { message: string }[] } | undefined)?.issues;
      return failImport(app, imp, issues?.[0]?.message ?? err.message);
    }
    throw err;
  }
  await withTransaction(pool, async (tx) => {
    const [done] = await tx.db
      .update(imports)
      .set({ status: "completed", finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(imports.id, importId), eq(imports.status, "running")))
      .returning();
    if (!done) return;
    await deleteImportFile(tx.db, done.id);
    await recordAudit(tx.db, {
      workspaceId: done.workspaceId,
      actorId: done.createdById,
      action: "import.completed",
      entityType: "import",
      entityId: done.id,
      changes: { entityType: done.entityType, fileName: done.fileName, created: done.created, updated: done.updated, skipped: done.skipped, rejected: done.rejected },
    });
  });
}

/** Marks an import failed with a reason the user can read. */
export async function failImport(app: AppContext, imp: Pick<ImportRow, "id">, message: string): Promise<void> {
  await withTransaction(app.database.pool, async (tx) => {
    const [failed] = await tx.db
      .update(imports)
      .set({ status: "failed", error: message.slice(0, 1000), finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(imports.id, imp.id), inArray(imports.status, ["queued", "running"])))
      .returning({ id: imports.id });
    if (failed) await deleteImportFile(tx.db, failed.id);
  });
}

const ROLLBACK = Symbol("dry-run rollback");

/** An empty dry-run result for a check asked for at `ranAt`. */
export function emptyDryRun(ranAt: Date): ImportDryRun {
  return { total: 0, valid: 0, rejected: 0, wouldCreate: 0, wouldUpdate: 0, wouldSkip: 0, rejectedRows: [], errorCounts: [], ranAt: ranAt.toISOString(), finishedAt: null };
}

/**
 * Stores a dry run's result so far, only while that same check is still the import's current one
 * (status checking, same `ranAt`); false when the mapping changed, the import started or was
 * cancelled meanwhile (the check stops).
 */
async function saveDryRun(app: AppContext, importId: string, result: ImportDryRun, done: boolean): Promise<boolean> {
  const rows = await app.database.db
    .update(imports)
    .set({ dryRun: result, ...(done ? { status: "dry_run" as const } : {}), updatedAt: new Date() })
    .where(and(eq(imports.id, importId), eq(imports.status, "checking"), sql`${imports.dryRun}->>'ranAt' = ${result.ranAt}`))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/**
 * The dry run's job: every row goes through the same batch code as the real run, each batch in a
 * transaction that is then rolled back, so the counts and errors are the real ones and nothing is
 * written. Progress (rows checked, counts so far) is stored after each batch for the UI to poll.
 * A retry starts the check over. Rows repeating a row of an earlier batch count as new here.
 */
export async function runDryRun(app: AppContext, importId: string, ranAt: string, batchSize = IMPORT_BATCH_SIZE): Promise<void> {
  const imp = await findImport(app.database.db, importId);
  if (imp?.status !== "checking" || imp.dryRun?.ranAt !== ranAt) return;
  let actor: Actor;
  try {
    actor = await importerActor(app, imp);
  } catch (err) {
    if (err instanceof ImportFailure) return failDryRun(app, importId, ranAt, err.message);
    throw err;
  }
  const out: ImportDryRun = { ...emptyDryRun(new Date(ranAt)), ranAt };
  const byField = new Map<string, { column: string | null; field: string; rows: number }>();
  try {
    for await (const batch of fileBatches(app.database.pool, imp.id, batchSize)) {
      try {
        await withTransaction(app.database.pool, async (tx) => {
          const res = await processBatch(app, tx, actor, imp, batch);
          out.total += batch.length;
          out.rejected += res.rejects.length;
          out.wouldCreate += res.created;
          out.wouldUpdate += res.updated;
          out.wouldSkip += res.skipped;
          const sorted = [...res.rejects].sort((a, b) => a.row - b.row);
          for (const r of sorted) {
            if (out.rejectedRows.length < IMPORT_DRY_RUN_SAMPLE) out.rejectedRows.push({ row: r.row, errors: r.errors });
            for (const field of new Set(r.errors.map((e) => e.field))) {
              const e = r.errors.find((x) => x.field === field)!;
              const c = byField.get(field) ?? { column: e.column, field, rows: 0 };
              c.rows++;
              byField.set(field, c);
            }
          }
          throw ROLLBACK;
        });
      } catch (err) {
        if (err !== ROLLBACK) throw err;
      }
      out.valid = out.total - out.rejected;
      out.errorCounts = [...byField.values()].sort((a, b) => b.rows - a.rows);
      if (!(await saveDryRun(app, importId, out, false))) return;
    }
  } catch (err) {
    if (err instanceof AppError && err.code === "validation_failed") {
      const issues = (err.details as { issues?: { message: string }[] } | undefined)?.issues;
      return failDryRun(app, importId, ranAt, issues?.[0]?.message ?? err.message);
    }
    throw err;
  }
  await saveDryRun(app, importId, { ...out, finishedAt: new Date().toISOString() }, true);
}

/** A check that cannot finish: the import goes back to uploaded with the reason in `error`. */
export async function failDryRun(app: AppContext, importId: string, ranAt: string, message: string): Promise<void> {
  await app.database.db
    .update(imports)
    .set({ status: "uploaded", dryRun: null, error: message.slice(0, 1000), updatedAt: new Date() })
    .where(and(eq(imports.id, importId), eq(imports.status, "checking"), sql`${imports.dryRun}->>'ranAt' = ${ranAt}`));
}
