import type { ConfigureImportBody, ImportDto } from "@shared/contracts/imports";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { importsKeys } from "./imports-keys";

const base = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

/** PATCH /api/imports/:id (mapping, duplicate strategy, match keys). */
export async function configureImport({ id, body }: { id: string; body: ConfigureImportBody }): Promise<ImportDto> {
  return (await apiFetch<{ data: ImportDto }>(base(id), { method: "PATCH", body })).data;
}

/** POST /api/imports/:id/dry-run: queues the check (status checking); poll the import for its progress. */
export async function dryRunImport(id: string): Promise<ImportDto> {
  return (await apiFetch<{ data: ImportDto }>(`${base(id)}/dry-run`, { method: "POST" })).data;
}

/** POST /api/imports/:id/start. */
export async function startImport(id: string): Promise<ImportDto> {
  return (await apiFetch<{ data: ImportDto }>(`${base(id)}/start`, { method: "POST" })).data;
}

/** POST /api/imports/:id/cancel. */
export async function cancelImport(id: string): Promise<ImportDto> {
  return (await apiFetch<{ data: ImportDto }>(`${base(id)}/cancel`, { method: "POST" })).data;
}

/** Stores the returned import in the cache and refreshes the history. */
function useStoreImport() {
  const qc = useQueryClient();
  return (imp: ImportDto) => {
    qc.setQueryData(importsKeys.detail(imp.id), imp);
    void qc.invalidateQueries({ queryKey: importsKeys.lists() });
  };
}

/** Saves the mapping, then queues the dry run (the wizard's "Check the file"). */
export function useCheckImport() {
  const store = useStoreImport();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ConfigureImportBody }) => {
      await configureImport({ id, body });
      return dryRunImport(id);
    },
    onSuccess: store,
  });
}

export function useStartImport() {
  const store = useStoreImport();
  return useMutation({ mutationFn: startImport, onSuccess: store });
}

export function useCancelImport() {
  const store = useStoreImport();
  return useMutation({ mutationFn: cancelImport, onSuccess: store });
}
