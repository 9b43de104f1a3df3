import type { ReactNode } from "react";
import { useMemo } from "react";
import { CustomFieldsSlotContext, type CustomFieldsSlot } from "@/lib/custom-fields";
import { useCustomFields } from "../api/get-custom-fields";
import { CustomFieldInputs } from "./custom-field-inputs";

/** Gives record forms below it the client and contact custom fields (pages wrap their content in it). */
export function CustomFieldsProvider({ children }: { children: ReactNode }) {
  const clientFields = useCustomFields("client");
  const contactFields = useCustomFields("contact");
  const value = useMemo(() => {
    const slot = (definitions: CustomFieldsSlot["definitions"] | undefined): CustomFieldsSlot | undefined =>
      definitions ? { definitions, Inputs: CustomFieldInputs } : undefined;
    return { client: slot(clientFields.data?.data), contact: slot(contactFields.data?.data) };
  }, [clientFields.data, contactFields.data]);
  return <CustomFieldsSlotContext.Provider value={value}>{children}</CustomFieldsSlotContext.Provider>;
}
