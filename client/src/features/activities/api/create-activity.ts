import type { ActivityDto, CreateActivityBody } from "@shared/contracts/activities";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { activitiesKeys } from "./activities-keys";

/** POST /api/activities: logs a note, call, meeting or email. */
export async function createActivity(body: CreateActivityBody): Promise<ActivityDto> {
  const res = await apiFetch<{ data: ActivityDto }>("/api/activities", { method: "POST", body });
  return res.data;
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: (a) => queryClient.invalidateQueries({ queryKey: activitiesKeys.list({ entityType: a.entityType, entityId: a.entityId }) }),
  });
}
