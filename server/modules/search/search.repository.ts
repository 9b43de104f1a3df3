import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { clients, contacts, deals, leads, pipelineStages } from "../../db/schema";
import { clientSearchColumns } from "../clients/clients.repository";
import { clientVisibilityCondition } from "../clients/clients.visibility";
import { contactSearchColumns } from "../contacts/contacts.repository";
import { dealSearchColumns } from "../deals/deals.repository";
import { dealVisibilityCondition } from "../deals/deals.visibility";
import { leadSearchColumns } from "../leads/leads.repository";
import { leadVisibilityCondition } from "../leads/leads.visibility";
import { needsFullText, type SearchColumns, type SearchMode, searchCondition, searchPattern, searchRelevance, searchWithFallback } from "../../lib/text-search";

type Viewer = Pick<Actor, "role" | "id" | "workspaceId" | "pipelineScope">;

/** A hit before it becomes a result: the record's id, its title and what tells it apart. */
export interface SearchHit {
  id: string;
  title: string;
  subtitle: string | null;
}

/** Newest matching records each type ranks (a common fragment matches thousands; ranking them all costs far more than the palette is worth). */
const PALETTE_CANDIDATES = 200;

const contactName = sql<string>`(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`;

/** The list search's condition (server/lib/text-search.ts) for the palette's term, with its values inline. */
const matches = (cols: SearchColumns, mode: SearchMode, q: string): SQL => searchCondition(cols, mode, { term: q, pattern: searchPattern(q) }, needsFullText(q));

/**
 * Clients the actor may see, by the clients list's search: a fragment of name, industry, website,
 * phone, tags or notes (full text for several words), typo-tolerant on the name when that finds too
 * few. The newest `PALETTE_CANDIDATES` matches are ranked, best match first.
 */
export async function searchClients(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await searchWithFallback(limit, (mode, n) => {
    const candidates = db
      .select({ id: clients.id, name: clients.name, industry: clients.industry, rank: searchRelevance(clientSearchColumns, mode, q).as("rank") })
      .from(clients)
      .where(and(clientVisibilityCondition(actor), matches(clientSearchColumns, mode, q)))
      .orderBy(desc(clients.createdAt), desc(clients.id))
      .limit(PALETTE_CANDIDATES)
      .as("candidates");
    return db.select().from(candidates).orderBy(desc(candidates.rank), asc(candidates.name), asc(candidates.id)).limit(n);
  });
  return rows.map((r) => ({ id: r.id, title: r.name, subtitle: r.industry }));
}

/** Contacts of clients the actor may see, by the contacts list's search (name, email, phone, title; typo-tolerant on the name), best match first. */
export async function searchContacts(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await searchWithFallback(limit, (mode, n) => {
    const candidates = db
      .select({
        id: contacts.id,
        title: sql<string>`trim(${contactName})`.as("title"),
        email: contacts.email,
        clientName: sql<string>`${clients.name}`.as("client_name"),
        rank: searchRelevance(contactSearchColumns, mode, q).as("rank"),
      })
      .from(contacts)
      .innerJoin(clients, eq(clients.id, contacts.clientId))
      .where(and(clientVisibilityCondition(actor), eq(contacts.workspaceId, actor.workspaceId), matches(contactSearchColumns, mode, q)))
      .orderBy(desc(contacts.createdAt), desc(contacts.id))
      .limit(PALETTE_CANDIDATES)
      .as("candidates");
    return db.select().from(candidates).orderBy(desc(candidates.rank), asc(candidates.title), asc(candidates.id)).limit(n);
  });
  return rows.map((r) => ({ id: r.id, title: r.title, subtitle: [r.clientName, r.email].filter(Boolean).join(" · ") || null }));
}

/**
 * Leads the actor may see, by the leads list's search: full text or a fragment of name, company,
 * email, phone or tags, and typo-tolerant when that finds too few, best match first.
 */
export async function searchLeads(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await searchWithFallback(limit, (mode, n) => {
    const candidates = db
      .select({ id: leads.id, name: leads.name, company: leads.company, email: leads.email, rank: searchRelevance(leadSearchColumns, mode, q).as("rank") })
      .from(leads)
      .where(and(leadVisibilityCondition(actor), matches(leadSearchColumns, mode, q)))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(PALETTE_CANDIDATES)
      .as("candidates");
    return db.select().from(candidates).orderBy(desc(candidates.rank), asc(candidates.name), asc(candidates.id)).limit(n);
  });
  return rows.map((r) => ({ id: r.id, title: r.name, subtitle: r.company ?? r.email }));
}

/** Deals the actor may see (their own, or all), by the deals list's search (title and tags; typo-tolerant on the title), best match first. */
export async function searchDeals(db: Db, actor: Viewer, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await searchWithFallback(limit, (mode, n) => {
    const candidates = db
      .select({
        id: deals.id,
        title: deals.title,
        stage: sql<string | null>`${pipelineStages.name}`.as("stage"),
        status: deals.status,
        rank: searchRelevance(dealSearchColumns, mode, q).as("rank"),
      })
      .from(deals)
      .leftJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
      .where(and(dealVisibilityCondition(actor), matches(dealSearchColumns, mode, q)))
      .orderBy(desc(deals.createdAt), desc(deals.id))
      .limit(PALETTE_CANDIDATES)
      .as("candidates");
    return db.select().from(candidates).orderBy(desc(candidates.rank), asc(candidates.title), asc(candidates.id)).limit(n);
  });
  return rows.map((r) => ({ id: r.id, title: r.title, subtitle: r.status === "open" ? (r.stage ?? null) : r.status === "won" ? "Won" : "Lost" }));
}
