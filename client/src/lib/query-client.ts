import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // 4xx answers will not change on retry; network blips and 5xx get two more tries.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The single query cache of the app; cleared on sign-out and on 401. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: shouldRetry,
      // A query with nothing to show hands its error to the route's error boundary ("Try again");
      // a failed background refresh keeps the data already on screen. 401 redirects instead.
      throwOnError: (error, query) =>
        query.state.data === undefined && !(error instanceof ApiError && error.status === 401),
    },
    mutations: { retry: false },
  },
});
