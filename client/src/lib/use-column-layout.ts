import { useCallback, useMemo, useState } from "react";
import type { ChoosableColumn } from "./table-columns";

/** Which columns show and in what order; stored per list and user (localStorage) and in saved views. */
interface StoredLayout {
  order: string[];
  hidden: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function read(key: string, initiallyHidden: readonly string[]): StoredLayout {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    // Earlier versions stored only the hidden ids, as an array.
    if (Array.isArray(parsed)) return { order: [], hidden: strings(parsed) };
    if (parsed && typeof parsed === "object") {
      const o = parsed as Record<string, unknown>;
      return { order: strings(o.order), hidden: strings(o.hidden) };
    }
  } catch {
    // Unreadable storage: start from the defaults.
  }
  return { order: [], hidden: [...initiallyHidden] };
}

function write(key: string, layout: StoredLayout): void {
  try {
    localStorage.setItem(key, JSON.stringify(layout));
  } catch {
    // Private mode or a full quota: the choice lasts until reload.
  }
}

/**
 * A list's column layout over `columns` (built-in and custom, in their natural order): the user's
 * order first, columns they have never placed (e.g. a custom field added later) after it, shown.
 */
export function useColumnLayout(storageKey: string, columns: readonly ChoosableColumn[], initiallyHidden: readonly string[] = []) {
  const [layout, setLayout] = useState<StoredLayout>(() => read(storageKey, initiallyHidden));
  const ordered = useMemo(() => {
    const byId = new Map(columns.map((c) => [c.id, c]));
    const placed = layout.order.filter((id) => byId.has(id));
    const rest = columns.map((c) => c.id).filter((id) => !placed.includes(id));
    return [...placed, ...rest].map((id) => byId.get(id)!);
  }, [columns, layout.order]);
  const hidden = useMemo(() => new Set(layout.hidden), [layout.hidden]);
  const visibleIds = useMemo(() => ordered.map((c) => c.id).filter((id) => !hidden.has(id)), [ordered, hidden]);

  const update = useCallback(
    (change: (prev: StoredLayout) => StoredLayout) =>
      setLayout((prev) => {
        const next = change(prev);
        write(storageKey, next);
        return next;
      }),
    [storageKey],
  );
  const ids = ordered.map((c) => c.id);
  const toggle = useCallback(
    (id: string) => update((prev) => ({ ...prev, hidden: prev.hidden.includes(id) ? prev.hidden.filter((h) => h !== id) : [...prev.hidden, id] })),
    [update],
  );
  const orderKey = ids.join("|");
  const move = useCallback(
    (id: string, delta: -1 | 1) =>
      update((prev) => {
        const order = orderKey.split("|");
        const from = order.indexOf(id);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= order.length) return prev;
        [order[from], order[to]] = [order[to]!, order[from]!];
        return { ...prev, order };
      }),
    [update, orderKey],
  );
  const reset = useCallback(() => update(() => ({ order: [], hidden: [...initiallyHidden] })), [update, initiallyHidden]);
  /** Shows exactly `visible`, in that order (a saved view's columns); every other column is hidden. */
  const apply = useCallback(
    (visible: readonly string[]) =>
      update(() => {
        const all = orderKey.split("|");
        const shown = visible.filter((id) => all.includes(id));
        return { order: [...shown, ...all.filter((id) => !shown.includes(id))], hidden: all.filter((id) => !shown.includes(id)) };
      }),
    [update, orderKey],
  );
  return { ordered, hidden, visibleIds, toggle, move, reset, apply };
}

export type ColumnLayoutState = ReturnType<typeof useColumnLayout>;
