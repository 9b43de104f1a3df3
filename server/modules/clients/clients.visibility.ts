import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import { clientAssignments, clients, deals, leads } from "../../db/schema";

/** How much of a workspace's client book a role sees; part of every prepared statement's shape. */
export type ClientVisibility = "all" | "owned_or_assigned" | "assigned" | "none";

/** The visibility rule of a role: THE one place that decides who sees which clients. */
export function clientVisibility(actor: Pick<Actor, "role">): ClientVisibility {
  switch (actor.role) {
    case "admin":
    case "manager":
    case "staff":
      return "all";
    case "sales_agent":
      return "owned_or_assigned";
    case "creator":
      return "assigned";
    default:
      return "none";
  }
}

/**
 * The SQL condition "this `clients` row is visible to the actor", workspace scope included. Every
 * client read (list, get, count, search, export) and every read of a record hanging off a client
 * (contacts, timelines) goes through it. `actorId` may be a prepared-statement placeholder.
 */
export function clientVisibilityCondition(actor: Pick<Actor, "role" | "id" | "workspaceId">, params?: { workspaceId: unknown; actorId: unknown }): SQL {
  const workspaceId = params?.workspaceId ?? actor.workspaceId;
  const actorId = params?.actorId ?? actor.id;
  const inWorkspace = sql`${clients.workspaceId} = ${workspaceId}`;
  const assigned = sql`exists (select 1 from ${clientAssignments} where ${clientAssignments.clientId} = ${clients.id} and ${clientAssignments.userId} = ${actorId}::uuid)`;
  switch (clientVisibility(actor)) {
    case "all":
      return inWorkspace;
    case "owned_or_assigned": {
      // …or attached to a lead or deal they own (converted from their lead, or the client of their deal).
      const viaLead = sql`exists (select 1 from ${leads} where ${leads.convertedClientId} = ${clients.id} and ${leads.ownerId} = ${actorId}::uuid)`;
      const viaDeal = sql`exists (select 1 from ${deals} where ${deals.clientId} = ${clients.id} and ${deals.ownerId} = ${actorId}::uuid)`;
      return sql`(${inWorkspace} and (${clients.ownerId} = ${actorId}::uuid or ${assigned} or ${viaLead} or ${viaDeal}))`;
    }
    case "assigned":
      return sql`(${inWorkspace} and ${assigned})`;
    case "none":
      return sql`false`;
  }
}
