/**
 * Route patterns and href builders. Lives in config/ (not app/) so features and pages can link
 * without importing upward.
 */
function withParams(path: string, params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  login: { pattern: "/login", href: (next?: string) => withParams("/login", { next }) },
  forgotPassword: { pattern: "/forgot-password", href: () => "/forgot-password" },
  resetPassword: { pattern: "/reset-password", href: (token?: string) => withParams("/reset-password", { token }) },
  acceptInvite: { pattern: "/accept-invite", href: (token?: string) => withParams("/accept-invite", { token }) },

  dashboard: { pattern: "/", href: () => "/" },
  users: { pattern: "/users", href: () => "/users" },
  user: { pattern: "/users/:id", href: (id: string) => `/users/${encodeURIComponent(id)}` },
  clients: { pattern: "/clients", href: () => "/clients" },
  client: {
    pattern: "/clients/:id",
    href: (id: string, tab?: string) => withParams(`/clients/${encodeURIComponent(id)}`, { tab }),
  },
  contacts: { pattern: "/contacts", href: () => "/contacts" },
  contact: { pattern: "/contacts/:id", href: (id: string) => `/contacts/${encodeURIComponent(id)}` },
  leads: { pattern: "/leads", href: () => "/leads" },
  leadsWorkload: { pattern: "/leads/workload", href: () => "/leads/workload" },
  lead: { pattern: "/leads/:id", href: (id: string) => `/leads/${encodeURIComponent(id)}` },
  assignmentRules: { pattern: "/settings/assignment-rules", href: () => "/settings/assignment-rules" },
  duplicates: {
    pattern: "/duplicates",
    href: (type?: "client" | "contact" | "lead") => withParams("/duplicates", { type: type === "client" ? undefined : type }),
  },
  roles: { pattern: "/settings/roles", href: () => "/settings/roles" },
  workspace: { pattern: "/settings/workspace", href: () => "/settings/workspace" },
  customFields: {
    pattern: "/settings/custom-fields",
    href: (type?: "client" | "contact" | "lead" | "deal") => withParams("/settings/custom-fields", { type: type === "client" ? undefined : type }),
  },
  automations: { pattern: "/automations", href: () => "/automations" },
  automation: { pattern: "/automations/:id", href: (id: string) => `/automations/${encodeURIComponent(id)}` },
  profile: { pattern: "/profile", href: () => "/profile" },
  imports: { pattern: "/imports", href: () => "/imports" },
  importNew: { pattern: "/imports/new", href: (entity?: "client" | "contact" | "lead") => withParams("/imports/new", { entity }) },
  importDetail: { pattern: "/imports/:id", href: (id: string) => `/imports/${encodeURIComponent(id)}` },
  auditLog: {
    pattern: "/audit-log",
    href: (filters: { actorId?: string; entityType?: string; entityId?: string } = {}) => withParams("/audit-log", filters),
  },
  adminJobs: { pattern: "/admin/jobs", href: () => "/admin/jobs" },
  adminOutbox: { pattern: "/admin/outbox", href: (id?: string) => withParams("/admin/outbox", { id }) },
  adminSystem: { pattern: "/admin/system", href: () => "/admin/system" },

  forms: { pattern: "/forms", href: () => "/forms" },
  form: { pattern: "/forms/:id", href: (id: string) => `/forms/${encodeURIComponent(id)}` },
  hostedForm: { pattern: "/f/:publicId", href: (publicId: string) => `/f/${encodeURIComponent(publicId)}` },
  deals: {
    pattern: "/deals",
    href: (params: { view?: "board" | "list" | "forecast"; pipelineId?: string } = {}) => withParams("/deals", { view: params.view === "board" ? undefined : params.view, pipelineId: params.pipelineId }),
  },
  deal: { pattern: "/deals/:id", href: (id: string) => `/deals/${encodeURIComponent(id)}` },
  pipelinesSettings: { pattern: "/settings/pipelines", href: () => "/settings/pipelines" },

  portal: { pattern: "/portal", href: () => "/portal" },
  portalProfile: { pattern: "/portal/profile", href: () => "/portal/profile" },
} as const;
