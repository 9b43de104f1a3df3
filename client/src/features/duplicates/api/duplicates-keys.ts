import type { DuplicateEntityType } from "@shared/contracts/duplicates";

export const duplicatesKeys = {
  all: ["duplicates"] as const,
  lists: () => [...duplicatesKeys.all, "list"] as const,
  list: (entityType: DuplicateEntityType) => [...duplicatesKeys.lists(), entityType] as const,
  compare: (entityType: DuplicateEntityType, ids: readonly [string, string]) => [...duplicatesKeys.all, "compare", entityType, ...ids] as const,
};
