import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DuplicateEntityType, DuplicateReason, RelatedCounts } from "../../../shared/contracts/duplicates";
import { FREE_MAIL_DOMAINS, NAME_SIMILARITY_THRESHOLD } from "../../../shared/contracts/duplicates";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { type ClientRow, type ContactRow, clients, contacts, duplicateDismissals, leads } from "../../db/schema";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import { leadVisibilityCondition } from "../leads/leads.visibility";

type Viewer = Pick<Actor, "id" | "role" | "workspaceId" | "pipelineScope">;

/** Per-type key expressions over a table alias; the name expressions match the trigram GIN indexes. */
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

const REASON_WEIGHT: Record<Exclude<DuplicateReason, "name">, number> = { email: 1, phone: 0.9, domain: 0.5 };

/** "Record `idCol` of this type is visible to the actor", applied inside the pair query for both sides. */
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

/** "a.id is inside the scanned window" (the outer side of every branch walks the table in id order). */
type Window = { from: string; to: string; inclusive: boolean };
const inWindow = (w: Window) => sql` and a.id ${sql.raw(w.inclusive ? ">=" : ">")} ${w.from}::uuid and a.id <= ${w.to}::uuid`;

/** One equality-reason branch of the pair union: a hash self-join on the key. */
function equalityBranch(k: PairKeys, reason: Exclude<DuplicateReason, "name">, key: (t: string) => string, workspaceId: string, w: Window, exclude?: readonly string[]): SQL {
  const excluded = exclude?.length ? sql` and ${sql.raw(key("a"))} not in (${sql.join(exclude.map((d) => sql`${d}`), sql`, `)})` : sql``;
  return sql`select a.id as a_id, b.id as b_id, ${reason}::text as reason, null::real as sim, ${REASON_WEIGHT[reason]}::real as weight
    from ${sql.raw(k.table)} a join ${sql.raw(k.table)} b on b.workspace_id = a.workspace_id and ${sql.raw(key("b"))} = ${sql.raw(key("a"))} and a.id < b.id
    where a.workspace_id = ${workspaceId}${inWindow(w)} and ${sql.raw(key("a"))} is not null and ${sql.raw(key("a"))} <> ''${excluded}`;
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

/** First and smallest window of `a` rows scanned per round; it doubles while a page is not full. */
const FIRST_WINDOW = 250;
const MAX_WINDOW = 16000;

/**
 * One keyset page (limit + 1 rows) of candidate pairs ordered by (a.id, b.id) with a.id < b.id,
 * both sides visible to the actor, dismissed pairs left out. Must run inside a transaction: the
 * trigram threshold is set locally so `lower(a.name) % lower(b.name)` probes the GIN index.
 *
 * The outer record `a` is walked in id order in growing windows, and the walk stops as soon as a
 * page is full: the trigram join costs one index probe per `a` row, so a first page in a workspace
 * with duplicates costs a few thousand probes instead of one per record (see docs/ARCHITECTURE.md).
 */
export async function listCandidatePairs(db: Db, actor: Viewer, entityType: DuplicateEntityType, limit: number, after: [string, string] | null): Promise<PairRow[]> {
  const k = KEYS[entityType];
  await db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`);
  const rows: PairRow[] = [];
  let from = after?.[0] ?? "00000000-0000-0000-0000-000000000000";
  let inclusive = true;
  let size = FIRST_WINDOW;
  while (rows.length <= limit) {
    const { rows: bounds } = await db.execute<{ last: string | null; n: number }>(sql`
      select max(id::text) as last, count(*)::int as n from (
        select id from ${sql.raw(k.table)} where workspace_id = ${actor.workspaceId} and id ${sql.raw(inclusive ? ">=" : ">")} ${from}::uuid order by id limit ${size}
      ) w`);
    const { last, n } = bounds[0]!;
    if (!last) break;
    const window: Window = { from, to: last, inclusive };
    const cursor = after && rows.length === 0 ? after : null;
    rows.push(...(await pairsInWindow(db, actor, entityType, window, limit + 1 - rows.length, cursor)));
    if (n < size) break;
    from = last;
    inclusive = false;
    size = Math.min(size * 2, MAX_WINDOW);
  }
  return rows.slice(0, limit + 1);
}

async function pairsInWindow(db: Db, actor: Viewer, entityType: DuplicateEntityType, w: Window, limit: number, after: [string, string] | null): Promise<PairRow[]> {
  const k = KEYS[entityType];
  const ws = actor.workspaceId;
  const branches: SQL[] = [];
  if (k.email) branches.push(equalityBranch(k, "email", k.email, ws, w));
  branches.push(equalityBranch(k, "phone", k.phone, ws, w));
  if (k.domain) branches.push(equalityBranch(k, "domain", k.domain, ws, w, FREE_MAIL_DOMAINS));
  branches.push(sql`select a.id as a_id, b.id as b_id, 'name'::text as reason, similarity(${sql.raw(k.name("a"))}, ${sql.raw(k.name("b"))}) as sim, similarity(${sql.raw(k.name("a"))}, ${sql.raw(k.name("b"))}) as weight
    from ${sql.raw(k.table)} a join ${sql.raw(k.table)} b on ${sql.raw(k.name("a"))} % ${sql.raw(k.name("b"))} and b.workspace_id = a.workspace_id and a.id < b.id
    where a.workspace_id = ${ws}${inWindow(w)}`);
  const cursor = after ? sql` and (p.a_id, p.b_id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql``;
  const result = await db.execute<PairRow>(sql`
    with page as (
      select p.a_id, p.b_id, array_agg(distinct p.reason) as reasons, max(p.sim) as sim,
        least(1, max(p.weight) + 0.05 * (count(distinct p.reason) - 1))::real as score
      from (${sql.join(branches, sql` union all `)}) p
      where not exists (select 1 from ${duplicateDismissals} d where d.workspace_id = ${ws} and d.entity_type = ${entityType} and d.low_id = p.a_id and d.high_id = p.b_id)
        and ${visibleId(actor, entityType, sql`p.a_id`)} and ${visibleId(actor, entityType, sql`p.b_id`)}${cursor}
      group by p.a_id, p.b_id
      order by p.a_id, p.b_id
      limit ${limit}
    )
    select page.a_id, page.b_id, page.reasons, page.sim, page.score,
      ${sql.raw(k.display("a"))} as a_name, ${sql.raw(k.detail("a"))} as a_detail, ${sql.raw(k.display("b"))} as b_name, ${sql.raw(k.detail("b"))} as b_detail
    from page join ${sql.raw(k.table)} a on a.id = page.a_id join ${sql.raw(k.table)} b on b.id = page.b_id
    order by page.a_id, page.b_id`);
  return result.rows;
}

/** The visible clients among `ids`, locked for update in id order. */
export async function lockVisibleClients(db: Db, actor: Viewer, ids: string[]): Promise<ClientRow[]> {
  return db.select().from(clients).where(and(clientVisibilityCondition(actor), inArray(clients.id, ids))).orderBy(asc(clients.id)).for("update");
}

/** The visible contacts among `ids` (their client visible), locked for update in id order. */
export async function lockVisibleContacts(db: Db, actor: Viewer, ids: string[]): Promise<ContactRow[]> {
  const rows = await db
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(and(clientVisibilityCondition(actor), eq(contacts.workspaceId, actor.workspaceId), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
    .for("update", { of: contacts });
  return rows.map((r) => r.contact);
}

/** Counts of the records that hang off one record and would move in a merge. */
export async function relatedCounts(db: Db, workspaceId: string, entityType: DuplicateEntityType, id: string): Promise<RelatedCounts> {
  const counts = {
    client: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'client' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and client_id = ${id})::int as deals,
      (select count(*) from contacts where workspace_id = ${workspaceId} and client_id = ${id})::int as contacts,
      (select count(*) from leads where workspace_id = ${workspaceId} and converted_client_id = ${id})::int as "convertedLeads",
      (select count(*) from users where workspace_id = ${workspaceId} and client_id = ${id})::int as "portalUsers"`,
    contact: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'contact' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and contact_id = ${id})::int as deals,
      0 as contacts,
      (select count(*) from leads where workspace_id = ${workspaceId} and converted_contact_id = ${id})::int as "convertedLeads",
      (select count(*) from contacts where workspace_id = ${workspaceId} and id = ${id} and user_id is not null)::int as "portalUsers"`,
    lead: sql`select
      (select count(*) from activities where workspace_id = ${workspaceId} and entity_type = 'lead' and entity_id = ${id})::int as activities,
      (select count(*) from deals where workspace_id = ${workspaceId} and lead_id = ${id})::int as deals,
      0 as contacts, 0 as "convertedLeads", 0 as "portalUsers"`,
  }[entityType];
  const { rows } = await db.execute<RelatedCounts & Record<string, unknown>>(counts);
  return rows[0]!;
}

/** Runs one move statement and returns how many rows it changed. */
async function moved(db: Db, statement: SQL): Promise<number> {
  return (await db.execute(statement)).rowCount ?? 0;
}

/** Moves a timeline from one record to another of the same type. */
export function moveActivities(db: Db, workspaceId: string, entityType: DuplicateEntityType, fromId: string, toId: string): Promise<number> {
  return moved(db, sql`update activities set entity_id = ${toId} where workspace_id = ${workspaceId} and entity_type = ${entityType} and entity_id = ${fromId}`);
}

/** Moves a record's files to the survivor (contacts carry none). */
export function moveAttachments(db: Db, workspaceId: string, entityType: "client" | "lead", fromId: string, toId: string): Promise<number> {
  return moved(db, sql`update attachments set entity_id = ${toId} where workspace_id = ${workspaceId} and entity_type = ${entityType} and entity_id = ${fromId}`);
}

/** Moves everything that hangs off a client to the survivor (contacts, deals, converted leads, portal users, assignments). */
export async function moveClientRelations(db: Db, workspaceId: string, fromId: string, toId: string): Promise<RelatedCounts> {
  // Moved contacts stay primary only when the survivor has no primary contact of its own.
  const contactsMoved = await moved(
    db,
    sql`update contacts set client_id = ${toId}, updated_at = now(),
      is_primary = is_primary and not exists (select 1 from contacts c2 where c2.client_id = ${toId} and c2.is_primary)
      where workspace_id = ${workspaceId} and client_id = ${fromId}`,
  );
  const dealsMoved = await moved(db, sql`update deals set client_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and client_id = ${fromId}`);
  const leadsMoved = await moved(db, sql`update leads set converted_client_id = ${toId} where workspace_id = ${workspaceId} and converted_client_id = ${fromId}`);
  const usersMoved = await moved(db, sql`update users set client_id = ${toId} where workspace_id = ${workspaceId} and client_id = ${fromId}`);
  // Assignments: the union of both teams (the merged client's rows go with it on delete).
  await db.execute(sql`insert into client_assignments (workspace_id, client_id, user_id)
    select workspace_id, ${toId}, user_id from client_assignments where workspace_id = ${workspaceId} and client_id = ${fromId}
    on conflict do nothing`);
  const activitiesMoved = await moveActivities(db, workspaceId, "client", fromId, toId);
  await moveAttachments(db, workspaceId, "client", fromId, toId);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: contactsMoved, convertedLeads: leadsMoved, portalUsers: usersMoved };
}

/** Moves deals, converted leads and the timeline of a contact to the survivor (the portal login is the service's call). */
export async function moveContactRelations(db: Db, workspaceId: string, fromId: string, toId: string): Promise<Omit<RelatedCounts, "portalUsers">> {
  const dealsMoved = await moved(db, sql`update deals set contact_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and contact_id = ${fromId}`);
  const leadsMoved = await moved(db, sql`update leads set converted_contact_id = ${toId} where workspace_id = ${workspaceId} and converted_contact_id = ${fromId}`);
  const activitiesMoved = await moveActivities(db, workspaceId, "contact", fromId, toId);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: 0, convertedLeads: leadsMoved };
}

/** Moves a lead's deals and timeline to the survivor. */
export async function moveLeadRelations(db: Db, workspaceId: string, fromId: string, toId: string): Promise<RelatedCounts> {
  const dealsMoved = await moved(db, sql`update deals set lead_id = ${toId}, updated_at = now() where workspace_id = ${workspaceId} and lead_id = ${fromId}`);
  const activitiesMoved = await moveActivities(db, workspaceId, "lead", fromId, toId);
  await moveAttachments(db, workspaceId, "lead", fromId, toId);
  // The automation run log follows the lead (its lead_id has no foreign key).
  await db.execute(sql`update automation_runs set lead_id = ${toId} where workspace_id = ${workspaceId} and lead_id = ${fromId}`);
  return { activities: activitiesMoved, deals: dealsMoved, contacts: 0, convertedLeads: 0, portalUsers: 0 };
}

/** Records that a pair is not a duplicate (idempotent). */
export async function insertDismissal(db: Db, workspaceId: string, entityType: DuplicateEntityType, ids: [string, string], userId: string): Promise<void> {
  const [lowId, highId] = [...ids].sort() as [string, string];
  await db.insert(duplicateDismissals).values({ workspaceId, entityType, lowId, highId, dismissedBy: userId }).onConflictDoNothing();
}
