import type { ActivityDto } from "@shared/contracts/activities";
import { ArrowRightLeft, Bot, FileInput, GitMerge, type LucideIcon, Mail, MessageSquareText, MoveRight, Pencil, Phone, Plus, RefreshCw, Upload, UserRound, Users } from "lucide-react";
import type { ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";

const ICONS: Record<ActivityDto["kind"], { icon: LucideIcon; tone: string; label: string }> = {
  note: { icon: MessageSquareText, tone: "bg-amber-50 text-amber-700", label: "Note" },
  call: { icon: Phone, tone: "bg-emerald-50 text-emerald-700", label: "Call" },
  meeting: { icon: Users, tone: "bg-sky-50 text-sky-700", label: "Meeting" },
  email: { icon: Mail, tone: "bg-violet-50 text-violet-700", label: "Email" },
  created: { icon: Plus, tone: "bg-zinc-100 text-zinc-600", label: "Created" },
  status_changed: { icon: RefreshCw, tone: "bg-zinc-100 text-zinc-600", label: "Status" },
  owner_changed: { icon: UserRound, tone: "bg-zinc-100 text-zinc-600", label: "Owner" },
  updated: { icon: Pencil, tone: "bg-zinc-100 text-zinc-600", label: "Updated" },
  stage_changed: { icon: MoveRight, tone: "bg-indigo-50 text-indigo-700", label: "Stage" },
  converted: { icon: ArrowRightLeft, tone: "bg-emerald-50 text-emerald-700", label: "Converted" },
  merged: { icon: GitMerge, tone: "bg-zinc-100 text-zinc-600", label: "Merged" },
  automation: { icon: Bot, tone: "bg-fuchsia-50 text-fuchsia-700", label: "Automation" },
  form_submitted: { icon: FileInput, tone: "bg-sky-50 text-sky-700", label: "Form" },
  imported: { icon: Upload, tone: "bg-zinc-100 text-zinc-600", label: "Import" },
};

const WORDS: Record<string, string> = {
  prospect: "Prospect",
  active: "Active",
  paused: "Paused",
  churned: "Churned",
  ownerId: "owner",
  postalCode: "postal code",
  isPrimary: "primary flag",
  firstName: "first name",
  lastName: "last name",
  portalSettings: "portal settings",
  customFields: "custom fields",
  sourceDetail: "source detail",
  expectedCloseDate: "expected close date",
  valueMinor: "value",
};

/** A meta value in words: a status label, a person's name, or "nobody". */
function word(value: unknown): string {
  if (value === null || value === undefined || value === "") return "nobody";
  if (typeof value === "string") return WORDS[value] ?? value;
  if (typeof value === "object") return "name" in value && typeof value.name === "string" ? value.name : "a teammate";
  return String(value);
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const text = (v: unknown): string => (typeof v === "string" ? v : "");
const refName = (v: unknown): string => (v && typeof v === "object" && "name" in v && typeof v.name === "string" ? v.name : "");

/** Who or what brought a lead in: "Created from form Contact us", "Created from import leads.csv by Avery", "Avery created this lead". */
function createdHead(source: string, detail: string, by: string | undefined, what: string): string {
  const byWho = by ? ` by ${by}` : "";
  switch (source) {
    case "form":
      return `Created from form ${detail || "a web form"}`;
    case "import":
      return `Created from import${detail ? ` ${detail}` : ""}${byWho}`;
    case "api":
      return `Created through the API${detail ? ` (${detail})` : ""}${byWho}`;
    default:
      return by ? `${by} created ${what}` : `Created ${what}`;
  }
}

/**
 * "Created from form Contact us · assigned to Dana Lee by rule Web leads → Dana": who or what created
 * it, then who it went to and by which rule (entries written before owners were named show the rule only).
 */
function describeCreated(a: ActivityDto, what: string): string {
  const meta = a.meta ?? {};
  const source = text(meta.source);
  if (!source) return `${a.actor?.name ?? "Someone"} created ${what}`;
  const head = createdHead(source, text(meta.detail), a.actor?.name, what);
  const owner = refName(meta.owner);
  const rule = refName(meta.assignedBy);
  if (owner) return `${head} · assigned to ${owner}${rule ? ` by rule ${rule}` : ""}`;
  if (rule) return `${head} · assigned by rule ${rule}`;
  return "owner" in meta && meta.owner === null ? `${head} · unassigned` : head;
}

/** "Avery changed status from Prospect to Active", written from the automatic entry's meta. */
export function describeActivity(a: ActivityDto): string {
  const who = a.actor?.name ?? "Someone";
  const what = `this ${a.entityType}`;
  const meta = a.meta ?? {};
  switch (a.kind) {
    case "created": {
      // The entry of a duplicate merged into this record says whom it was about.
      const from = refName(meta.mergedFrom);
      return from ? `${describeCreated(a, `“${from}”`)} (since merged into ${what})` : describeCreated(a, what);
    }
    case "status_changed":
      return `${who} changed status from ${word(meta.from)} to ${word(meta.to)}`;
    case "owner_changed": {
      if (!meta.to) return `${who} removed ${word(meta.from)} as owner`;
      return meta.from ? `${who} changed the owner from ${word(meta.from)} to ${word(meta.to)}` : `${who} made ${word(meta.to)} the owner`;
    }
    case "updated": {
      const fields = Array.isArray(meta.fields) ? meta.fields.map((f) => WORDS[String(f)] ?? String(f)) : [];
      return fields.length > 0 ? `${who} updated ${list(fields)}` : `${who} updated ${what}`;
    }
    case "stage_changed":
      return `${who} moved it from ${word(meta.from)} to ${word(meta.to)}`;
    case "converted":
      return typeof meta.summary === "string" ? `${who} ${meta.summary}` : `${who} converted ${what}`;
    case "merged":
      return `${who} merged ${typeof meta.mergedName === "string" ? `“${meta.mergedName}”` : "a duplicate"} into ${what}`;
    case "automation":
      return `Automation ${typeof meta.automationName === "string" ? `“${meta.automationName}”` : ""} ${typeof meta.summary === "string" ? meta.summary : "ran"}`.replace("  ", " ");
    case "form_submitted":
      return `Submitted through the form ${typeof meta.formName === "string" ? `“${meta.formName}”` : ""}`.trim();
    case "imported":
      return `${who} imported ${what}${typeof meta.fileName === "string" ? ` from ${meta.fileName}` : ""}`;
    default:
      return `${who} logged a ${ICONS[a.kind].label.toLowerCase()}`;
  }
}

/** The body with each @mention highlighted. */
function withMentions(body: string, mentions: ActivityDto["mentions"]): ReactNode {
  if (mentions.length === 0) return body;
  const names = mentions.map((m) => m.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = body.split(new RegExp(`(@(?:${names.join("|")}))`, "g"));
  return parts.map((part, i) =>
    part.startsWith("@") && mentions.some((m) => `@${m.name}` === part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
      <span key={i} className="rounded bg-brand-soft px-0.5 font-medium text-brand-strong">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** One timeline entry: an icon per kind, who and when, and the body or sentence. */
export function ActivityItem({ activity: a }: { activity: ActivityDto }) {
  const { icon: Icon, tone, label } = ICONS[a.kind];
  const logged = a.kind === "note" || a.kind === "call" || a.kind === "meeting" || a.kind === "email";
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0" data-testid="activity-item">
      <span className={`relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full ring-4 ring-white ${tone}`} aria-hidden>
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1 pt-1">
        {logged ? (
          <>
            <p className="text-sm text-zinc-600">
              <span className="font-medium text-zinc-900">{a.actor?.name ?? "Someone"}</span> · {label}
              <span className="text-zinc-400"> · </span>
              <time dateTime={a.occurredAt} title={formatDateTime(a.occurredAt)} className="text-zinc-500">
                {formatRelative(a.occurredAt)}
              </time>
            </p>
            {a.body ? (
              <div className="mt-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm break-words whitespace-pre-wrap text-zinc-800">
                {withMentions(a.body, a.mentions)}
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-zinc-600">
            {describeActivity(a)}
            <span className="text-zinc-400"> · </span>
            <time dateTime={a.occurredAt} title={formatDateTime(a.occurredAt)} className="text-zinc-500">
              {formatRelative(a.occurredAt)}
            </time>
          </p>
        )}
      </div>
    </li>
  );
}
