import type { Request } from "express";
import {
  type ConfigureImportBody,
  DEFAULT_MATCH_KEYS,
  IMPORT_FIELDS,
  type ImportDto,
  type ImportEntity,
  type ImportListResponse,
  type ImportTarget,
  type ListImportsQuery,
  MATCH_KEYS_BY_ENTITY,
  suggestMapping,
  type UploadImportResponse,
} from "../../../shared/contracts/imports";
import { errors, type FieldIssue } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { ImportRow } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { importDryRunJob } from "../../jobs/import-dry-run.job";
import { importRunJob } from "../../jobs/import-run.job";
import { toPage } from "../../lib/pagination";
import { recordAudit } from "../audit/audit.service";
import { loadDefinitions } from "../custom-fields/custom-fields.service";
import { storeUpload } from "./import-file";
import { emptyDryRun } from "./import-runner";
import { assertCanImport, importAbilities } from "./imports.policy";
import { presentImports } from "./imports.presenter";
import { deleteImportFile, findVisibleImport, insertImport, listVisibleImports, updateImport } from "./imports.repository";

/** Every field a column of this record type can go to: the built-in ones, then the workspace's custom fields. */
export async function importTargets(app: AppContext, workspaceId: string, entity: ImportEntity): Promise<ImportTarget[]> {
  const custom = await loadDefinitions(app, workspaceId, entity);
  return [
    ...IMPORT_FIELDS[entity].map((f) => ({ key: f.key, label: f.label, required: f.required ?? false, custom: false, hint: f.hint ?? null })),
    ...custom.map((d) => ({ key: `cf.${d.key}`, label: d.label, required: false, custom: true, hint: d.type === "select" || d.type === "multi_select" ? d.options.join(", ") : d.type })),
  ];
}

async function present(db: Db, actor: Actor, row: ImportRow): Promise<ImportDto> {
  return (await presentImports(db, actor, [row]))[0]!;
}

/** A visible import or 404. */
async function loadVisible(db: Db, actor: Actor, id: string, lock = false): Promise<ImportRow> {
  const row = await findVisibleImport(db, actor, id, lock);
  if (!row) throw errors.notFound("Import");
  return row;
}

/** Streams an upload into the database and answers with the header, a sample and suggested mapping. */
export async function uploadImport(app: AppContext, actor: Actor, entity: ImportEntity, req: Request): Promise<UploadImportResponse> {
  assertCanImport(actor, entity);
  const targets = await importTargets(app, actor.workspaceId, entity);
  const { row, sample } = await withTransaction(app.database.pool, async (tx) => {
    const created = await insertImport(tx.db, { workspaceId: actor.workspaceId, entityType: entity, fileName: "upload.csv", createdById: actor.id, matchOn: [...DEFAULT_MATCH_KEYS[entity]] });
    const file = await storeUpload(req, tx.client, created.id);
    const mapping = suggestMapping(file.headers, targets, entity);
    const updated = await updateImport(tx.db, created.id, { fileName: file.fileName, fileSize: file.size, headers: file.headers, totalRows: file.rows, mapping });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "import.uploaded", entityType: "import", entityId: created.id, changes: { entityType: entity, fileName: file.fileName, rows: file.rows } });
    return { row: updated!, sample: file.sample };
  });
  return { data: await present(app.database.db, actor, row), sample, suggestedMapping: row.mapping, targets };
}

