import { and, eq, inArray, sql } from "drizzle-orm";
import { ruleMatches } from "../../../shared/contracts/assignment-rules";
import type { TriggerType } from "../../../shared/contracts/automations";
import type { AppContext } from "../../app-context";
import { type AutomationRow, activities, automationRuns, automations, type LeadRow, leads } from "../../db/schema";
import { withTransaction } from "../../db/transaction";
import { logger } from "../../lib/logger";
import { automationAction } from "./automation-actions";

/** Enabled automations of a workspace with this trigger type. */
export async function automationsFor(app: AppContext, workspaceId: string, trigger: TriggerType): Promise<AutomationRow[]> {
  return app.database.db
    .select()
    .from(automations)
    .where(and(eq(automations.workspaceId, workspaceId), eq(automations.enabled, true), sql`${automations.trigger}->>'type' = ${trigger}`));
}

/** Leads of a workspace by id (missing ones simply absent). */
export async function loadLeads(app: AppContext, workspaceId: string, ids: string[]): Promise<LeadRow[]> {
  if (ids.length === 0) return [];
  return app.database.db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, ids)));
}

/**
 * Runs one automation on one lead for one event, in one transaction: the run row is claimed first
 * (unique per automation + event key, so a retried job or a second instance does nothing), the lead
 * is locked and re-checked against the conditions, the actions run in order through the registry,
 * and the run is logged on the automation and on the lead's timeline. A failing action rolls the
 * whole run back and is logged as failed.
 */
export async function runAutomation(app: AppContext, automation: AutomationRow, leadId: string, trigger: TriggerType, eventKey: string, depth: number): Promise<"succeeded" | "failed" | "skipped" | "duplicate"> {
  try {
    return await withTransaction(app.database.pool, async (tx) => {
      const [claimed] = await tx.db
        .insert(automationRuns)
        .values({ workspaceId: automation.workspaceId, automationId: automation.id, leadId, trigger, eventKey, status: "succeeded" })
        .onConflictDoNothing()
        .returning({ id: automationRuns.id });
      if (!claimed) return "duplicate";
      const [lead] = await tx.db
        .select()
        .from(leads)
        .where(and(eq(leads.workspaceId, automation.workspaceId), eq(leads.id, leadId)))
        .for("update");
      if (!lead || !ruleMatches({ ...lead, customFields: lead.customFields ?? {} }, automation.conditions)) {
        await tx.db.update(automationRuns).set({ status: "skipped", steps: [{ action: "conditions", ok: false, summary: lead ? "The lead no longer matches the conditions" : "The lead is gone" }] }).where(eq(automationRuns.id, claimed.id));
        return "skipped";
      }
      const steps: { action: string; ok: boolean; summary: string }[] = [];
      for (const action of automation.actions) {
        const handler = automationAction(action.type);
        if (!handler) {
          steps.push({ action: action.type, ok: false, summary: "This action is not available" });
          continue;
        }
        steps.push({ action: action.type, ...(await handler.run({ app, tx, lead, automation, depth }, action)) });
      }
      await tx.db.update(automationRuns).set({ steps }).where(eq(automationRuns.id, claimed.id));
      await tx.db
        .update(automations)
        .set({ runCount: sql`${automations.runCount} + 1`, lastRunAt: new Date() })
        .where(eq(automations.id, automation.id));
      await tx.db.insert(activities).values({
        workspaceId: automation.workspaceId,
        entityType: "lead",
        entityId: leadId,
        kind: "automation",
        actorId: null,
        meta: { automationId: automation.id, automationName: automation.name, runId: claimed.id, summary: steps.map((s) => s.summary.charAt(0).toLowerCase() + s.summary.slice(1)).join("; ") },
      });
      return "succeeded";
    });
  } catch (err) {
    logger.warn({ err, automationId: automation.id, leadId }, "automation run failed");
    await app.database.db
      .insert(automationRuns)
      .values({ workspaceId: automation.workspaceId, automationId: automation.id, leadId, trigger, eventKey, status: "failed", error: err instanceof Error ? err.message : String(err) })
      .onConflictDoNothing();
    return "failed";
  }
}
