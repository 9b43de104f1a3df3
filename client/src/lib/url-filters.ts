import { useCallback, useMemo } from "react";
import { useSearchParams } from "wouter";

/** Reads the given keys from the URL query string and updates them (empty values removed). */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? "";
    return out;
  }, [params, keys]);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string>>, options: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: options.replace ?? true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = keys.some((k) => values[k] !== "");
  return { values, setFilters, clear, active };
}
