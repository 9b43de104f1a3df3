import type { PortalOverviewResponse } from "../../../shared/contracts/clients";
import { errors } from "../../../shared/errors";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { DEFAULT_PORTAL_SETTINGS } from "../../db/schema";
import { listContactsOfClient } from "../contacts/contacts.repository";
import { loadWorkspace } from "../workspace/workspace.service";
import { presentClientSummary } from "./clients.presenter";
import { findClient } from "./clients.repository";

/** The portal landing data: only the actor's own client, its switched-on sections and its contacts. */
export async function portalOverview(app: AppContext, actor: Actor): Promise<PortalOverviewResponse> {
  if (!actor.clientId) throw errors.forbidden();
  const db = app.database.db;
  const client = await findClient(db, actor.workspaceId, actor.clientId);
  if (!client) throw errors.notFound("Client");
  const [ws, contacts] = await Promise.all([loadWorkspace(app, actor.workspaceId), listContactsOfClient(db, actor.workspaceId, client.id)]);
  return {
    client: presentClientSummary(client),
    user: { id: actor.id, name: actor.name, email: actor.email },
    workspace: { name: ws.name, brandColor: ws.brandColor },
    sections: { ...DEFAULT_PORTAL_SETTINGS, ...client.portalSettings },
    contacts: contacts.map((c) => ({
      id: c.id,
      name: [c.firstName, c.lastName].filter(Boolean).join(" "),
      email: c.email,
      title: c.title,
      isPrimary: c.isPrimary,
    })),
  };
}
