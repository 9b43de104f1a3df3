import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import { clientAssignments, clients } from "../../db/schema";

/** How much of a workspace's client book a role sees; part of every prepared statement's shape. */
export type ClientVisibility = "all" | "owned_or_assigned" | "assigned" | "none";

/** The visibility rule of a role: THE one place that decides who sees which clients. */
export function clientVisibility(actor: Pick<Actor, "role">): ClientVisibility {
  switch (actor.role) {
    case "admin":
    case "manager":
    case "staff":
      return "all";
    // Leads and deals will widen this later (clients converted from the agent's own deals).
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
    case "owned_or_assigned":
      return sql`(${inWorkspace} and (${clients.ownerId} = ${actorId}::uuid or ${assigned}))`;
    case "assigned":
      return sql`(${inWorkspace} and ${assigned})`;
    case "none":
      return sql`false`;
  }
}
