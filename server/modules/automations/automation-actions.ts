import { and, eq, sql } from "drizzle-orm";
import type { AutomationAction, AutomationActionType } from "../../../shared/contracts/automations";
import { pipelineScopeOf } from "../../../shared/constants/roles";
import type { AppContext } from "../../app-context";
import type { Db } from "../../db/client";
import { type AutomationRow, activities, type LeadRow, leads, users } from "../../db/schema";
import type { Tx } from "../../db/transaction";
import { chooseOwners } from "../assignment-rules/assignment.engine";
import { automationNotificationEmail } from "../email/email-templates";
import { queueEmail } from "../email/email.service";
import { leadVisibilityCondition } from "../leads/leads.visibility";
import { findOwnerCapable } from "../users/record-owners";
import { findWorkspace } from "../workspace/workspace.repository";
import { emitLeadEvent } from "./automation-events";

/** What an action gets: the app, the run's transaction, the lead (locked; actions update it in place), the automation and the chain depth. */
export interface ActionContext {
  app: AppContext;
  tx: Tx;
  lead: LeadRow;
  automation: AutomationRow;
  depth: number;
}

/** An action's outcome: a sentence for the run log; `ok: false` records a step that could not apply. */
export interface ActionResult {
  ok: boolean;
  summary: string;
}

export interface ActionHandler<A extends AutomationAction = AutomationAction> {
  type: A["type"];
  label: string;
  run(ctx: ActionContext, action: A): Promise<ActionResult>;
}

const registry = new Map<AutomationActionType, ActionHandler>();

/** Registers an action; later modules add theirs (create task, enrol in a drip series) the same way. */
export function registerAutomationAction<T extends AutomationActionType>(handler: ActionHandler<Extract<AutomationAction, { type: T }>>): void {
  registry.set(handler.type, handler as unknown as ActionHandler);
}

export function automationAction(type: AutomationActionType): ActionHandler | undefined {
  return registry.get(type);
}

/** The registered actions (type + label), for the editor. */
export function automationActionCatalogue(): { type: AutomationActionType; label: string }[] {
  return [...registry.values()].map((h) => ({ type: h.type, label: h.label }));
}

async function setLead(db: Db, lead: LeadRow, patch: Partial<LeadRow>): Promise<void> {
  const [row] = await db
    .update(leads)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(leads.workspaceId, lead.workspaceId), eq(leads.id, lead.id)))
    .returning();
  Object.assign(lead, row);
}

async function activeStaff(db: Db, workspaceId: string, id: string) {
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id), eq(users.status, "active"), sql`${users.role} <> 'client'`));
  return u;
}

function fill(template: string, lead: LeadRow): string {
  return template.replace(/\{\{\s*lead\.(name|company|email)\s*\}\}/g, (_m, key: "name" | "company" | "email") => lead[key] ?? "");
}

registerAutomationAction<"assign">({
  type: "assign",
  label: "Assign the lead",
  async run({ tx, lead }, action) {
    if (action.userId) {
      const [user] = await findOwnerCapable(tx.db, lead.workspaceId, "leads", [action.userId]);
      if (!user) return { ok: false, summary: "The chosen user can no longer own leads (deactivated, or their role cannot see leads)" };
      await setLead(tx.db, lead, { ownerId: user.id });
      return { ok: true, summary: `Assigned to ${user.name}` };
    }
    const [choice] = await chooseOwners(tx.db, lead.workspaceId, [{ ...lead, customFields: lead.customFields ?? {} }]);
    if (!choice) return { ok: false, summary: "No assignment rule matched" };
    await setLead(tx.db, lead, { ownerId: choice.ownerId });
    const user = await activeStaff(tx.db, lead.workspaceId, choice.ownerId);
    return { ok: true, summary: `Assigned to ${user?.name ?? "a team member"} by the rule “${choice.rule.name}”` };
  },
});

registerAutomationAction<"set_status">({
  type: "set_status",
  label: "Set the status",
  async run({ app, tx, lead, depth }, action) {
    if (lead.status === "converted") return { ok: false, summary: "The lead is converted; its status stays" };
    if (lead.status === action.status) return { ok: true, summary: `Status already ${action.status}` };
    const from = lead.status;
    await setLead(tx.db, lead, { status: action.status });
    await emitLeadEvent(app, tx.db, lead.workspaceId, { type: "lead_status_changed", leadIds: [lead.id], from, to: action.status, depth: depth + 1 });
    return { ok: true, summary: `Status ${from} → ${action.status}` };
  },
});

registerAutomationAction<"add_tag">({
  type: "add_tag",
  label: "Add a tag",
  async run({ tx, lead }, action) {
    if (lead.tags.includes(action.tag)) return { ok: true, summary: `Already tagged ${action.tag}` };
    await setLead(tx.db, lead, { tags: [...lead.tags, action.tag] });
    return { ok: true, summary: `Tagged ${action.tag}` };
  },
});

registerAutomationAction<"remove_tag">({
  type: "remove_tag",
  label: "Remove a tag",
  async run({ tx, lead }, action) {
    if (!lead.tags.includes(action.tag)) return { ok: true, summary: `Not tagged ${action.tag}` };
    await setLead(tx.db, lead, { tags: lead.tags.filter((t) => t !== action.tag) });
    return { ok: true, summary: `Removed the tag ${action.tag}` };
  },
});

registerAutomationAction<"add_note">({
  type: "add_note",
  label: "Add a note",
  async run({ tx, lead, automation }, action) {
    await tx.db.insert(activities).values({ workspaceId: lead.workspaceId, entityType: "lead", entityId: lead.id, kind: "note", body: fill(action.body, lead), actorId: null, meta: { automation: { id: automation.id, name: automation.name } } });
    return { ok: true, summary: "Added a note" };
  },
});

registerAutomationAction<"notify_user">({
  type: "notify_user",
  label: "Email a team member",
  async run({ app, tx, lead, automation }, action) {
    const recipientId = action.userId ?? lead.ownerId;
    if (!recipientId) return { ok: false, summary: "The lead has no owner to notify" };
    const user = await activeStaff(tx.db, lead.workspaceId, recipientId);
    if (!user) return { ok: false, summary: "The recipient is no longer an active team member" };
    const ws = await findWorkspace(tx.db, lead.workspaceId);
    // The visibility rule covers notifications: nobody is told about a lead they could not open.
    const viewer = { id: user.id, workspaceId: lead.workspaceId, pipelineScope: pipelineScopeOf(user.role, ws?.staffPipelineScope ?? "all") };
    const [visible] = await tx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(leadVisibilityCondition(viewer), eq(leads.id, lead.id)));
    if (!visible) return { ok: false, summary: `${user.name} cannot see this lead; not notified` };
    await queueEmail(
      app,
      tx,
      lead.workspaceId,
      user.email,
      automationNotificationEmail({ name: user.name, automationName: automation.name, leadName: lead.name, message: fill(action.message, lead), link: `${app.config.APP_URL}/leads/${lead.id}`, brandColor: ws?.brandColor ?? "#4f46e5" }),
    );
    return { ok: true, summary: `Emailed ${user.name}` };
  },
});
