export const clientsKeys = {
  all: ["clients"] as const,
  lists: () => [...clientsKeys.all, "list"] as const,
  list: (params: { q?: string; limit?: number }) => [...clientsKeys.lists(), params] as const,
};
