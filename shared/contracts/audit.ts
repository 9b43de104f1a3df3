import { z } from "zod";
import { pageQueryFields, paginated } from "./common";

export const AuditLogDto = z
  .object({
    id: z.uuid(),
    action: z.string().describe("Dotted action name, e.g. user.invited"),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()).nullable().describe("Changed fields (secrets removed)"),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditLogDto" });
export type AuditLogDto = z.infer<typeof AuditLogDto>;

export const ListAuditQuery = z
  .strictObject({
    actorId: z.uuid().optional(),
    action: z.string().max(80).optional().describe("Exact action, or a prefix ending in '.' such as 'auth.'"),
    entityType: z.string().max(40).optional(),
    entityId: z.string().max(80).optional(),
    from: z.iso.datetime().optional().describe("Inclusive lower bound (ISO 8601)"),
    to: z.iso.datetime().optional().describe("Exclusive upper bound (ISO 8601)"),
    ...pageQueryFields,
  })
  .meta({ id: "ListAuditQuery" });
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const AuditLogListResponse = paginated(AuditLogDto, "AuditLogListResponse");
export type AuditLogListResponse = z.infer<typeof AuditLogListResponse>;
