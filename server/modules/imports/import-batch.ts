import type { CustomFieldDefinitionDto } from "../../../shared/contracts/custom-fields";
import type { DuplicateStrategy, ImportMatchKey } from "../../../shared/contracts/imports";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import type { ImportRow } from "../../db/schema";
import type { Tx } from "../../db/transaction";
import type { FileRow } from "./import-file";
import type { Reject } from "./import-rows";

/** What one batch is processed with: its transaction, the importer, the import and the custom fields. */
export interface BatchContext {
  app: AppContext;
  tx: Tx;
  actor: Actor;
  imp: ImportRow;
  definitions: CustomFieldDefinitionDto[];
}

export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  rejects: Reject[];
}

/** One record type's import: validates, matches and writes a batch of rows inside the batch's transaction. */
export interface ImportAdapter {
  processBatch(ctx: BatchContext, rows: FileRow[]): Promise<BatchResult>;
}

/** The match keys of a row or a stored record (normalised: lower-case email, E.164 phone, bare domain, lower-case name). */
export type MatchKeys = Partial<Record<ImportMatchKey, string | null>>;

/** A valid row waiting for its duplicate decision. */
export interface Candidate<I> {
  row: FileRow;
  input: I;
  keys: MatchKeys;
}

/** What happens to each valid row. */
export interface Plan<I, E> {
  creates: Candidate<I>[];
  /** Existing record → the rows updating it, in file order. */
  updates: { existing: E; rows: Candidate<I>[] }[];
  /** Rows that match a record and are skipped (or fold into an earlier row of the same file with `update`). */
  skipped: number;
  /** Rows merged into an earlier new row of the same batch (strategy update): `into` is the earlier row. */
  merged: { into: Candidate<I>; from: Candidate<I> }[];
}

/**
 * Decides per row: create, update (which record) or skip. Existing records are matched by the
 * chosen keys in the order given; rows that repeat a key of an earlier new row of the same batch
 * are treated as that row's duplicates (never inserted twice under skip/update).
 */
export function planBatch<I, E extends { id: string; keys: MatchKeys }>(
  candidates: Candidate<I>[],
  existing: E[],
  matchOn: readonly ImportMatchKey[],
  strategy: DuplicateStrategy,
): Plan<I, E> {
  const stored = new Map<string, E>();
  // Oldest record first wins a key shared by several.
  for (const e of [...existing].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const k of matchOn) {
      const v = e.keys[k];
      if (v && !stored.has(`${k}:${v}`)) stored.set(`${k}:${v}`, e);
    }
  }
  const fresh = new Map<string, Candidate<I>>();
  const plan: Plan<I, E> = { creates: [], updates: [], skipped: 0, merged: [] };
  const updates = new Map<string, { existing: E; rows: Candidate<I>[] }>();
  for (const c of candidates) {
    const keys = matchOn.flatMap((k) => (c.keys[k] ? [`${k}:${c.keys[k]}`] : []));
    const match = keys.map((k) => stored.get(k)).find(Boolean);
    if (match && strategy !== "create") {
      if (strategy === "skip") plan.skipped++;
      else {
        const u = updates.get(match.id) ?? { existing: match, rows: [] };
        u.rows.push(c);
        updates.set(match.id, u);
      }
      continue;
    }
    const earlier = strategy === "create" ? undefined : keys.map((k) => fresh.get(k)).find(Boolean);
    if (earlier) {
      if (strategy === "update") plan.merged.push({ into: earlier, from: c });
      plan.skipped++;
      continue;
    }
    plan.creates.push(c);
    for (const k of keys) if (!fresh.has(k)) fresh.set(k, c);
  }
  plan.updates = [...updates.values()];
  return plan;
}

/** Distinct non-empty values of one key over the candidates. */
export function keyValues<I>(candidates: Candidate<I>[], key: ImportMatchKey, matchOn: readonly ImportMatchKey[]): string[] {
  if (!matchOn.includes(key)) return [];
  return [...new Set(candidates.map((c) => c.keys[key]).filter((v): v is string => !!v))];
}
