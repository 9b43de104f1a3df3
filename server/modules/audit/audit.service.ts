import type { AuditLogDto, ListAuditQuery } from "../../../shared/contracts/audit";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type Page, toPage } from "../../lib/pagination";
import { currentContext } from "../../lib/request-context";
import { insertActivity, listActivity } from "./audit.repository";

const SECRET_KEY = /pass(word)?|secret|token|hash|cookie|authorization|api[-_]?key/i;

/** Removes secret-looking keys (recursively) from a changes object before it is stored. */
export function redactChanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactChanges);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redactChanges(v)]),
    );
  }
  return value;
}

export interface AuditEvent {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Writes an audit row with the current request id and IP; pass the transaction of the change. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  const ctx = currentContext();
  await insertActivity(db, {
    workspaceId: event.workspaceId,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    changes: event.changes ? (redactChanges(event.changes) as Record<string, unknown>) : null,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
  });
}

/** The diff of `before` → `after` over the given keys, as { key: { from, to } }. */
export function diffFields<T extends object>(before: T, after: Partial<T>, keys: (keyof T)[]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (after[k] !== undefined && after[k] !== before[k]) out[String(k)] = { from: before[k], to: after[k] };
  }
  return Object.keys(out).length ? out : null;
}

/** Lists the actor's workspace audit log, newest first. */
export async function listAuditLog(app: AppContext, actor: Actor, q: ListAuditQuery): Promise<Page<AuditLogDto>> {
  const rows = await listActivity(app.database.db, actor.workspaceId, q);
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorId: r.actorId,
      actorName: r.actorName,
      actorEmail: r.actorEmail,
      changes: r.changes ?? null,
      requestId: r.requestId,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}
