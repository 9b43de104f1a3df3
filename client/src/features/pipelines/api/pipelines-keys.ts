export const pipelinesKeys = {
  all: ["pipelines"] as const,
  list: () => [...pipelinesKeys.all, "list"] as const,
};
