import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DuplicateEntityType, DuplicateReason } from "../../../shared/contracts/duplicates";
import { DUPLICATE_ENTITY_TYPES, FREE_MAIL_DOMAINS, NAME_SIMILARITY_THRESHOLD } from "../../../shared/contracts/duplicates";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { clients, contacts, type DuplicateScanRow, duplicateDismissals, duplicatePairs, duplicateScans, leads } from "../../db/schema";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import { leadVisibilityCondition } from "../leads/leads.visibility";

type Viewer = Pick<Actor, "id" | "role" | "workspaceId" | "pipelineScope">;

/** Per-type key expressions over a table alias; each probe expression has a matching index (migrations 0012, 0016). */
interface PairKeys {
  table: string;
  email?: (t: string) => string;
  phone: (t: string) => string;
  domain?: (t: string) => string;
  name: (t: string) => string;
  /** Display name and a telling detail, for the list. */
  display: (t: string) => string;
  detail: (t: string) => string;
}

// Host of a website: scheme, "www." and anything after the host stripped (all IMMUTABLE functions).
const host = (col: string) => `nullif(lower(regexp_replace(regexp_replace(trim(${col}), '^[a-zA-Z][a-zA-Z0-9+.-]*://', ''), '^www\\.|[/:?#].*$', '', 'g')), '')`;
const emailDomain = (col: string) => `nullif(split_part(lower(${col}), '@', 2), '')`;

const KEYS: Record<DuplicateEntityType, PairKeys> = {
  client: {
    table: "clients",
    phone: (t) => `${t}.phone`,
    domain: (t) => host(`${t}.website`),
    name: (t) => `lower(${t}.name)`,
    display: (t) => `${t}.name`,
    detail: (t) => `coalesce(${t}.website, ${t}.phone)`,
  },
  contact: {
    table: "contacts",
    email: (t) => `lower(${t}.email)`,
    phone: (t) => `${t}.phone`,
    name: (t) => `lower(${t}.first_name || ' ' || coalesce(${t}.last_name, ''))`,
    display: (t) => `trim(${t}.first_name || ' ' || coalesce(${t}.last_name, ''))`,
    detail: (t) => `coalesce(${t}.email, ${t}.phone)`,
  },
  lead: {
    table: "leads",
    email: (t) => `lower(${t}.email)`,
    phone: (t) => `${t}.phone`,
    domain: (t) => emailDomain(`${t}.email`),
    name: (t) => `lower(${t}.name)`,
    display: (t) => `${t}.name`,
    detail: (t) => `coalesce(${t}.email, ${t}.phone, ${t}.company)`,
  },
};

/** Partners kept per record and reason (see scoredPairs). */
export const MATCHES_PER_REASON = 20;
/** Records re-scored per statement (each probes the trigram index once per record). */
const RESCORE_STATEMENT_IDS = 100;

const REASON_WEIGHT: Record<Exclude<DuplicateReason, "name">, number> = { email: 1, phone: 0.9, domain: 0.5 };

/** Serialises every pair write of a workspace (rescore jobs and rebuild windows), so the later writer always saw the later data. */
async function lockWorkspacePairs(db: Db, workspaceId: string, wait = true): Promise<boolean> {
  if (wait) await db.execute(sql`select pg_advisory_xact_lock(hashtext('duplicate_pairs'), hashtext(${workspaceId}))`);
  else {
    const { rows } = await db.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('duplicate_pairs'), hashtext(${workspaceId})) as ok`);
    if (!rows[0]?.ok) return false;
  }
  // `%` below probes the trigram GIN index with this threshold (local to the transaction).
  await db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`);
  return true;
}

/**
 * The scored pairs of the source records `s` (those matching `source`) with any other record `b`
 * of the workspace: one index probe per source record and reason. With `higherOnly`, only pairs
 * where `b` has the higher id (a full rebuild finds each pair once).
 */
