import type { Permission } from "@shared/constants/roles";
import {
  Activity,
  Bot,
  Briefcase,
  Building2,
  Contact,
  FileInput,
  SquareKanban,
  CopyCheck,
  LayoutDashboard,
  ListChecks,
  type LucideIcon,
  Mail,
  Magnet,
  ScrollText,
  ShieldCheck,
  Shuffle,
  SlidersHorizontal,
  Workflow,
  Upload,
  Users,
} from "lucide-react";
import { paths } from "@/config/paths";

export interface NavItem {
  label: string;
  href: string;
  icon: LucideIcon;
  /** Shown only to users holding this permission. */
  permission?: Permission;
  /** Matches nested routes too (e.g. /users/:id). */
  prefix?: boolean;
}

export interface NavGroup {
  label?: string;
  items: NavItem[];
}

export const STAFF_NAV: NavGroup[] = [
  {
    items: [
      { label: "Dashboard", href: paths.dashboard.href(), icon: LayoutDashboard },
      { label: "Clients", href: paths.clients.href(), icon: Briefcase, permission: "clients.read", prefix: true },
      { label: "Leads", href: paths.leads.href(), icon: Magnet, permission: "leads.read", prefix: true },
      { label: "Contacts", href: paths.contacts.href(), icon: Contact, permission: "clients.read", prefix: true },
      { label: "Deals", href: paths.deals.href(), icon: SquareKanban, permission: "deals.read", prefix: true },
      { label: "Automations", href: paths.automations.href(), icon: Bot, permission: "automations.manage", prefix: true },
      { label: "Forms", href: paths.forms.href(), icon: FileInput, permission: "forms.manage", prefix: true },
      { label: "Duplicates", href: paths.duplicates.href(), icon: CopyCheck, permission: "clients.read" },
      { label: "Team", href: paths.users.href(), icon: Users, permission: "users.read", prefix: true },
      { label: "Audit log", href: paths.auditLog.href(), icon: ScrollText, permission: "audit.read" },
      { label: "Imports", href: paths.imports.href(), icon: Upload, permission: "imports.run", prefix: true },
    ],
  },
  {
    label: "Settings",
    items: [
      { label: "Roles & permissions", href: paths.roles.href(), icon: ShieldCheck, permission: "users.read" },
      { label: "Workspace", href: paths.workspace.href(), icon: Building2, permission: "workspace.read" },
      { label: "Custom fields", href: paths.customFields.href(), icon: SlidersHorizontal, permission: "clients.read" },
      { label: "Pipelines", href: paths.pipelinesSettings.href(), icon: Workflow, permission: "pipelines.manage" },
      { label: "Lead assignment", href: paths.assignmentRules.href(), icon: Shuffle, permission: "automations.manage" },
    ],
  },
  {
    label: "Admin",
    items: [
      { label: "Background jobs", href: paths.adminJobs.href(), icon: ListChecks, permission: "admin.jobs" },
      { label: "Email outbox", href: paths.adminOutbox.href(), icon: Mail, permission: "admin.outbox" },
      { label: "System status", href: paths.adminSystem.href(), icon: Activity, permission: "admin.system" },
    ],
  },
];

/** The nav groups this user may see (empty groups dropped). */
export function visibleNav(groups: NavGroup[], permissions: readonly string[]): NavGroup[] {
  return groups
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || permissions.includes(i.permission)) }))
    .filter((g) => g.items.length > 0);
}

/** Whether a nav item is the current page. */
export function isActive(item: NavItem, location: string): boolean {
  if (item.href === "/") return location === "/";
  return location === item.href || (!!item.prefix && location.startsWith(`${item.href}/`));
}
