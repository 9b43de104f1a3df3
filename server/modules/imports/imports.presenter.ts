import type { ImportDto } from "../../../shared/contracts/imports";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { ImportRow } from "../../db/schema";
import { importAbilities } from "./imports.policy";
import { userNamesById } from "./imports.repository";

/** Rows → DTOs, field by field, with creators' names loaded in one query. */
export async function presentImports(db: Db, actor: Actor, rows: ImportRow[]): Promise<ImportDto[]> {
  const names = await userNamesById(db, actor.workspaceId, [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))]);
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entityType,
    fileName: r.fileName,
    fileSize: r.fileSize,
    status: r.status,
    headers: r.headers,
    mapping: r.mapping,
    duplicateStrategy: r.duplicateStrategy,
    matchOn: r.matchOn,
    counts: { total: r.totalRows, processed: r.processed, created: r.created, updated: r.updated, skipped: r.skipped, rejected: r.rejected },
    // Checks stored before progress was tracked lack errorCounts and finishedAt.
    dryRun: r.dryRun ? { ...r.dryRun, errorCounts: r.dryRun.errorCounts ?? [], finishedAt: r.dryRun.finishedAt === undefined ? r.dryRun.ranAt : r.dryRun.finishedAt } : null,
    error: r.error,
    createdBy: r.createdById ? { id: r.createdById, name: names.get(r.createdById) ?? "" } : null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    abilities: importAbilities(actor, r),
  }));
}
