import type { TIMELINE_ENTITIES } from "@shared/contracts/activities";

type TimelineEntity = (typeof TIMELINE_ENTITIES)[number];
/** The record a timeline belongs to. */
export type TimelineTarget = { entityType: TimelineEntity; entityId: string };

export const activitiesKeys = {
  all: ["activities"] as const,
  lists: () => [...activitiesKeys.all, "list"] as const,
  list: (target: TimelineTarget) => [...activitiesKeys.lists(), target.entityType, target.entityId] as const,
};
