import { type ImportDto, type ImportEntity, importableEntities } from "../../../shared/contracts/imports";
import { errors } from "../../../shared/errors";
import type { Actor } from "../../auth/actor";
import type { ImportRow } from "../../db/schema";

/** Whether the actor may import this record type (its write permission; sales agents: leads only). */
export function canImport(actor: { role: Actor["role"]; permissions: Iterable<string> }, entity: ImportEntity): boolean {
  return importableEntities(actor).includes(entity);
}

/** 403 unless the actor may import the record type (the route already required imports.run). */
export function assertCanImport(actor: Actor, entity: ImportEntity): void {
  if (canImport(actor, entity)) return;
  if (actor.role === "sales_agent" && entity !== "lead") throw errors.forbidden("Sales agents can import leads only.");
  throw errors.forbidden(`You cannot create or edit ${entity === "lead" ? "leads" : "clients and contacts"}.`);
}

const OPEN = new Set(["uploaded", "checking", "dry_run"]);

/** What the actor may do with an import they can see. */
export function importAbilities(actor: Actor, imp: Pick<ImportRow, "status" | "entityType" | "rejected">): ImportDto["abilities"] {
  const write = canImport(actor, imp.entityType);
  return {
    configure: write && OPEN.has(imp.status),
    start: write && OPEN.has(imp.status),
    cancel: OPEN.has(imp.status) || imp.status === "queued" || imp.status === "running",
    downloadRejects: imp.rejected > 0,
  };
}