function scoredPairs(entityType: DuplicateEntityType, workspaceId: string, source: SQL, higherOnly: boolean): SQL {
  const k = KEYS[entityType];
  const other = sql.raw(higherOnly ? "b.id > s.id" : "b.id <> s.id");
  // Each source record keeps at most MATCHES_PER_REASON partners per reason, so a shared company
  // domain or names built from a small vocabulary ("Person 1", "Person 2", …) cannot multiply into
  // millions of pairs (the first ones the probe finds, not the closest). `offset 0` keeps the limit
  // out of the probe's plan: with it, the planner walks the primary key hoping for early matches,
  // which on rare matches reads the whole table per record instead of one index probe.
  const equality = (reason: Exclude<DuplicateReason, "name">, key: (t: string) => string, exclude?: readonly string[]) => {
    const excluded = exclude?.length ? sql` and ${sql.raw(key("s"))} not in (${sql.join(exclude.map((d) => sql`${d}`), sql`, `)})` : sql``;
    return sql`select s.id as x, m.id as y, ${reason}::text as reason, null::real as sim, ${REASON_WEIGHT[reason]}::real as weight
      from ${sql.raw(k.table)} s cross join lateral (
        select c.id from (
          select b.id from ${sql.raw(k.table)} b
          where b.workspace_id = ${workspaceId} and ${sql.raw(key("b"))} = ${sql.raw(key("s"))} and ${other}
          offset 0
        ) c limit ${MATCHES_PER_REASON}
      ) m
      where ${source} and ${sql.raw(key("s"))} <> ''${excluded}`;
  };
  const branches: SQL[] = [];
  if (k.email) branches.push(equality("email", k.email));
  branches.push(equality("phone", k.phone));
  if (k.domain) branches.push(equality("domain", k.domain, FREE_MAIL_DOMAINS));
  branches.push(sql`select s.id as x, m.id as y, 'name'::text as reason, m.sim, m.sim as weight
    from ${sql.raw(k.table)} s cross join lateral (
      select c.id, similarity(${sql.raw(k.name("s"))}, c.name) as sim from (
        select b.id, ${sql.raw(k.name("b"))} as name
        from ${sql.raw(k.table)} b
        where ${sql.raw(k.name("b"))} % ${sql.raw(k.name("s"))} and b.workspace_id = ${workspaceId} and ${other}
        offset 0
      ) c limit ${MATCHES_PER_REASON}
    ) m
    where ${source}`);
  return sql`select ${workspaceId}::uuid, ${entityType}::text, least(p.x, p.y), greatest(p.x, p.y),
      array_agg(distinct p.reason order by p.reason), max(p.sim),
      least(1, max(p.weight) + 0.05 * (count(distinct p.reason) - 1))::real
    from (${sql.join(branches, sql` union all `)}) p
    group by least(p.x, p.y), greatest(p.x, p.y)`;
}

/** Upserts the pairs of a `scoredPairs` select (computed_at = now, by the clock, so a later rebuild sweep keeps them). */
function upsertPairs(select: SQL): SQL {
  return sql`insert into ${duplicatePairs} (workspace_id, entity_type, low_id, high_id, reasons, similarity, score) ${select}
    on conflict (workspace_id, entity_type, low_id, high_id) do update
      set reasons = excluded.reasons, similarity = excluded.similarity, score = excluded.score, computed_at = clock_timestamp()`;
}

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * Re-scores records of one type: drops every stored pair of theirs and stores their current
 * candidates. A record that no longer exists (deleted, merged away) just loses its pairs.
 * Must run inside a transaction (the workspace lock and the trigram threshold are local to it).
 * Returns false, having done nothing, while another writer holds the workspace's pair lock.
 */
