import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Toaster, toast } from "sonner";
import { navigate } from "wouter/use-browser-location";
import { paths } from "@/config/paths";
import { setUnauthorizedHandler } from "@/lib/api-client";
import { authKeys, resetSession } from "@/lib/auth";
import { queryClient } from "@/lib/query-client";

// A 401 from a signed-in call means the session ended: forget everything and ask to sign in again.
setUnauthorizedHandler(() => {
  if (queryClient.getQueryData(authKeys.me()) === null) return;
  resetSession(queryClient, null);
  const here = window.location.pathname + window.location.search;
  if (!here.startsWith(paths.login.pattern)) {
    toast.error("Your session has ended. Please sign in again.");
    navigate(paths.login.href(here), { replace: true });
  }
});

/** App-wide providers: query cache and toasts. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster position="top-right" richColors closeButton />
    </QueryClientProvider>
  );
}
