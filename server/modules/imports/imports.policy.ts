import type { ImportDto, ImportEntity } from "../../../shared/contracts/imports";
import type { Permission } from "../../../shared/constants/roles";
import { errors } from "../../../shared/errors";
import { type Actor, can } from "../../auth/actor";
import type { ImportRow } from "../../db/schema";

/** The write permission an import of a record type also needs (contacts are written under clients.write). */
export function entityWritePermission(entity: ImportEntity): Permission {
  return entity === "lead" ? "leads.write" : "clients.write";
}

/** 403 unless the actor may write the record type (the route already required imports.run). */
export function assertCanImport(actor: Actor, entity: ImportEntity): void {
  if (!can(actor, entityWritePermission(entity))) throw errors.forbidden(`You cannot create or edit ${entity === "lead" ? "leads" : "clients and contacts"}.`);
}

const OPEN = new Set(["uploaded", "dry_run"]);

/** What the actor may do with an import they can see. */
export function importAbilities(actor: Actor, imp: Pick<ImportRow, "status" | "entityType" | "rejected">): ImportDto["abilities"] {
  const write = can(actor, entityWritePermission(imp.entityType));
  return {
    configure: write && OPEN.has(imp.status),
    start: write && OPEN.has(imp.status),
    cancel: OPEN.has(imp.status) || imp.status === "queued" || imp.status === "running",
    downloadRejects: imp.rejected > 0,
  };
}