export async function rescorePairs(db: Db, workspaceId: string, entityType: DuplicateEntityType, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  // Without waiting: many rescore jobs of one workspace (an import) must not each hold a pooled
  // connection while they queue for the lock; the job comes back later instead.
  if (!(await lockWorkspacePairs(db, workspaceId, false))) return false;
  // In slices, so one statement stays well inside the statement timeout even for look-alike names.
  for (let i = 0; i < ids.length; i += RESCORE_STATEMENT_IDS) {
    const slice = ids.slice(i, i + RESCORE_STATEMENT_IDS);
    await db.execute(sql`delete from ${duplicatePairs} where workspace_id = ${workspaceId} and entity_type = ${entityType}
      and (low_id in (${idList(slice)}) or high_id in (${idList(slice)}))`);
    await db.execute(upsertPairs(scoredPairs(entityType, workspaceId, sql`s.workspace_id = ${workspaceId} and s.id in (${idList(slice)})`, false)));
  }
  return true;
}

/** Drops the pairs of records that are gone (a merge's merged record), under the workspace's pair lock. */
export async function deletePairsOf(db: Db, workspaceId: string, entityType: DuplicateEntityType, ids: string[]): Promise<void> {
  await lockWorkspacePairs(db, workspaceId);
  await db.execute(sql`delete from ${duplicatePairs} where workspace_id = ${workspaceId} and entity_type = ${entityType}
    and (low_id in (${idList(ids)}) or high_id in (${idList(ids)}))`);
}

/**
 * One rebuild window: the next `size` records of the type after `afterId` (id order), their pairs
 * with higher ids upserted. Returns how many records it covered and the last id. In a transaction.
 */
export async function rebuildWindow(db: Db, workspaceId: string, entityType: DuplicateEntityType, afterId: string | null, size: number): Promise<{ n: number; last: string | null }> {
  const k = KEYS[entityType];
  const after = afterId ? sql` and id > ${afterId}::uuid` : sql``;
  const { rows } = await db.execute<{ last: string | null; n: number }>(sql`
    select max(id::text) as last, count(*)::int as n from (
      select id from ${sql.raw(k.table)} where workspace_id = ${workspaceId}${after} order by id limit ${size}
    ) w`);
  const { last, n } = rows[0]!;
  if (!last) return { n: 0, last: null };
  await lockWorkspacePairs(db, workspaceId);
  const from = afterId ? sql` and s.id > ${afterId}::uuid` : sql``;
  await db.execute(upsertPairs(scoredPairs(entityType, workspaceId, sql`s.workspace_id = ${workspaceId}${from} and s.id <= ${last}::uuid`, true)));
  return { n, last };
}

/** After a full rebuild: drops the pairs no window re-found (computed before the rebuild started). */
export async function sweepStalePairs(db: Db, workspaceId: string): Promise<void> {
  await lockWorkspacePairs(db, workspaceId);
  await db.execute(sql`delete from ${duplicatePairs} where workspace_id = ${workspaceId}
    and computed_at < (select started_at from ${duplicateScans} where workspace_id = ${workspaceId})`);
}

/** "Record `idCol` of this type is visible to the actor", applied inside the list query for both sides. */
function visibleId(actor: Viewer, entityType: DuplicateEntityType, idCol: SQL): SQL {
  switch (entityType) {
    case "client":
      return sql`exists (select 1 from ${clients} where ${clients.id} = ${idCol} and ${clientVisibilityCondition(actor)})`;
    case "contact":
      return sql`exists (select 1 from ${contacts} join ${clients} on ${clients.id} = ${contacts.clientId} where ${contacts.id} = ${idCol} and ${contacts.workspaceId} = ${actor.workspaceId} and ${clientVisibilityCondition(actor)})`;
    case "lead":
      return sql`exists (select 1 from ${leads} where ${leads.id} = ${idCol} and ${leadVisibilityCondition(actor)})`;
  }
}

export interface PairRow extends Record<string, unknown> {
  a_id: string;
  b_id: string;
  reasons: DuplicateReason[];
  sim: number | null;
  score: number;
  a_name: string;
  a_detail: string | null;
  b_name: string;
  b_detail: string | null;
}

/** Keyset position in the list: (score desc, low id, high id). */
export type PairCursor = { score: number; lowId: string; highId: string };

/**
 * One keyset page (limit + 1 rows) of stored pairs, best score first, whose two records the
 * actor may see (both visibility conditions inside the query), dismissed pairs left out.
 */
