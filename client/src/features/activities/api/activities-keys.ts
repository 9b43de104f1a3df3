/** The record a timeline belongs to. */
export type TimelineTarget = { entityType: "client" | "contact"; entityId: string };

export const activitiesKeys = {
  all: ["activities"] as const,
  lists: () => [...activitiesKeys.all, "list"] as const,
  list: (target: TimelineTarget) => [...activitiesKeys.lists(), target.entityType, target.entityId] as const,
};
