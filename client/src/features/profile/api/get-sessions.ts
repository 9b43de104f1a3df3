import type { SessionDto } from "@shared/contracts/auth";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { profileKeys } from "./profile-keys";

/** GET /api/profile/sessions. */
export async function getSessions(signal?: AbortSignal): Promise<SessionDto[]> {
  const res = await apiFetch<{ data: SessionDto[] }>("/api/profile/sessions", { signal });
  return res.data;
}

export const sessionsQueryOptions = () => queryOptions({ queryKey: profileKeys.sessions(), queryFn: ({ signal }) => getSessions(signal) });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
