import type { SavedViewEntity } from "@shared/contracts/saved-views";

export const savedViewsKeys = {
  all: ["saved-views"] as const,
  list: (entityType: SavedViewEntity) => [...savedViewsKeys.all, "list", entityType] as const,
};
