import { DUPLICATE_STRATEGIES, type DuplicateStrategy, type ImportEntity, type ImportMatchKey, MATCH_KEYS_BY_ENTITY } from "@shared/contracts/imports";
import { ENTITY_LABELS, MATCH_LABELS, STRATEGY_LABELS } from "./import-labels";

/** How an existing record is recognised, and what happens to a row that matches one. */
export function DuplicateOptions({
  entity,
  strategy,
  matchOn,
  onStrategy,
  onMatchOn,
}: {
  entity: ImportEntity;
  strategy: DuplicateStrategy;
  matchOn: ImportMatchKey[];
  onStrategy: (s: DuplicateStrategy) => void;
  onMatchOn: (keys: ImportMatchKey[]) => void;
}) {
  const keys = MATCH_KEYS_BY_ENTITY[entity];
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <fieldset>
        <legend className="text-sm font-medium text-zinc-900">A row is the same {ENTITY_LABELS[entity].one} when it has the same…</legend>
        <p className="mt-1 text-xs text-zinc-500">Only records you can see are compared.</p>
        <div className="mt-3 space-y-2">
          {keys.map((k) => (
            <label key={k} className="flex items-start gap-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-[var(--color-brand)]"
                checked={matchOn.includes(k)}
                onChange={(e) => onMatchOn(e.target.checked ? [...matchOn, k] : matchOn.filter((x) => x !== k))}
              />
              {MATCH_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-900">When a row matches an existing {ENTITY_LABELS[entity].one}</legend>
        <div className="mt-3 space-y-2">
          {DUPLICATE_STRATEGIES.map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm">
              <input type="radio" name="duplicate-strategy" className="mt-0.5 size-4 accent-[var(--color-brand)]" checked={strategy === s} onChange={() => onStrategy(s)} />
              <span>
                <span className="font-medium text-zinc-800">{STRATEGY_LABELS[s].label}</span>
                <span className="block text-xs text-zinc-500">{STRATEGY_LABELS[s].hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
