export const portalKeys = {
  all: ["portal"] as const,
  overview: () => [...portalKeys.all, "overview"] as const,
};
