import { type ReactNode, useContext, useMemo } from "react";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { CustomFieldInputs } from "@/features/custom-fields/components/custom-field-inputs";
import { CustomFieldsSlotContext } from "@/lib/custom-fields";

/** Gives lead forms below it the workspace's lead custom fields (on top of whatever a parent provides). */
export function LeadCustomFieldsProvider({ children }: { children: ReactNode }) {
  const parent = useContext(CustomFieldsSlotContext);
  const fields = useCustomFields("lead");
  const value = useMemo(
    () => (fields.data ? { ...parent, lead: { definitions: fields.data.data, Inputs: CustomFieldInputs } } : parent),
    [parent, fields.data],
  );
  return <CustomFieldsSlotContext.Provider value={value}>{children}</CustomFieldsSlotContext.Provider>;
}
