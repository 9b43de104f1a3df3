export const authFeatureKeys = {
  all: ["auth-flows"] as const,
  invitePreview: (token: string) => [...authFeatureKeys.all, "invite-preview", token] as const,
};
