import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import { leads } from "../../db/schema";

export type PipelineViewer = Pick<Actor, "id" | "workspaceId" | "pipelineScope">;

/**
 * The SQL condition "this `leads` row is visible to the actor", workspace scope included: THE one
 * place that decides who sees which leads (admins and managers all, staff per the workspace setting,
 * sales agents their own, creators and portal clients none). `actorId`/`workspaceId` may be
 * prepared-statement placeholders; the actor's `pipelineScope` is part of every statement's shape.
 */
export function leadVisibilityCondition(actor: PipelineViewer, params?: { workspaceId: unknown; actorId: unknown }): SQL {
  const workspaceId = params?.workspaceId ?? actor.workspaceId;
  const actorId = params?.actorId ?? actor.id;
  const inWorkspace = sql`${leads.workspaceId} = ${workspaceId}`;
  switch (actor.pipelineScope) {
    case "all":
      return inWorkspace;
    case "own":
      return sql`(${inWorkspace} and ${leads.ownerId} = ${actorId}::uuid)`;
    case "none":
      return sql`false`;
  }
}
