/** Query keys of the forms feature. */
export const formsKeys = {
  all: ["forms"] as const,
  lists: () => [...formsKeys.all, "list"] as const,
  infinite: (q: string) => [...formsKeys.lists(), "infinite", q] as const,
  details: () => [...formsKeys.all, "detail"] as const,
  detail: (id: string) => [...formsKeys.details(), id] as const,
  leadFields: () => [...formsKeys.all, "lead-custom-fields"] as const,
  public: (publicId: string) => ["public-form", publicId] as const,
};
