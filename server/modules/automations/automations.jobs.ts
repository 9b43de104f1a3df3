import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import { ruleMatches } from "../../../shared/contracts/assignment-rules";
import { LEAD_STATUSES } from "../../../shared/contracts/leads";
import type { AppContext } from "../../app-context";
import { automations, leads } from "../../db/schema";
import { defineJob } from "../../jobs/define-job";
import { OPEN_LEAD_STATUSES } from "../assignment-rules/assignment.engine";
import { automationsFor, loadLeads, runAutomation } from "./automation-engine";

/** Runs the matching automations for a lead event (created / status changed) on a chunk of leads. */
export const automationRunJob = defineJob<
  { workspaceId: string; trigger: "lead_created" | "lead_status_changed"; leadIds: string[]; from?: string; to?: string; depth: number },
  AppContext
>({
  name: "automation.run",
  payload: z.object({
    workspaceId: z.uuid(),
    trigger: z.enum(["lead_created", "lead_status_changed"]),
    leadIds: z.array(z.uuid()).min(1).max(1000),
    from: z.enum(LEAD_STATUSES).optional(),
    to: z.enum(LEAD_STATUSES).optional(),
    depth: z.number().int().min(0),
  }),
  retryLimit: 3,
  async perform(p, { app, jobId }) {
    const candidates = (await automationsFor(app, p.workspaceId, p.trigger)).filter((a) => {
      if (a.trigger.type !== "lead_status_changed") return true;
      return (!a.trigger.from || a.trigger.from === p.from) && (!a.trigger.to || a.trigger.to === p.to);
    });
    if (candidates.length === 0) return;
    for (const lead of await loadLeads(app, p.workspaceId, p.leadIds)) {
      for (const automation of candidates) {
        // Only matching leads get a run (and a log row); the run re-checks under the lead's lock.
        if (!ruleMatches({ ...lead, customFields: lead.customFields ?? {} }, automation.conditions)) continue;
        // The event key makes a retried job (same id) a no-op for runs that already happened.
        await runAutomation(app, automation, lead.id, p.trigger, `${jobId}:${lead.id}`, p.depth);
      }
    }
  },
});

/**
 * "No activity for N days": checks a chunk of leads when the first of them can be due, fires for
 * the ones idle for N days (once per idle period: the key is the lead's last activity time), and
 * re-schedules itself for the rest. Stops for leads that are converted, unqualified or gone.
 */
export const automationInactivityJob = defineJob<{ workspaceId: string; automationId: string; leadIds: string[] }, AppContext>({
  name: "automation.inactivity",
  payload: z.object({ workspaceId: z.uuid(), automationId: z.uuid(), leadIds: z.array(z.uuid()).min(1).max(1000) }),
  retryLimit: 3,
  async perform(p, { app }) {
    const [automation] = await app.database.db
      .select()
      .from(automations)
      .where(and(eq(automations.workspaceId, p.workspaceId), eq(automations.id, p.automationId)));
    if (!automation?.enabled || automation.trigger.type !== "lead_inactive") return;
    const days = automation.trigger.days;
    const periodMs = days * 86_400_000;
    const open = (await loadLeads(app, p.workspaceId, p.leadIds)).filter((l) => (OPEN_LEAD_STATUSES as readonly string[]).includes(l.status));
    if (open.length === 0) return;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const lead of open) {
      if (!ruleMatches({ ...lead, customFields: lead.customFields ?? {} }, automation.conditions)) continue;
      const due = lead.lastActivityAt.getTime() + periodMs;
      if (due <= now) {
        await runAutomation(app, automation, lead.id, "lead_inactive", `inactive:${lead.lastActivityAt.toISOString()}`, 0);
        next = Math.min(next, now + periodMs);
      } else {
        next = Math.min(next, due);
      }
    }
    // Leads that match no condition now are looked at again a period later (their fields may change).
    if (!Number.isFinite(next)) next = now + periodMs;
    await app.jobs.enqueue(automationInactivityJob, { ...p, leadIds: open.map((l) => l.id) }, { startAfterSeconds: Math.max(1, Math.ceil((next - now) / 1000)) });
  },
});

/**
 * When a "no activity" automation is switched on, its existing open leads join in: pages through
 * them (keyset, 1,000 at a time) once and schedules an inactivity check per page. Runs on the write
 * that enabled the automation, not on a timer.
 */
export const automationInactivityBackfillJob = defineJob<{ workspaceId: string; automationId: string; afterId?: string }, AppContext>({
  name: "automation.inactivity-backfill",
  payload: z.object({ workspaceId: z.uuid(), automationId: z.uuid(), afterId: z.uuid().optional() }),
  retryLimit: 3,
  async perform(p, { app }) {
    const db = app.database.db;
    const page = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.workspaceId, p.workspaceId), inArray(leads.status, [...OPEN_LEAD_STATUSES]), p.afterId ? gt(leads.id, p.afterId) : undefined))
      .orderBy(asc(leads.id))
      .limit(1000);
    if (page.length === 0) return;
    await app.jobs.enqueue(automationInactivityJob, { workspaceId: p.workspaceId, automationId: p.automationId, leadIds: page.map((l) => l.id) });
    if (page.length === 1000) await app.jobs.enqueue(automationInactivityBackfillJob, { ...p, afterId: page[page.length - 1]!.id });
  },
});
