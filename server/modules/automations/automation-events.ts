import { and, eq } from "drizzle-orm";
import type { AutomationTrigger } from "../../../shared/contracts/automations";
import type { AppContext } from "../../app-context";
import type { Db } from "../../db/client";
import { automations } from "../../db/schema";
import { txOf } from "../../db/transaction";
import { CacheKeys } from "../../lib/cache/cache-keys";
import { automationInactivityJob, automationRunJob } from "./automations.jobs";

/** A change to leads that automations may react to. `depth` counts automation-caused changes (loop guard). */
export type LeadEvent =
  | { type: "lead_created"; leadIds: string[]; depth?: number }
  | { type: "lead_status_changed"; leadIds: string[]; from: string; to: string; depth?: number };

/** Automations deeper than this (an automation's change triggering another…) do not run. */
export const MAX_AUTOMATION_DEPTH = 3;
const CHUNK = 1000;

/** The enabled automations' triggers of a workspace, through the cache (dropped on every automation change). */
export async function enabledTriggers(app: AppContext, workspaceId: string): Promise<{ id: string; trigger: AutomationTrigger }[]> {
  return app.cache.getOrSet(CacheKeys.automationTriggers(workspaceId), () =>
    app.database.db
      .select({ id: automations.id, trigger: automations.trigger })
      .from(automations)
      .where(and(eq(automations.workspaceId, workspaceId), eq(automations.enabled, true))),
  );
}

export async function invalidateTriggers(app: AppContext, workspaceId: string): Promise<void> {
  await app.cache.delete(CacheKeys.automationTriggers(workspaceId));
}

/**
 * Reacts to a lead write, in the writer's transaction (`db`): enqueues one run job per chunk of
 * leads when an enabled automation has this trigger, and for new leads one delayed inactivity check
 * per "no activity for N days" automation. Nothing is scanned on a timer; a workspace without
 * automations costs one cache read.
 */
export async function emitLeadEvent(app: AppContext, db: Db, workspaceId: string, event: LeadEvent): Promise<void> {
  const depth = event.depth ?? 0;
  if (event.leadIds.length === 0 || depth >= MAX_AUTOMATION_DEPTH) return;
  const triggers = await enabledTriggers(app, workspaceId);
  if (triggers.length === 0) return;
  const tx = txOf(db);
  const runs = triggers.some((a) =>
    event.type === "lead_created" ? a.trigger.type === "lead_created" : a.trigger.type === "lead_status_changed" && (!a.trigger.from || a.trigger.from === event.from) && (!a.trigger.to || a.trigger.to === event.to),
  );
  for (let i = 0; i < event.leadIds.length; i += CHUNK) {
    const leadIds = event.leadIds.slice(i, i + CHUNK);
    if (runs) {
      await app.jobs.enqueue(
        automationRunJob,
        { workspaceId, trigger: event.type, leadIds, depth, ...(event.type === "lead_status_changed" ? { from: event.from, to: event.to } : {}) },
        { tx },
      );
    }
    if (event.type === "lead_created") {
      for (const a of triggers) {
        if (a.trigger.type !== "lead_inactive") continue;
        await app.jobs.enqueue(automationInactivityJob, { workspaceId, automationId: a.id, leadIds }, { tx, startAfterSeconds: a.trigger.days * 86_400 });
      }
    }
  }
}
