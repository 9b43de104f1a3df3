import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { CustomFieldDefinitionRow } from "../../db/schema";

/** Row → DTO, field by field. */
export function presentDefinition(r: CustomFieldDefinitionRow): CustomFieldDefinitionDto {
  return {
    id: r.id,
    entityType: r.entityType,
    key: r.key,
    label: r.label,
    type: r.type,
    options: r.options,
    required: r.required,
    position: r.position,
    createdAt: r.createdAt.toISOString(),
  };
}
