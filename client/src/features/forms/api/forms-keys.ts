import type { ListLeadFormsQuery } from "@shared/contracts/forms";

/** List filters as they appear in the query key (no cursor). */
export type FormsListParams = Partial<Pick<ListLeadFormsQuery, "q" | "status" | "sort">>;

/** Query keys of the forms feature. */
export const formsKeys = {
  all: ["forms"] as const,
  lists: () => [...formsKeys.all, "list"] as const,
  infinite: (params: FormsListParams) => [...formsKeys.lists(), "infinite", params] as const,
  details: () => [...formsKeys.all, "detail"] as const,
  detail: (id: string) => [...formsKeys.details(), id] as const,
  leadFields: () => [...formsKeys.all, "lead-custom-fields"] as const,
  public: (publicId: string) => ["public-form", publicId] as const,
};
