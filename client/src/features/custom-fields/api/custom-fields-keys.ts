import type { CustomFieldEntity } from "@shared/contracts/custom-fields";

export const customFieldsKeys = {
  all: ["custom-fields"] as const,
  list: (entityType: CustomFieldEntity) => [...customFieldsKeys.all, "list", entityType] as const,
};
