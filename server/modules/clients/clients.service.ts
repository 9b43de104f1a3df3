import type { ClientListResponse, ClientSummaryDto, PortalOverviewResponse } from "../../../shared/contracts/clients";
import type { ListClientsQuery } from "../../../shared/contracts/clients";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { ClientRow } from "../../db/schema";
import { toPage } from "../../lib/pagination";
import { loadWorkspace } from "../workspace/workspace.service";
import { findClient, listClients } from "./clients.repository";

/** Row → summary DTO. */
export function presentClient(c: ClientRow): ClientSummaryDto {
  return { id: c.id, name: c.name, status: c.status, createdAt: c.createdAt.toISOString() };
}

/** Lists the workspace's clients by name. */
export async function listWorkspaceClients(app: AppContext, actor: Actor, q: ListClientsQuery): Promise<ClientListResponse> {
  const rows = await listClients(app.database.db, actor.workspaceId, q);
  return toPage(rows, q.limit, (c) => [c.name, c.id], presentClient);
}

/** The portal landing data: only the actor's own client. */
export async function portalOverview(app: AppContext, actor: Actor): Promise<PortalOverviewResponse> {
  if (!actor.clientId) throw errors.forbidden();
  const client = await findClient(app.database.db, actor.workspaceId, actor.clientId);
  if (!client) throw errors.notFound("Client");
  const ws = await loadWorkspace(app, actor.workspaceId);
  return {
    client: presentClient(client),
    user: { id: actor.id, name: actor.name, email: actor.email },
    workspace: { name: ws.name, brandColor: ws.brandColor },
  };
}
