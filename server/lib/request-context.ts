import { AsyncLocalStorage } from "node:async_hooks";

/** Per-request facts that logs and the audit log pick up without threading them through calls. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  userId?: string;
  workspaceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with the given context as the current one. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current request's context, if any. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
