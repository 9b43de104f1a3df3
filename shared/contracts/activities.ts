import { z } from "zod";
import { pageQueryFields, paginated } from "./common";

/** Record types that have a timeline. */
export const TIMELINE_ENTITIES = ["client", "contact", "lead", "deal"] as const;
/** Kinds a person logs by hand. */
export const LOGGED_KINDS = ["note", "call", "meeting", "email"] as const;
/** Kinds the system writes on changes. */
export const AUTOMATIC_KINDS = ["created", "status_changed", "owner_changed", "updated", "stage_changed", "converted", "merged", "automation", "form_submitted", "imported"] as const;
export const ACTIVITY_KINDS = [...LOGGED_KINDS, ...AUTOMATIC_KINDS] as const;

export const ActivityDto = z
  .object({
    id: z.uuid(),
    entityType: z.enum(TIMELINE_ENTITIES),
    entityId: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    body: z.string().nullable(),
    mentions: z.array(z.object({ id: z.uuid(), name: z.string() })),
    meta: z.record(z.string(), z.unknown()).nullable().describe("e.g. { from, to } for status changes"),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    occurredAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ActivityDto" });
export type ActivityDto = z.infer<typeof ActivityDto>;

export const ListActivitiesQuery = z
  .strictObject({
    entityType: z.enum(TIMELINE_ENTITIES),
    entityId: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    ...pageQueryFields,
  })
  .meta({ id: "ListActivitiesQuery" });
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuery>;

export const ActivityListResponse = paginated(ActivityDto, "ActivityListResponse");
export type ActivityListResponse = z.infer<typeof ActivityListResponse>;

export const CreateActivityBody = z
  .strictObject({
    entityType: z.enum(TIMELINE_ENTITIES),
    entityId: z.uuid(),
    kind: z.enum(LOGGED_KINDS),
    body: z.string().trim().min(1, "Write something").max(10_000),
    mentionIds: z.array(z.uuid()).max(20).default([]).describe("Users @mentioned; each is notified by email"),
    occurredAt: z.iso.datetime().optional().describe("When the call/meeting happened; defaults to now"),
  })
  .meta({ id: "CreateActivityBody" });
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const ActivityResponse = z.object({ data: ActivityDto }).meta({ id: "ActivityResponse" });
