import type {
  AutomationDto,
  AutomationListResponse,
  AutomationRunListResponse,
  CreateAutomationBody,
  UpdateAutomationBody,
} from "@shared/contracts/automations";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

export const automationsKeys = {
  all: ["automations"] as const,
  list: () => [...automationsKeys.all, "list"] as const,
  detail: (id: string) => [...automationsKeys.all, "detail", id] as const,
  runs: (id: string) => [...automationsKeys.all, "runs", id] as const,
  leadRuns: (leadId: string) => [...automationsKeys.all, "lead-runs", leadId] as const,
};

/** GET /api/automations. */
export function useAutomations() {
  return useQuery({
    queryKey: automationsKeys.list(),
    queryFn: ({ signal }) => apiFetch<AutomationListResponse>("/api/automations", { signal }),
    throwOnError: false,
  });
}

/** GET /api/automations/:id. */
export function useAutomation(id: string) {
  return useQuery({
    queryKey: automationsKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<{ data: AutomationDto }>(`/api/automations/${encodeURIComponent(id)}`, { signal }),
    throwOnError: false,
  });
}

function useRunsQuery(key: readonly unknown[], path: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => apiFetch<AutomationRunListResponse>(path, { query: { limit: "25", cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    throwOnError: false,
    enabled,
  });
}

/** GET /api/automations/:id/runs, newest first, page by page. */
export function useAutomationRuns(id: string) {
  return useRunsQuery(automationsKeys.runs(id), `/api/automations/${encodeURIComponent(id)}/runs`);
}

/** GET /api/leads/:id/automation-runs, newest first, page by page. */
export function useLeadAutomationRuns(leadId: string, enabled = true) {
  return useRunsQuery(automationsKeys.leadRuns(leadId), `/api/leads/${encodeURIComponent(leadId)}/automation-runs`, enabled);
}

export function useSaveAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: { id?: string; body: CreateAutomationBody | UpdateAutomationBody }) => {
      const res = v.id
        ? await apiFetch<{ data: AutomationDto }>(`/api/automations/${encodeURIComponent(v.id)}`, { method: "PATCH", body: v.body })
        : await apiFetch<{ data: AutomationDto }>("/api/automations", { method: "POST", body: v.body });
      return res.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationsKeys.all }),
  });
}

export function useDeleteAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/automations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationsKeys.all }),
  });
}
