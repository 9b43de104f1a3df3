import { and, asc, desc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { clients, contacts, deals, leads, pipelineStages } from "../../db/schema";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import { dealVisibilityCondition } from "../deals/deals.visibility";
import { leadVisibilityCondition } from "../leads/leads.visibility";
import { needsFullText, searchCondition, searchPattern, searchRelevance, searchWithFallback } from "../../lib/text-search";

type Viewer = Pick<Actor, "role" | "id" | "workspaceId" | "pipelineScope">;

/** A hit before it becomes a result: the record's id, its title and what tells it apart. */
export interface SearchHit {
  id: string;
  title: string;
  subtitle: string | null;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Text matches, typo-tolerant: a substring, a close trigram match (`%`), or the term close to a word of it (`<%`). */
function fuzzy(expr: SQLWrapper, q: string): SQL {
  const lq = q.toLowerCase();
  return sql`(lower(${expr}) like ${`%${escapeLike(lq)}%`} or lower(${expr}) % ${lq} or ${lq} <% lower(${expr}))`;
}

/** How close the term is to the text (0–1), to order hits. */
function closeness(expr: SQLWrapper, q: string): SQL<number> {
  return sql<number>`coalesce(word_similarity(${q.toLowerCase()}, lower(${expr})), 0)`;
}

const tsQuery = (q: string) => sql`websearch_to_tsquery('simple', ${q})`;

/** Clients the actor may see matching the term (full text on every searchable field, fuzzy on the name). */
export async function searchClients(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const rank = sql`(ts_rank(${clients.search}, ${tsQuery(q)}) + ${closeness(clients.name, q)})`;
  return db
    .select({ id: clients.id, title: clients.name, subtitle: clients.industry })
    .from(clients)
    .where(and(clientVisibilityCondition(actor), sql`(${clients.search} @@ ${tsQuery(q)} or ${fuzzy(clients.name, q)})`))
    .orderBy(desc(rank), asc(clients.name), asc(clients.id))
    .limit(limit);
}

const contactName = sql<string>`(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`;

/** Contacts of clients the actor may see, matching on name (fuzzy) or email. */
export async function searchContacts(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const rows = await db
    .select({ id: contacts.id, title: sql<string>`trim(${contactName})`, email: contacts.email, clientName: clients.name })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(
      and(
        clientVisibilityCondition(actor),
        eq(contacts.workspaceId, actor.workspaceId),
        sql`(${fuzzy(contactName, q)} or lower(${contacts.email}) like ${`%${escapeLike(q.toLowerCase())}%`})`,
      ),
    )
    .orderBy(desc(closeness(contactName, q)), asc(contactName), asc(contacts.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, title: r.title, subtitle: [r.clientName, r.email].filter(Boolean).join(" · ") || null }));
}

const leadSearchColumns = { text: leads.searchText, name: sql`lower(${leads.name})`, document: leads.search, typo: [sql`lower(${leads.name})`, sql`lower(${leads.company})`] };

/** Newest matching leads the palette ranks (a common fragment matches thousands; ranking them all costs seconds). */
const LEAD_PALETTE_CANDIDATES = 200;

/**
 * Leads the actor may see, by the leads list's search (server/lib/text-search.ts): full text or a
 * fragment of name, company, email, phone or tags, and typo-tolerant when that finds too few. The
 * newest `LEAD_PALETTE_CANDIDATES` matches are ranked, best match first.
 */
export async function searchLeads(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await searchWithFallback(limit, (mode, n) => {
    const candidates = db
      .select({ id: leads.id, name: leads.name, company: leads.company, email: leads.email, rank: searchRelevance(leadSearchColumns, mode, q).as("rank") })
      .from(leads)
      .where(and(leadVisibilityCondition(actor), searchCondition(leadSearchColumns, mode, { term: q, pattern: searchPattern(q) }, needsFullText(q))))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(LEAD_PALETTE_CANDIDATES)
      .as("candidates");
    return db.select().from(candidates).orderBy(desc(candidates.rank), asc(candidates.name), asc(candidates.id)).limit(n);
  });
  return rows.map((r) => ({ id: r.id, title: r.name, subtitle: r.company ?? r.email }));
}

/** Deals the actor may see (their own, or all), full text or fuzzy on the title. */
export async function searchDeals(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const rank = sql`(ts_rank(${deals.search}, ${tsQuery(q)}) + ${closeness(deals.title, q)})`;
  const rows = await db
    .select({ id: deals.id, title: deals.title, stage: pipelineStages.name, status: deals.status })
    .from(deals)
    .leftJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .where(and(dealVisibilityCondition(actor), sql`(${deals.search} @@ ${tsQuery(q)} or ${fuzzy(deals.title, q)})`))
    .orderBy(desc(rank), asc(deals.title), asc(deals.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, title: r.title, subtitle: r.status === "open" ? (r.stage ?? null) : r.status === "won" ? "Won" : "Lost" }));
}
