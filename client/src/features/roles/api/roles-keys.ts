export const rolesKeys = {
  all: ["roles"] as const,
  matrix: () => [...rolesKeys.all, "matrix"] as const,
};
