import { useCallback, useState } from "react";

function read(key: string): string[] | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : null;
  } catch {
    return null;
  }
}

/** Hidden column ids of a list, remembered in localStorage per list. */
export function useStoredHiddenColumns(storageKey: string, initiallyHidden: readonly string[] = []) {
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(read(storageKey) ?? initiallyHidden));
  const toggle = useCallback(
    (id: string) =>
      setHidden((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        try {
          localStorage.setItem(storageKey, JSON.stringify([...next]));
        } catch {
          // Private mode or a full quota: the choice lasts until reload.
        }
        return next;
      }),
    [storageKey],
  );
  return { hidden, toggle };
}