export async function listStoredPairs(
  db: Db,
  actor: Viewer,
  entityType: DuplicateEntityType,
  opts: { limit: number; after: PairCursor | null; reason?: DuplicateReason },
): Promise<PairRow[]> {
  const k = KEYS[entityType];
  const ws = actor.workspaceId;
  const reason = opts.reason ? sql` and p.reasons @> array[${opts.reason}]::text[]` : sql``;
  const a = opts.after;
  const cursor = a ? sql` and (p.score < ${a.score}::real or (p.score = ${a.score}::real and (p.low_id, p.high_id) > (${a.lowId}::uuid, ${a.highId}::uuid)))` : sql``;
  const { rows } = await db.execute<PairRow>(sql`
    select p.low_id as a_id, p.high_id as b_id, p.reasons, p.similarity as sim, p.score,
      ${sql.raw(k.display("a"))} as a_name, ${sql.raw(k.detail("a"))} as a_detail, ${sql.raw(k.display("b"))} as b_name, ${sql.raw(k.detail("b"))} as b_detail
    from ${duplicatePairs} p
      join ${sql.raw(k.table)} a on a.id = p.low_id and a.workspace_id = p.workspace_id
      join ${sql.raw(k.table)} b on b.id = p.high_id and b.workspace_id = p.workspace_id
    where p.workspace_id = ${ws} and p.entity_type = ${entityType}${reason}${cursor}
      and not exists (select 1 from ${duplicateDismissals} d where d.workspace_id = ${ws} and d.entity_type = ${entityType} and d.low_id = p.low_id and d.high_id = p.high_id)
      and ${visibleId(actor, entityType, sql`p.low_id`)} and ${visibleId(actor, entityType, sql`p.high_id`)}
    order by p.score desc nulls last, p.low_id, p.high_id
    limit ${opts.limit + 1}`);
  return rows;
}

/** The workspace's latest rescan, if any. */
export async function findScan(db: Db, workspaceId: string, forUpdate = false): Promise<DuplicateScanRow | undefined> {
  const q = db.select().from(duplicateScans).where(eq(duplicateScans.workspaceId, workspaceId));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/** Starts a new rescan (a new scan id; an older one's jobs stop): queued, counters reset, total = records now. */
export async function startScan(db: Db, workspaceId: string, requestedBy: string | null): Promise<DuplicateScanRow> {
  const total = sql`(select (select count(*) from clients where workspace_id = ${workspaceId}) + (select count(*) from contacts where workspace_id = ${workspaceId}) + (select count(*) from leads where workspace_id = ${workspaceId}))::int`;
  const values = {
    scanId: sql`gen_random_uuid()`,
    status: "queued" as const,
    processed: 0,
    total,
    cursorType: DUPLICATE_ENTITY_TYPES[0],
    cursorId: null,
    requestedBy,
    requestedAt: sql`now()`,
    startedAt: null,
    finishedAt: null,
  };
  const [row] = await db
    .insert(duplicateScans)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: duplicateScans.workspaceId, set: values })
    .returning();
  return row!;
}

/** Saves a scan's progress (and its status / start / end when given). */
export async function updateScan(db: Db, workspaceId: string, scanId: string, patch: { [K in keyof typeof duplicateScans.$inferInsert]?: (typeof duplicateScans.$inferInsert)[K] | SQL }): Promise<void> {
  await db
    .update(duplicateScans)
    .set(patch)
    .where(and(eq(duplicateScans.workspaceId, workspaceId), eq(duplicateScans.scanId, scanId)));
}

/** Marks every `pending` scan (made by a migration, or missing for a workspace) queued; returns them. */
export async function claimPendingScans(db: Db): Promise<DuplicateScanRow[]> {
  await db.execute(sql`insert into ${duplicateScans} (workspace_id, status) select id, 'pending' from workspaces on conflict do nothing`);
  return db.update(duplicateScans).set({ status: "queued" }).where(eq(duplicateScans.status, "pending")).returning();
}
