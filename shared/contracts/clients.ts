import { z } from "zod";
import { pageQueryFields, paginated } from "./common";

export const CLIENT_STATUSES = ["prospect", "active", "paused", "churned"] as const;

export const ClientSummaryDto = z
  .object({ id: z.uuid(), name: z.string(), status: z.enum(CLIENT_STATUSES), createdAt: z.iso.datetime() })
  .meta({ id: "ClientSummaryDto" });
export type ClientSummaryDto = z.infer<typeof ClientSummaryDto>;

export const ListClientsQuery = z
  .strictObject({ q: z.string().trim().max(120).optional(), ...pageQueryFields })
  .meta({ id: "ListClientsQuery" });
export type ListClientsQuery = z.infer<typeof ListClientsQuery>;

export const ClientListResponse = paginated(ClientSummaryDto, "ClientListResponse");
export type ClientListResponse = z.infer<typeof ClientListResponse>;

export const PortalOverviewResponse = z
  .object({
    client: ClientSummaryDto,
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    workspace: z.object({ name: z.string(), brandColor: z.string() }),
  })
  .meta({ id: "PortalOverviewResponse" });
export type PortalOverviewResponse = z.infer<typeof PortalOverviewResponse>;
