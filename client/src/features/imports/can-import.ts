import { type ImportEntity, importableEntities } from "@shared/contracts/imports";
import type { Me } from "@/lib/auth";

/** Record types the signed-in user may import (the server applies the same rule). */
export function importableFor(me: Me): ImportEntity[] {
  return importableEntities({ role: me.user.role, permissions: me.permissions });
}

/** Whether the signed-in user may import this record type. */
export function canImportEntity(me: Me, entity: ImportEntity): boolean {
  return importableFor(me).includes(entity);
}
