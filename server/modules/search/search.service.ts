import type { GlobalSearchQuery, GlobalSearchResponse, SearchGroup, SearchResultType } from "../../../shared/contracts/search";
import type { AppContext } from "../../app-context";
import { type Actor, can } from "../../auth/actor";
import { type SearchHit, searchClients, searchContacts, searchDeals, searchLeads } from "./search.repository";

const GROUPS: { type: SearchResultType; label: string; href: (id: string) => string }[] = [
  { type: "client", label: "Clients", href: (id) => `/clients/${id}` },
  { type: "contact", label: "Contacts", href: (id) => `/contacts/${id}` },
  { type: "lead", label: "Leads", href: (id) => `/leads/${id}` },
  { type: "deal", label: "Deals", href: (id) => `/deals/${id}` },
];

/**
 * The record types the actor may search: clients and contacts with clients.read (the route's gate),
 * leads and deals only with their read permission and a pipeline reach.
 */
function searchableTypes(actor: Actor): Set<SearchResultType> {
  const types = new Set<SearchResultType>(["client", "contact"]);
  if (actor.pipelineScope !== "none" && can(actor, "leads.read")) types.add("lead");
  if (actor.pipelineScope !== "none" && can(actor, "deals.read")) types.add("deal");
  return types;
}

/** Searches every record type the actor may see, each inside its own visibility rule, grouped by type. */
export async function globalSearch(app: AppContext, actor: Actor, query: GlobalSearchQuery): Promise<GlobalSearchResponse> {
  const db = app.database.db;
  const { q, limit } = query;
  const types = searchableTypes(actor);
  const run: Record<SearchResultType, () => Promise<SearchHit[]>> = {
    client: () => searchClients(db, actor, q, limit),
    contact: () => searchContacts(db, actor, q, limit),
    lead: () => searchLeads(db, actor, q, limit),
    deal: () => searchDeals(db, actor, q, limit),
  };
  const groups = GROUPS.filter((g) => types.has(g.type));
  const hits = await Promise.all(groups.map((g) => run[g.type]()));
  const data: SearchGroup[] = groups.map((g, i) => ({
    type: g.type,
    label: g.label,
    results: hits[i]!.map((h) => ({ type: g.type, id: h.id, title: h.title, subtitle: h.subtitle, href: g.href(h.id) })),
  }));
  return { data };
}
