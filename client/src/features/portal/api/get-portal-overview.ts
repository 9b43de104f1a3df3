import type { PortalOverviewResponse } from "@shared/contracts/clients";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { portalKeys } from "./portal-keys";

/** GET /api/portal/overview: the portal user's client and agency. */
export function getPortalOverview(signal?: AbortSignal): Promise<PortalOverviewResponse> {
  return apiFetch<PortalOverviewResponse>("/api/portal/overview", { signal });
}

export const portalOverviewQueryOptions = () =>
  queryOptions({ queryKey: portalKeys.overview(), queryFn: ({ signal }) => getPortalOverview(signal) });

export function usePortalOverview() {
  return useQuery(portalOverviewQueryOptions());
}
