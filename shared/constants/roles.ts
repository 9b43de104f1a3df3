/** Roles and the fixed permission catalogue. Role → permission defaults are seeded by migration. */
export const ROLES = ["admin", "manager", "staff", "sales_agent", "creator", "client"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work inside the agency app (everyone but portal clients). */
export const STAFF_ROLES = ["admin", "manager", "staff", "sales_agent", "creator"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  staff: "Staff",
  sales_agent: "Sales agent",
  creator: "Creator",
  client: "Client (portal)",
};

/** The permission catalogue: key → description. Adding a key needs a migration granting defaults. */
export const PERMISSIONS = {
  "users.read": "See the team list and each member's profile",
  "users.invite": "Invite new users and resend invitations",
  "users.update": "Change a user's name and role",
  "users.deactivate": "Deactivate and reactivate users",
  "roles.manage": "Edit which permissions each role has",
  "workspace.read": "See workspace settings",
  "workspace.update": "Change workspace name, timezone, currency and branding",
  "audit.read": "Read the audit log",
  "clients.read": "See the client list (sales agents: clients they own or are assigned to; creators: assigned ones)",
  "clients.write": "Create and edit clients and contacts, log timeline entries",
  "clients.delete": "Delete clients",
  "clients.export": "Export the client list as CSV",
  "custom_fields.manage": "Define, edit and delete the custom fields of clients, contacts, leads and deals",
  "leads.read": "See leads (staff: all or their own, per the workspace setting; sales agents: their own)",
  "leads.write": "Create, edit, assign and convert leads",
  "leads.delete": "Delete leads",
  "leads.export": "Export the lead list as CSV",
  "deals.read": "See deals and pipelines (same reach as leads)",
  "deals.write": "Create, edit and move deals between stages",
  "deals.delete": "Delete deals",
  "pipelines.manage": "Create and edit pipelines and their stages",
  "imports.run": "Import clients, contacts and leads from CSV",
  "forms.manage": "Build web-to-lead forms",
  "automations.manage": "Define automations and lead assignment rules",
  "admin.jobs": "See background jobs and retry failed ones",
  "admin.outbox": "See captured outgoing email",
  "admin.system": "See integrations, circuit breakers and system health",
  "portal.access": "Use the client portal",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/** Permissions that only portal clients may hold, and that portal clients are limited to. */
export const PORTAL_PERMISSIONS: readonly Permission[] = ["portal.access"];

/** Default grants, mirrored by the seeding migration (a unit test keeps the two in step). */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSION_KEYS.filter((p) => !PORTAL_PERMISSIONS.includes(p)),
  manager: [
    "users.read",
    "users.invite",
    "users.update",
    "users.deactivate",
    "workspace.read",
    "audit.read",
    "clients.read",
    "clients.write",
    "clients.delete",
    "clients.export",
    "leads.read",
    "leads.write",
    "leads.delete",
    "leads.export",
    "deals.read",
    "deals.write",
    "deals.delete",
    "pipelines.manage",
    "imports.run",
    "forms.manage",
    "automations.manage",
  ],
  staff: ["users.read", "workspace.read", "clients.read", "clients.write", "clients.export", "leads.read", "leads.write", "leads.export", "deals.read", "deals.write", "imports.run"],
  sales_agent: ["users.read", "workspace.read", "clients.read", "clients.write", "leads.read", "leads.write", "deals.read", "deals.write", "imports.run"],
  creator: ["workspace.read", "clients.read"],
  client: ["portal.access"],
};

/** Record types that have an owner who works them (an owner needs `<type>.read`; see the users list's `canOwn`). */
export const OWNED_RECORDS = ["leads", "deals"] as const;
export type OwnedRecord = (typeof OWNED_RECORDS)[number];

/** Roles an actor may assign: nobody but an admin creates admins. */
export function assignableRoles(actorRole: Role): Role[] {
  if (actorRole === "admin") return [...ROLES];
  if (actorRole === "manager") return ROLES.filter((r) => r !== "admin");
  return [];
}

/**
 * How far an actor reaches into leads and deals: every record of the workspace, only the ones they
 * own, or none. Staff follow the workspace setting `staffPipelineScope`.
 */
export type PipelineScope = "all" | "own" | "none";
export const STAFF_PIPELINE_SCOPES = ["all", "own"] as const;
export type StaffPipelineScope = (typeof STAFF_PIPELINE_SCOPES)[number];

export function pipelineScopeOf(role: Role, staffScope: StaffPipelineScope): PipelineScope {
  if (role === "admin" || role === "manager") return "all";
  if (role === "staff") return staffScope;
  if (role === "sales_agent") return "own";
  return "none";
}

export const USER_STATUSES = ["invited", "active", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
