import type { DuplicateStrategy, ImportEntity, ImportMatchKey, ImportStatus } from "@shared/contracts/imports";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const ENTITY_LABELS: Record<ImportEntity, { one: string; many: string }> = {
  client: { one: "client", many: "Clients" },
  contact: { one: "contact", many: "Contacts" },
  lead: { one: "lead", many: "Leads" },
};

export const STRATEGY_LABELS: Record<DuplicateStrategy, { label: string; hint: string }> = {
  skip: { label: "Skip it", hint: "Keep the existing record as it is; the row is counted as skipped." },
  update: { label: "Update it", hint: "Fill the existing record with the row's non-empty values." },
  create: { label: "Create a new one anyway", hint: "Import the row as a new record, even if it looks like a duplicate." },
};

export const MATCH_LABELS: Record<ImportMatchKey, string> = {
  email: "Email address",
  phone: "Phone number (compared in +44… international form)",
  domain: "Company domain (website, or the part of the email after @)",
  name: "Name",
};

const STATUS: Record<ImportStatus, { label: string; tone: BadgeTone }> = {
  uploaded: { label: "Uploaded", tone: "neutral" },
  checking: { label: "Checking", tone: "info" },
  dry_run: { label: "Checked", tone: "info" },
  queued: { label: "Queued", tone: "info" },
  running: { label: "Running", tone: "brand" },
  completed: { label: "Completed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "warning" },
};

/** The status of an import as a coloured badge. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** "1,234" */
export function count(n: number): string {
  return n.toLocaleString();
}
