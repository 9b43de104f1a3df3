import type { LeadConsent, LeadSource, LeadStatus } from "../../../shared/contracts/leads";
import type { AppContext } from "../../app-context";
import type { Db } from "../../db/client";
import { and, eq, inArray } from "drizzle-orm";
import { activities, type LeadRow, leads, users } from "../../db/schema";
import { chooseOwners } from "../assignment-rules/assignment.engine";
import { emitLeadEvent } from "../automations/automation-events";
import { normalisePhone } from "../contacts/contacts.service";
import { enqueuePairRescore } from "../duplicates/duplicate-events";

/** One lead entering the workspace, already validated (custom values included) by its entry path. */
export interface LeadInput {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  country?: string | null;
  status?: Exclude<LeadStatus, "converted">;
  score?: number;
  /** An explicit owner; when undefined the assignment rules choose one. */
  ownerId?: string | null;
  tags?: string[];
  notes?: string | null;
  customFields?: Record<string, unknown>;
  consent?: LeadConsent | null;
}

/** Where the leads come from (every path a lead enters: form, import, API, manual). */
export interface LeadOrigin {
  source: LeadSource;
  detail?: string | null;
  formId?: string | null;
}

/** Who brings the leads in: a signed-in user, or nobody (a public form). */
export interface IntakeBy {
  workspaceId: string;
  actorId: string | null;
}

const BATCH = 1000;

/**
 * THE way leads enter a workspace, on every path: normalises email and phone, applies the
 * assignment rules to leads without an explicit owner, inserts them in multi-row batches and writes
 * each one's "created" timeline entry (its source, form or file, the owner it went to and the rule
 * that chose them), and tells the automations
 * (lead created). Runs in the caller's transaction so a lead, its owner choice, its history and
 * its automation jobs commit together.
 */
export async function intakeLeads(app: AppContext, db: Db, by: IntakeBy, inputs: LeadInput[], origin: LeadOrigin): Promise<LeadRow[]> {
  const created: LeadRow[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) {
    const batch = inputs.slice(start, start + BATCH).map((input) => ({
      ...input,
      email: input.email ? input.email.trim().toLowerCase() : null,
      phone: normalisePhone(input.phone) ?? null,
      tags: [...new Set(input.tags ?? [])],
    }));
    const needRules = batch.map((input, i) => ({ input, i })).filter((x) => x.input.ownerId === undefined);
    const chosen = await chooseOwners(
      db,
      by.workspaceId,
      needRules.map(({ input }) => ({
        source: origin.source,
        tags: input.tags,
        country: input.country ?? null,
        company: input.company ?? null,
        email: input.email,
        score: input.score ?? 0,
        status: input.status ?? "new",
        name: input.name,
        customFields: input.customFields ?? {},
      })),
    );
    const assigned = new Map(needRules.map((x, k) => [x.i, chosen[k] ?? null]));
    const rows = await db
      .insert(leads)
      .values(
        batch.map((input, i) => ({
          workspaceId: by.workspaceId,
          name: input.name,
          company: input.company ?? null,
          email: input.email,
          phone: input.phone,
          country: input.country ?? null,
          source: origin.source,
          sourceDetail: origin.detail ?? null,
          formId: origin.formId ?? null,
          status: input.status ?? "new",
          score: input.score ?? 0,
          ownerId: input.ownerId !== undefined ? input.ownerId : (assigned.get(i)?.ownerId ?? null),
          tags: input.tags,
          notes: input.notes ?? null,
          customFields: input.customFields ?? {},
          consent: input.consent ?? null,
        })),
      )
      .returning();
    const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => !!id))];
    const ownerNames = new Map(
      ownerIds.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, by.workspaceId), inArray(users.id, ownerIds)))).map((u) => [u.id, u.name]) : [],
    );
    await db.insert(activities).values(
      rows.map((row, i) => {
        const rule = assigned.get(i)?.rule;
        // Who or what brought it in is the entry's actor and source (+ form or file name); who it went
        // to is the owner, named so the entry still reads right after they leave; and by which rule.
        const owner = row.ownerId ? { id: row.ownerId, name: ownerNames.get(row.ownerId) ?? "" } : null;
        return {
          workspaceId: by.workspaceId,
          entityType: "lead" as const,
          entityId: row.id,
          kind: "created" as const,
          actorId: by.actorId,
          meta: {
            source: origin.source,
            ...(origin.detail ? { detail: origin.detail } : {}),
            ...(origin.formId ? { formId: origin.formId } : {}),
            owner,
            ownerId: row.ownerId,
            ...(rule ? { assignedBy: rule } : {}),
          },
        };
      }),
    );
    created.push(...rows);
    await emitLeadEvent(app, db, by.workspaceId, { type: "lead_created", leadIds: rows.map((r) => r.id) });
    // An import batch enqueues one re-score for everything it wrote (imports/import-runner.ts).
    if (origin.source !== "import") await enqueuePairRescore(app, db, by.workspaceId, "lead", rows.map((r) => r.id));
  }
  return created;
}
