export const adminKeys = {
  all: ["admin"] as const,
  jobs: () => [...adminKeys.all, "jobs"] as const,
  outbox: (params: { to?: string }) => [...adminKeys.all, "outbox", params] as const,
  system: () => [...adminKeys.all, "system"] as const,
};
