import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DuplicateEntityType, DuplicateReason } from "../../../shared/contracts/duplicates";
import { DUPLICATE_ENTITY_TYPES, FREE_MAIL_DOMAINS, NAME_SIMILARITY_THRESHOLD } from "../../../shared/contracts/duplicates";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { clients, contacts, type DuplicateScanRow, duplicateDismissals, duplicatePairs, duplicateScanPrefixes, duplicateScans, duplicateScanTrigrams, leads, NAME_SIGNATURE_BITS } from "../../db/schema";
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

/** Partners kept per record and reason: its closest ones (see `partnerLists`). */
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
  // `%` below uses this threshold (local to the transaction), with or without the trigram index.
  await db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`);
  return true;
}

/** The equality reasons of a record type: key expression and, for domains, the values that never count. */
function equalityKeys(entityType: DuplicateEntityType): { reason: Exclude<DuplicateReason, "name">; key: (t: string) => string; exclude?: readonly string[] }[] {
  const k = KEYS[entityType];
  const out: { reason: Exclude<DuplicateReason, "name">; key: (t: string) => string; exclude?: readonly string[] }[] = [];
  if (k.email) out.push({ reason: "email", key: k.email });
  out.push({ reason: "phone", key: k.phone });
  if (k.domain) out.push({ reason: "domain", key: k.domain, exclude: FREE_MAIL_DOMAINS });
  return out;
}

const inList = (values: readonly string[]) => sql.join(values.map((d) => sql`${d}`), sql`, `);

/** How many of its rarest trigrams a name shares with any as long or longer name of similarity ≥ t. */
const shortPrefix = (len: string) => {
  const t = NAME_SIMILARITY_THRESHOLD;
  // ⌈2t / (1 + t) · len⌉ in exact numeric arithmetic (less a hair, so a whole number stays whole).
  return sql.raw(`(${len} - ceil(${2 * t}::numeric * ${len} / ${1 + t}::numeric - 0.000000001) + 1)`);
};

/** Which source records a statement covers, as a condition on an id column. */
type Sources = (idCol: string) => SQL;

/**
 * The partner lists of the source records, as CTEs yielding `(s, b)` rows: for every reason, each
 * source's MATCHES_PER_REASON closest partners — equal keys by id (the group's lowest ids, one
 * grouped read per key), similar names by similarity then id. A pair is stored when either record
 * lists the other, so the stored set does not depend on the order records are scored in.
 *
 * - `rebuild` finds similar names through the scan's name index (`duplicate_scan_prefixes`);
 * - `rescore` probes `%` per source, and adds the reverse lists: the pairs where the source is among
 *   its partner's closest (equal keys: the source is one of its group's 20 lowest ids; names: the
 *   partner has fewer than 20 stored name pairs closer than the source — exact while the table is
 *   current, otherwise it keeps a pair too many, never one too few).
 */
function partnerLists(entityType: DuplicateEntityType, workspaceId: string, sources: Sources, mode: "rebuild" | "rescore"): SQL {
  const k = KEYS[entityType];
  const T = sql.raw(k.table);
  const ctes: SQL[] = [];
  const lists: string[] = [];
  equalityKeys(entityType).forEach(({ key, exclude }, i) => {
    const excluded = exclude?.length ? sql` and ${sql.raw(key("s"))} not in (${inList(exclude)})` : sql``;
    const [w, g, top, rev] = [`e${i}_w`, `e${i}_g`, `e${i}_top`, `e${i}_rev`].map((n) => sql.raw(n)) as [SQL, SQL, SQL, SQL];
    ctes.push(sql`${w} as (select s.id, ${sql.raw(key("s"))} as k from ${T} s where s.workspace_id = ${workspaceId} and ${sources("s.id")} and ${sql.raw(key("s"))} <> ''${excluded})`);
    // The 21 lowest ids of each key group (a source's 20 closest are these minus itself); `offset 0`
    // keeps the planner on the key's index instead of walking the primary key in id order.
    ctes.push(sql`${g} as (select kk.k, l.id, l.rn from (select distinct k from ${w}) kk cross join lateral (
        select c.id, (row_number() over (order by c.id) - 1)::int as rn
        from (select b.id from ${T} b where b.workspace_id = ${workspaceId} and ${sql.raw(key("b"))} = kk.k offset 0) c
        order by c.id limit ${MATCHES_PER_REASON + 1}) l)`);
    ctes.push(sql`${top} as (select s, b from (
        select w.id as s, g.id as b, row_number() over (partition by w.id order by g.id) as n
        from ${w} w join ${g} g on g.k = w.k and g.id <> w.id) x where n <= ${MATCHES_PER_REASON})`);
    lists.push(`e${i}_top`);
    if (mode === "rescore") {
      // A source among its group's 20 lowest ids is every member's partner.
      ctes.push(sql`${rev} as (select w.id as s, x.id as b from ${w} w
          join ${g} g on g.k = w.k and g.id = w.id and g.rn < ${MATCHES_PER_REASON}
          join ${T} x on x.workspace_id = ${workspaceId} and ${sql.raw(key("x"))} = w.k and x.id <> w.id)`);
      lists.push(`e${i}_rev`);
    }
  });
  if (mode === "rebuild") {
    const t = NAME_SIMILARITY_THRESHOLD;
    // Candidates share one of their rarest trigrams (prefix filtering: names with similarity ≥ t
    // share ≥ t / (1 + t) · (len a + len b) trigrams, so the rarest shared one ranks within the
    // stored prefix of both, and within the shorter name's first len − ⌈2t / (1 + t) · len⌉ + 1);
    // the signatures bound the shared trigrams from above (a bit set in one name's signature and
    // not the other's is at least one trigram the other lacks), which drops most candidates before
    // similarity() confirms the rest.
    ctes.push(sql`n_c as (select sp.record_id as s, bp.record_id as b
        from ${duplicateScanPrefixes} sp join ${duplicateScanPrefixes} bp
          on bp.workspace_id = ${workspaceId} and bp.entity_type = ${entityType} and bp.trigram = sp.trigram and bp.record_id <> sp.record_id
        where sp.workspace_id = ${workspaceId} and sp.entity_type = ${entityType} and ${sources("sp.record_id")}
          and (bp.len > sp.len or bp.core) and (sp.len > bp.len or sp.core)
          and least(sp.len - bit_count(sp.sig & ~bp.sig), bp.len - bit_count(bp.sig & ~sp.sig))::float8 * ${1 + t}::float8 + 1e-9 >= ${t}::float8 * (sp.len + bp.len)
        group by 1, 2)`);
    ctes.push(sql`n_m as (select c.s, c.b, similarity(${sql.raw(k.name("s"))}, ${sql.raw(k.name("b"))}) as sim
        from n_c c join ${T} s on s.id = c.s join ${T} b on b.id = c.b
        where s.workspace_id = ${workspaceId} and b.workspace_id = ${workspaceId} and ${sql.raw(k.name("b"))} % ${sql.raw(k.name("s"))})`);
  } else {
    // One probe per source, every match kept for the ranking (`offset 0` as above).
    ctes.push(sql`n_m as (select s.id as s, m.id as b, m.sim from ${T} s cross join lateral (
        select c.id, similarity(${sql.raw(k.name("s"))}, c.name) as sim from (
          select b.id, ${sql.raw(k.name("b"))} as name from ${T} b
          where ${sql.raw(k.name("b"))} % ${sql.raw(k.name("s"))} and b.workspace_id = ${workspaceId} and b.id <> s.id
          offset 0) c) m
        where s.workspace_id = ${workspaceId} and ${sources("s.id")})`);
    ctes.push(sql`n_rev as (select m.s, m.b from n_m m where (
        select count(*) from (
          select 1 from ${duplicatePairs} p
          where p.workspace_id = ${workspaceId} and p.entity_type = ${entityType} and (p.low_id = m.b or p.high_id = m.b)
            and p.low_id <> m.s and p.high_id <> m.s and p.reasons @> array['name']::text[]
            and (p.similarity > m.sim or (p.similarity = m.sim and (case when p.low_id = m.b then p.high_id else p.low_id end) < m.s))
          limit ${MATCHES_PER_REASON}) q) < ${MATCHES_PER_REASON})`);
    lists.push("n_rev");
  }
  ctes.push(sql`n_top as (select s, b from (select s, b, row_number() over (partition by s order by sim desc, b) as n from n_m) x where n <= ${MATCHES_PER_REASON})`);
  lists.push("n_top");
  ctes.push(sql`listed as (${sql.raw(lists.map((l) => `select s, b from ${l}`).join(" union all "))})`);
  return sql.join(ctes, sql`, `);
}

/**
 * The rows to store for the listed pairs, scored on the pair itself: every reason the two records
 * share (email, phone, domain by equal keys; name when `%` holds), similarity when the names are
 * similar, score = strongest reason (email 1, phone 0.9, domain 0.5, name = similarity) + 0.05 per
 * further reason, capped at 1.
 */
function scoredPairs(entityType: DuplicateEntityType, workspaceId: string, sources: Sources, mode: "rebuild" | "rescore"): SQL {
  const k = KEYS[entityType];
  const T = sql.raw(k.table);
  const checks: SQL[] = [];
  const weights: SQL[] = [];
  for (const { reason, key, exclude } of equalityKeys(entityType)) {
    const excluded = exclude?.length ? sql` and ${sql.raw(key("a"))} not in (${inList(exclude)})` : sql``;
    checks.push(sql`case when ${sql.raw(key("a"))} <> '' and ${sql.raw(key("a"))} = ${sql.raw(key("b"))}${excluded} then ${reason}::text end`);
    weights.push(sql`case when ${reason} = any(f.reasons) then ${REASON_WEIGHT[reason]}::real end`);
  }
  // `%` is similarity ≥ the threshold: computed once here.
  checks.push(sql`case when s.sim >= ${NAME_SIMILARITY_THRESHOLD}::float8 then 'name'::text end`);
  weights.push(sql`case when 'name' = any(f.reasons) then f.sim end`);
  return sql`with ${partnerLists(entityType, workspaceId, sources, mode)},
    pairs as (select distinct least(s, b) as lo, greatest(s, b) as hi from listed)
    select ${workspaceId}::uuid, ${entityType}::text, p.lo, p.hi, f.reasons,
      case when 'name' = any(f.reasons) then f.sim end,
      least(1, greatest(${sql.join(weights, sql`, `)}) + 0.05 * (cardinality(f.reasons) - 1))::real
    from pairs p join ${T} a on a.id = p.lo join ${T} b on b.id = p.hi
    cross join lateral (select similarity(${sql.raw(k.name("a"))}, ${sql.raw(k.name("b"))}) as sim) s
    cross join lateral (select array_remove(array[${sql.join(checks, sql`, `)}]::text[], null) as reasons, s.sim) f
    where a.workspace_id = ${workspaceId} and b.workspace_id = ${workspaceId} and cardinality(f.reasons) > 0`;
}

/**
 * Upserts the pairs of a `scoredPairs` select (computed_at = now, by the clock, so a later rebuild
 * sweep keeps them). `onlyBefore`: rows computed since then are left as they are (a rebuild finds
 * most pairs from both sides; the second find has nothing new to write).
 */
function upsertPairs(select: SQL, onlyBefore?: SQL): SQL {
  const unless = onlyBefore ? sql` where ${duplicatePairs}.computed_at < ${onlyBefore}` : sql``;
  return sql`insert into ${duplicatePairs} (workspace_id, entity_type, low_id, high_id, reasons, similarity, score) ${select}
    on conflict (workspace_id, entity_type, low_id, high_id) do update
      set reasons = excluded.reasons, similarity = excluded.similarity, score = excluded.score, computed_at = clock_timestamp()${unless}`;
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
    await db.execute(upsertPairs(scoredPairs(entityType, workspaceId, (col) => sql`${sql.raw(col)} in (${idList(slice)})`, "rescore")));
  }
  return true;
}

/** Drops the pairs of records that are gone (a merge's merged record), under the workspace's pair lock. */
export async function deletePairsOf(db: Db, workspaceId: string, entityType: DuplicateEntityType, ids: string[]): Promise<void> {
  await lockWorkspacePairs(db, workspaceId);
  await db.execute(sql`delete from ${duplicatePairs} where workspace_id = ${workspaceId} and entity_type = ${entityType}
    and (low_id in (${idList(ids)}) or high_id in (${idList(ids)}))`);
}

/** The next `size` records of the type after `afterId` (id order): how many and the last id. */
async function nextWindow(db: Db, workspaceId: string, entityType: DuplicateEntityType, afterId: string | null, size: number): Promise<{ n: number; last: string | null }> {
  const after = afterId ? sql` and id > ${afterId}::uuid` : sql``;
  const { rows } = await db.execute<{ last: string | null; n: number }>(sql`
    select max(id::text) as last, count(*)::int as n from (
      select id from ${sql.raw(KEYS[entityType].table)} where workspace_id = ${workspaceId}${after} order by id limit ${size}
    ) w`);
  return rows[0]!;
}

/** `col` within the window (afterId, last]. */
const inWindow =
  (afterId: string | null, last: string): Sources =>
  (col) =>
    afterId ? sql`${sql.raw(col)} > ${afterId}::uuid and ${sql.raw(col)} <= ${last}::uuid` : sql`${sql.raw(col)} <= ${last}::uuid`;

/** Rows of the name index dropped per purge step (one short transaction each). */
const PURGE_ROWS = 20_000;

/**
 * A rebuild's `purge` step: drops up to 20,000 rows of the workspace's name index left by an earlier
 * type or scan; when fewer were left, the trigram counts too. Returns whether it is all gone.
 */
export async function purgeNameIndex(db: Db, workspaceId: string): Promise<boolean> {
  const deleted = await db.execute(sql`delete from ${duplicateScanPrefixes} where ctid = any(array(
    select ctid from ${duplicateScanPrefixes} where workspace_id = ${workspaceId} limit ${PURGE_ROWS}))`);
  if ((deleted.rowCount ?? 0) >= PURGE_ROWS) return false;
  await db.execute(sql`delete from ${duplicateScanTrigrams} where workspace_id = ${workspaceId}`);
  return true;
}

/** Refreshes the planner's statistics of what a `count` (the trigram counts) or `index` step (the name index) wrote. */
export async function analyzeNameIndex(db: Db, phase: "count" | "index"): Promise<void> {
  await db.execute(sql`analyze ${phase === "count" ? duplicateScanTrigrams : duplicateScanPrefixes}`);
}

/** Each name's distinct trigrams (pg_trgm's own, as `similarity` compares them). */
const trigramsOf = (entityType: DuplicateEntityType, t: string) => sql.raw(`show_trgm(${KEYS[entityType].name(t)})`);

/** A rebuild's `count` step: adds the trigrams of the next window's names to the type's counts. */
export async function countTrigramsWindow(db: Db, workspaceId: string, entityType: DuplicateEntityType, afterId: string | null, size: number): Promise<{ n: number; last: string | null }> {
  const w = await nextWindow(db, workspaceId, entityType, afterId, size);
  if (!w.last) return w;
  await db.execute(sql`insert into ${duplicateScanTrigrams} (workspace_id, entity_type, trigram, n)
    select ${workspaceId}::uuid, ${entityType}::text, t, count(*)::int
    from ${sql.raw(KEYS[entityType].table)} r cross join lateral unnest(${trigramsOf(entityType, "r")}) t
    where r.workspace_id = ${workspaceId} and ${inWindow(afterId, w.last)("r.id")}
    group by t
    on conflict (workspace_id, entity_type, trigram) do update set n = ${duplicateScanTrigrams.n} + excluded.n`);
  return w;
}

/**
 * A rebuild's `index` step: for the next window's records, their rarest trigrams (by the counts,
 * ties by the trigram) — len − ⌈t · len⌉ + 1 of them, so two names with similarity ≥ t share at
 * least one (the rarest trigram they share is within both prefixes) — with len and signature.
 */
export async function indexNamesWindow(db: Db, workspaceId: string, entityType: DuplicateEntityType, afterId: string | null, size: number): Promise<{ n: number; last: string | null }> {
  const w = await nextWindow(db, workspaceId, entityType, afterId, size);
  if (!w.last) return w;
  const bits = NAME_SIGNATURE_BITS;
  // Materialized: one signature per record (inlined, the planner computes it again per trigram).
  await db.execute(sql`with g as materialized (
      select r.id, tg, cardinality(tg) as len,
        (select bit_or(B'1'::bit(${sql.raw(String(bits))}) >> (hashtext(v) & ${bits - 1})) from unnest(tg) v) as sig
      from ${sql.raw(KEYS[entityType].table)} r cross join lateral (select ${trigramsOf(entityType, "r")} as tg) tt
      where r.workspace_id = ${workspaceId} and ${inWindow(afterId, w.last)("r.id")} and cardinality(tg) > 0
    )
    insert into ${duplicateScanPrefixes} (workspace_id, entity_type, record_id, trigram, rank, core, len, sig)
    select ${workspaceId}::uuid, ${entityType}::text, x.id, x.t, x.rn, x.rn <= ${shortPrefix("x.len")}, x.len, x.sig from (
      select g.id, u.t, g.len, g.sig, row_number() over (partition by g.id order by coalesce(c.n, 0), u.t collate "C") as rn
      from g cross join lateral unnest(g.tg) u(t)
      left join ${duplicateScanTrigrams} c on c.workspace_id = ${workspaceId} and c.entity_type = ${entityType} and c.trigram = u.t
    ) x
    where x.rn <= x.len - ceil(${String(NAME_SIMILARITY_THRESHOLD)}::numeric * x.len) + 1
    on conflict do nothing`);
  return w;
}

/**
 * A rebuild's `pairs` step: the next window's records' partner lists (names through the name index),
 * scored and upserted in one statement under the workspace's pair lock. In a transaction.
 */
export async function rebuildWindow(db: Db, workspaceId: string, entityType: DuplicateEntityType, afterId: string | null, size: number): Promise<{ n: number; last: string | null }> {
  const w = await nextWindow(db, workspaceId, entityType, afterId, size);
  if (!w.last) return { n: 0, last: null };
  await lockWorkspacePairs(db, workspaceId);
  const scanStart = sql`(select started_at from ${duplicateScans} where workspace_id = ${workspaceId})`;
  await db.execute(upsertPairs(scoredPairs(entityType, workspaceId, inWindow(afterId, w.last), "rebuild"), scanStart));
  return w;
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
    phase: "purge" as const,
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
