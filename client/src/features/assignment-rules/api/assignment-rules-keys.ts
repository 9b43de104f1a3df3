export const assignmentRulesKeys = {
  all: ["assignment-rules"] as const,
  list: () => [...assignmentRulesKeys.all, "list"] as const,
};
