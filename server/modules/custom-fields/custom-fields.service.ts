import {
  CUSTOM_FIELD_ENTITIES,
  type CreateCustomFieldBody,
  type CustomFieldDefinitionDto,
  type CustomFieldEntity,
  type CustomFieldListResponse,
  type CustomFieldValues,
  type UpdateCustomFieldBody,
} from "../../../shared/contracts/custom-fields";
import { errors } from "../../../shared/errors";
import { compactCustomFieldValues, customFieldKeyFromLabel, validateCustomFieldValues } from "../../../shared/utils/custom-fields";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import { withTransaction } from "../../db/transaction";
import type { Tx } from "../../db/transaction";
import { CacheKeys } from "../../lib/cache/cache-keys";
import { diffFields, recordAudit } from "../audit/audit.service";
import { presentDefinition } from "./custom-fields.presenter";
import { deleteDefinition, findDefinition, insertDefinition, listDefinitionRows, nextPosition, stripValues, updateDefinition } from "./custom-fields.repository";

const isChoice = (type: string) => type === "select" || type === "multi_select";

/** A workspace's definitions for one record type, through the cache (read on every record write and list). */
export async function loadDefinitions(app: AppContext, workspaceId: string, entityType: CustomFieldEntity): Promise<CustomFieldDefinitionDto[]> {
  return app.cache.getOrSet(CacheKeys.customFields(workspaceId, entityType), async () =>
    (await listDefinitionRows(app.database.db, workspaceId, entityType)).map(presentDefinition),
  );
}

async function invalidate(app: AppContext, workspaceId: string, entityType: CustomFieldEntity): Promise<void> {
  await app.cache.delete(CacheKeys.customFields(workspaceId, entityType));
}

/** The definitions of one or both record types, with what the actor may do. */
export async function listDefinitions(app: AppContext, actor: Actor, entityType?: CustomFieldEntity): Promise<CustomFieldListResponse> {
  const types = entityType ? [entityType] : CUSTOM_FIELD_ENTITIES;
  const data = (await Promise.all(types.map((t) => loadDefinitions(app, actor.workspaceId, t)))).flat();
  return { data, abilities: { manage: can(actor, "custom_fields.manage") } };
}

/**
 * Defines a field; the key comes from the label when omitted (`field_<n>`, the next free number, when
 * the label has nothing to spell it with); 409 when the key is taken.
 */
export async function createDefinition(app: AppContext, actor: Actor, body: CreateCustomFieldBody): Promise<CustomFieldDefinitionDto> {
  const key = body.key ?? customFieldKeyFromLabel(body.label, (await loadDefinitions(app, actor.workspaceId, body.entityType)).map((d) => d.key));
  const row = await withTransaction(app.database.pool, async (tx) => {
    const created = await insertDefinition(tx.db, {
      workspaceId: actor.workspaceId,
      entityType: body.entityType,
      key,
      label: body.label,
      type: body.type,
      options: isChoice(body.type) ? [...new Set(body.options ?? [])] : [],
      required: body.required,
      position: await nextPosition(tx.db, actor.workspaceId, body.entityType),
    });
    if (!created) throw errors.alreadyExists(`A ${body.entityType} field with the key "${key}" already exists.`);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "custom_field.created", entityType: "custom_field", entityId: created.id, changes: { entityType: created.entityType, key, label: created.label, type: created.type, options: created.options, required: created.required } });
    return created;
  });
  await invalidate(app, actor.workspaceId, row.entityType);
  return presentDefinition(row);
}

/**
 * Edits label, options, required or position. Removing an option that records still use is allowed:
 * the stored values stay until the record is next edited, when validation asks for a current choice.
 */
export async function editDefinition(app: AppContext, actor: Actor, id: string, body: UpdateCustomFieldBody): Promise<CustomFieldDefinitionDto> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const before = await findDefinition(tx.db, actor.workspaceId, id);
    if (!before) throw errors.notFound("Custom field");
    if (body.options !== undefined && !isChoice(before.type) && body.options.length) {
      throw errors.validation([{ path: "body.options", message: "Only select and multi-select fields have choices" }]);
    }
    if (body.options !== undefined && isChoice(before.type) && body.options.length === 0) {
      throw errors.validation([{ path: "body.options", message: "Add at least one choice" }]);
    }
    const patch = { ...body, ...(body.options !== undefined ? { options: isChoice(before.type) ? [...new Set(body.options)] : [] } : {}) };
    const changes = diffFields(before, patch, ["label", "required", "position"]) ?? {};
    if (patch.options && JSON.stringify(patch.options) !== JSON.stringify(before.options)) changes.options = { from: before.options, to: patch.options };
    if (Object.keys(changes).length === 0) return before;
    const updated = await updateDefinition(tx.db, actor.workspaceId, id, patch);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "custom_field.updated", entityType: "custom_field", entityId: id, changes: { key: before.key, ...changes } });
    return updated!;
  });
  await invalidate(app, actor.workspaceId, row.entityType);
  return presentDefinition(row);
}

/** Deletes a field and removes its key from every record's values in the same transaction. */
export async function removeDefinition(app: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await withTransaction(app.database.pool, async (tx) => {
    const def = await findDefinition(tx.db, actor.workspaceId, id);
    if (!def) throw errors.notFound("Custom field");
    await deleteDefinition(tx.db, actor.workspaceId, id);
    const stripped = await stripValues(tx.db, actor.workspaceId, def.entityType, def.key);
    await recordAudit(tx.db, { workspaceId: actor.workspaceId, actorId: actor.id, action: "custom_field.deleted", entityType: "custom_field", entityId: id, changes: { entityType: def.entityType, key: def.key, label: def.label, recordsCleared: stripped } });
    return def;
  });
  await invalidate(app, actor.workspaceId, row.entityType);
}

/**
 * Validates a record's custom value change against the workspace's definitions (400 with
 * `body.customFields.<key>` paths) and returns the compacted values to store, with the audit diff.
 * Call it inside the record's write transaction: the definitions are read there (not from the cache)
 * under FOR SHARE, so a definition deleted concurrently waits for this write and then strips its key,
 * instead of the write putting a deleted key back.
 */
export async function resolveCustomFieldValues(
  tx: Tx,
  workspaceId: string,
  entityType: CustomFieldEntity,
  before: CustomFieldValues,
  change: CustomFieldValues,
): Promise<{ values: CustomFieldValues; diff: Record<string, { from: unknown; to: unknown }> }> {
  const definitions = (await listDefinitionRows(tx.db, workspaceId, entityType, { lockForShare: true })).map(presentDefinition);
  const merged = { ...before, ...change };
  const issues = validateCustomFieldValues(definitions, change, merged);
  if (issues.length) throw errors.validation(issues);
  // Stored compacted, multi-select choices once each.
  const values = Object.fromEntries(Object.entries(compactCustomFieldValues(merged)).map(([k, v]) => [k, Array.isArray(v) ? [...new Set(v)] : v]));
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(values)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(values[key] ?? null)) diff[key] = { from: before[key] ?? null, to: values[key] ?? null };
  }
  return { values, diff };
}
