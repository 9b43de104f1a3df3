import type { MeResponse, SessionResponse } from "@shared/contracts/auth";
import type { Permission, Role } from "@shared/constants/roles";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, setCsrfToken } from "./api-client";

export type Me = MeResponse;

export const authKeys = {
  all: ["auth"] as const,
  me: () => [...authKeys.all, "me"] as const,
};

/**
 * GET /api/auth/session; resolves null when signed out and remembers the CSRF token. The session probe
 * answers 200 when signed out, so a visit to /login logs no failed request (/auth/me would be a 401).
 */
export async function getMe(): Promise<Me | null> {
  try {
    const { me } = await apiFetch<SessionResponse>("/api/auth/session");
    setCsrfToken(me?.csrfToken ?? null);
    return me;
  } catch (error) {
    // An expired or revoked session still answers 401 (session_expired): signed out as well.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 5 * 60_000, throwOnError: false });

/** The signed-in user (null when signed out, undefined while loading). */
export function useMe() {
  return useQuery(meQueryOptions());
}

/** The signed-in user; only for components rendered behind the auth gate. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser needs a signed-in user (render it behind the auth gate).");
  return data;
}

/** True when the user holds the permission key. */
export function hasPermission(me: Pick<Me, "permissions"> | null | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}

/** Whether the signed-in user holds the permission. */
export function usePermission(permission: Permission): boolean {
  const { data } = useMe();
  return hasPermission(data, permission);
}

/** Where a user lands after signing in: portal users in /portal, staff in the app. */
export function homeFor(role: Role): string {
  return role === "client" ? "/portal" : "/";
}

/** Accepts only same-site relative paths as a post-login destination. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  return next;
}

/**
 * Forgets every cached query of the previous session and records the new one (null = signed out).
 * The me query is updated in place rather than removed so the auth gates re-render at once.
 */
export function resetSession(queryClient: QueryClient, me: Me | null): void {
  void queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(authKeys.me(), me);
}

/** Stores a freshly started session (login / invitation accept): new cache, new CSRF token. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (me: Me) => resetSession(queryClient, me);
}

/** POST /api/auth/logout. */
export function logout(): Promise<void> {
  return apiFetch<void>("/api/auth/logout", { method: "POST" });
}

/** Signs out and clears every cached query, even if the server call fails. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => resetSession(queryClient, null),
  });
}
