/**
 * Every cache key in one place, so writers and invalidators cannot drift apart. Keys are grouped by
 * owner (`user:<id>:…`, `workspace:<id>:…`) so one `deletePattern` drops everything about an owner.
 */
export const CacheKeys = {
  /** The signed-in user as the auth middleware needs it. */
  authUser: (userId: string) => `user:${userId}:auth`,
  /** Every key about one user. */
  userPattern: (userId: string) => `user:${userId}:*`,
  /** The role → permissions map of a workspace. */
  rolePermissions: (workspaceId: string) => `workspace:${workspaceId}:role-permissions`,
  /** A workspace's settings row. */
  workspace: (workspaceId: string) => `workspace:${workspaceId}:settings`,
  /** A workspace's custom field definitions of one record type. */
  customFields: (workspaceId: string, entityType: string) => `workspace:${workspaceId}:custom-fields:${entityType}`,
  /** The enabled automations of a workspace (id + trigger): lead writes ask it before enqueueing. */
  automationTriggers: (workspaceId: string) => `workspace:${workspaceId}:automation-triggers`,
  /** A pipeline with its stages as the board reads them (dropped on every pipeline or stage edit). */
  pipeline: (workspaceId: string, pipelineId: string) => `workspace:${workspaceId}:pipeline:${pipelineId}`,
  /** A session's data, keyed by its public handle (the raw session id never reaches the cache). */
  session: (handle: string) => `session:${handle}`,
  /** A web-to-lead form's embedding settings (allowed origins), by its public id. */
  leadFormEmbedding: (publicId: string) => `lead-form:${publicId}:embedding`,
  /** Every key about one workspace. */
  workspacePattern: (workspaceId: string) => `workspace:${workspaceId}:*`,
} as const;
