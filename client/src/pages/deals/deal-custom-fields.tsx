import { type ReactNode, useContext, useMemo } from "react";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { CustomFieldInputs } from "@/features/custom-fields/components/custom-field-inputs";
import { CustomFieldsSlotContext } from "@/lib/custom-fields";

/** Gives the deal forms below it the workspace's deal custom fields (added to any slots already provided). */
export function DealCustomFieldsProvider({ children }: { children: ReactNode }) {
  const outer = useContext(CustomFieldsSlotContext);
  const fields = useCustomFields("deal");
  const value = useMemo(() => (fields.data ? { ...outer, deal: { definitions: fields.data.data, Inputs: CustomFieldInputs } } : outer), [outer, fields.data]);
  return <CustomFieldsSlotContext.Provider value={value}>{children}</CustomFieldsSlotContext.Provider>;
}
