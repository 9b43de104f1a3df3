import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { type RuleSubject, ruleMatches } from "../../../shared/contracts/assignment-rules";
import type { Db } from "../../db/client";
import { type AssignmentRuleRow, assignmentRules, leads } from "../../db/schema";
import { findOwnerCapable } from "../users/record-owners";

/** Lead statuses that count as open work (least-loaded and the workload view). */
export const OPEN_LEAD_STATUSES = ["new", "contacted", "qualified"] as const;

export interface Assignment {
  ownerId: string;
  rule: { id: string; name: string };
}

function candidates(rule: AssignmentRuleRow): string[] {
  return rule.assign.type === "user" ? [rule.assign.userId] : rule.assign.userIds;
}

/**
 * Chooses an owner for each lead by the workspace's ordered rules (first enabled match whose team
 * still has a member who may own leads wins; null when none matches). Call inside the intake transaction:
 * each matched rule's row is updated (turn counter), which also serialises concurrent intakes on
 * the same rule, so round-robin never hands two leads the same turn and least-loaded counts are
 * read after the previous intake committed.
 */
export async function chooseOwners(db: Db, workspaceId: string, subjects: RuleSubject[]): Promise<(Assignment | null)[]> {
  if (subjects.length === 0) return [];
  const rules = await db
    .select()
    .from(assignmentRules)
    .where(and(eq(assignmentRules.workspaceId, workspaceId), eq(assignmentRules.enabled, true)))
    .orderBy(asc(assignmentRules.position), asc(assignmentRules.id));
  if (rules.length === 0) return subjects.map(() => null);
  const named = [...new Set(rules.flatMap(candidates))];
  // Members who can no longer own leads (deactivated, or their role lost leads.read) are skipped.
  const active = new Set((await findOwnerCapable(db, workspaceId, "leads", named)).map((u) => u.id));
  const teams = new Map(rules.map((r) => [r.id, candidates(r).filter((id) => active.has(id))]));
  const matched = subjects.map((s) => rules.find((r) => (teams.get(r.id)?.length ?? 0) > 0 && ruleMatches(s, r.conditions)) ?? null);

  const result: (Assignment | null)[] = subjects.map(() => null);
  for (const rule of rules) {
    const indexes = matched.flatMap((m, i) => (m?.id === rule.id ? [i] : []));
    if (indexes.length === 0) continue;
    const team = teams.get(rule.id)!;
    const [locked] = await db
      .update(assignmentRules)
      .set({ turn: sql`${assignmentRules.turn} + ${indexes.length}` })
      .where(eq(assignmentRules.id, rule.id))
      .returning({ turn: assignmentRules.turn });
    const ref = { id: rule.id, name: rule.name };
    if (rule.assign.type === "user") {
      for (const i of indexes) result[i] = { ownerId: team[0]!, rule: ref };
    } else if (rule.assign.type === "round_robin") {
      const start = (locked?.turn ?? indexes.length) - indexes.length;
      indexes.forEach((i, k) => {
        result[i] = { ownerId: team[(start + k) % team.length]!, rule: ref };
      });
    } else {
      const load = await openLeadCounts(db, workspaceId, team);
      for (const i of indexes) {
        // Fewest open leads; ties go to the member listed first.
        const ownerId = team.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), team[0]!);
        load.set(ownerId, (load.get(ownerId) ?? 0) + 1);
        result[i] = { ownerId, rule: ref };
      }
    }
  }
  return result;
}

/** Open leads per user among `userIds`. */
export async function openLeadCounts(db: Db, workspaceId: string, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ ownerId: leads.ownerId, n: count() })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.ownerId, userIds), inArray(leads.status, [...OPEN_LEAD_STATUSES])))
    .groupBy(leads.ownerId);
  return new Map(rows.map((r) => [r.ownerId!, r.n]));
}
