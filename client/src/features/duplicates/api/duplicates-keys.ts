import type { DuplicateEntityType, DuplicateReason } from "@shared/contracts/duplicates";

export const duplicatesKeys = {
  all: ["duplicates"] as const,
  lists: () => [...duplicatesKeys.all, "list"] as const,
  list: (entityType: DuplicateEntityType, reason?: DuplicateReason) => [...duplicatesKeys.lists(), entityType, reason ?? "any"] as const,
  compare: (entityType: DuplicateEntityType, ids: readonly [string, string]) => [...duplicatesKeys.all, "compare", entityType, ...ids] as const,
  rescan: () => [...duplicatesKeys.all, "rescan"] as const,
};
