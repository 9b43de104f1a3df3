export const portalKeys = {
  all: ["portal"] as const,
  overview: () => [...portalKeys.all, "overview"] as const,
  files: () => [...portalKeys.all, "files"] as const,
};
