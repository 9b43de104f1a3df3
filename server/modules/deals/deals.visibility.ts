import { type SQL, sql } from "drizzle-orm";
import { deals } from "../../db/schema";
import type { PipelineViewer } from "../leads/leads.visibility";

/**
 * The SQL condition "this `deals` row is visible to the actor", workspace scope included (same reach
 * as leads: all, own, or none). Lists, board, forecast, search, export and timelines all use it.
 */
export function dealVisibilityCondition(actor: PipelineViewer, params?: { workspaceId: unknown; actorId: unknown }): SQL {
  const workspaceId = params?.workspaceId ?? actor.workspaceId;
  const actorId = params?.actorId ?? actor.id;
  const inWorkspace = sql`${deals.workspaceId} = ${workspaceId}`;
  switch (actor.pipelineScope) {
    case "all":
      return inWorkspace;
    case "own":
      return sql`(${inWorkspace} and ${deals.ownerId} = ${actorId}::uuid)`;
    case "none":
      return sql`false`;
  }
}