/** Problems that keep an import from running: mapping shape, unknown or repeated targets, required fields, match keys. */
function readinessIssues(row: Pick<ImportRow, "entityType" | "headers" | "mapping" | "matchOn">, targets: ImportTarget[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(targets.map((t) => t.key));
  if (row.mapping.length !== row.headers.length) issues.push({ path: "body.mapping", message: `Give one target (or null) for each of the ${row.headers.length} columns` });
  const seen = new Set<string>();
  row.mapping.forEach((t, i) => {
    if (!t) return;
    if (!known.has(t)) issues.push({ path: `body.mapping.${i}`, message: `"${t}" is not a field of this record type` });
    else if (seen.has(t)) issues.push({ path: `body.mapping.${i}`, message: "Another column already goes to this field" });
    seen.add(t);
  });
  const required = row.entityType === "contact" ? ["client"] : ["name"];
  for (const key of required) if (!seen.has(key)) issues.push({ path: "body.mapping", message: `Map a column to ${targets.find((t) => t.key === key)?.label ?? key}` });
  if (row.entityType === "contact" && !seen.has("firstName") && !seen.has("fullName")) issues.push({ path: "body.mapping", message: "Map a column to First name or Full name" });
  const allowed = MATCH_KEYS_BY_ENTITY[row.entityType];
  row.matchOn.forEach((k, i) => {
    if (!allowed.includes(k)) issues.push({ path: `body.matchOn.${i}`, message: `Match ${row.entityType}s on ${allowed.join(", ")}` });
  });
  return issues;
}

function assertOpen(row: ImportRow): void {
  if (row.status !== "uploaded" && row.status !== "checking" && row.status !== "dry_run") throw errors.invalidState(`This import is ${row.status.replace("_", " ")}; it can no longer be changed.`);
}

/** Sets the column mapping, duplicate strategy and match keys (a previous dry run is discarded). */
export async function configureImport(app: AppContext, actor: Actor, id: string, body: ConfigureImportBody): Promise<ImportDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const current = await loadVisible(tx.db, actor, id, true);
    assertCanImport(actor, current.entityType);
    assertOpen(current);
    const next = {
      mapping: body.mapping ?? current.mapping,
      duplicateStrategy: body.duplicateStrategy ?? current.duplicateStrategy,
      matchOn: body.matchOn ? [...new Set(body.matchOn)] : current.matchOn,
    };
    const issues = readinessIssues({ ...current, ...next }, await importTargets(app, actor.workspaceId, current.entityType));
    if (issues.length) throw errors.validation(issues);
    return (await updateImport(tx.db, id, { ...next, status: "uploaded", dryRun: null, error: null }))!;
  });
  return present(app.database.db, actor, row);
}

/**
 * Queues the dry run's job (status checking): it validates every row without writing and stores its
 * progress, counts and first rejected rows on the import for the UI to poll. A new check replaces
 * one still running.
 */
export async function dryRun(app: AppContext, actor: Actor, id: string): Promise<ImportDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const current = await loadVisible(tx.db, actor, id, true);
    assertCanImport(actor, current.entityType);
    assertOpen(current);
    const issues = readinessIssues(current, await importTargets(app, actor.workspaceId, current.entityType));
    if (issues.length) throw errors.validation(issues);
    const ranAt = new Date();
    const checking = await updateImport(tx.db, id, { status: "checking", dryRun: emptyDryRun(ranAt), error: null });
    await app.jobs.enqueue(importDryRunJob, { importId: id, workspaceId: actor.workspaceId, ranAt: ranAt.toISOString() }, { tx });
    return checking!;
  });
  return present(app.database.db, actor, row);
}

/** Queues the import's background job (in the same transaction as the status change). */
export async function startImport(app: AppContext, actor: Actor, id: string): Promise<ImportDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const current = await loadVisible(tx.db, actor, id, true);
    assertCanImport(actor, current.entityType);
    assertOpen(current);
    const issues = readinessIssues(current, await importTargets(app, actor.workspaceId, current.entityType));
    if (issues.length) throw errors.validation(issues);
    const queued = await updateImport(tx.db, id, { status: "queued" });
    await app.jobs.enqueue(importRunJob, { importId: id, workspaceId: actor.workspaceId }, { tx });
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "import.started", entityType: "import", entityId: id, changes: { entityType: current.entityType, fileName: current.fileName, duplicateStrategy: current.duplicateStrategy, matchOn: current.matchOn } });
    return queued!;
  });
  return present(app.database.db, actor, row);
}

/** Stops an import before it completes; what earlier batches wrote stays. */
export async function cancelImport(app: AppContext, actor: Actor, id: string): Promise<ImportDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const current = await loadVisible(tx.db, actor, id, true);
    if (!importAbilities(actor, current).cancel) throw errors.invalidState(`This import is ${current.status}; it cannot be cancelled.`);
    const cancelled = await updateImport(tx.db, id, { status: "cancelled", finishedAt: new Date() });
    await deleteImportFile(tx.db, id);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "import.cancelled", entityType: "import", entityId: id, changes: { processed: current.processed } });
    return cancelled!;
  });
  return present(app.database.db, actor, row);
}

/** One import with its progress. */
export async function getImport(app: AppContext, actor: Actor, id: string): Promise<ImportDto> {
  return present(app.database.db, actor, await loadVisible(app.database.db, actor, id));
}

/** The imports the actor may see, newest first. */
export async function listImports(app: AppContext, actor: Actor, q: ListImportsQuery): Promise<ImportListResponse> {
  const rows = await listVisibleImports(app.database.db, actor, q);
  const page = toPage(rows, q.limit, (r) => [r.id], (r) => r);
  return { data: await presentImports(app.database.db, actor, page.data), meta: page.meta };
}

export { loadVisible as loadVisibleImport };
