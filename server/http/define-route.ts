import type { Request, Response } from "express";
import type { z } from "zod";
import type { Permission } from "../../shared/constants/roles";
import type { AppContext } from "../app-context";
import type { Actor } from "../auth/actor";

/**
 * Who may call a route. Every route declares one; the registry test fails on a route without it.
 * - public: anyone (anonymous rate limit applies)
 * - authenticated: any signed-in user, staff or portal client (own profile, sign out)
 * - staff: a staff role holding `permission` (portal clients are always refused)
 * - portal: a signed-in portal client only
 */
export type Access =
  | { kind: "public" }
  | { kind: "authenticated" }
  | { kind: "staff"; permission: Permission }
  | { kind: "portal" };

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

type Schema = z.ZodType;
/** What a request schema parses to (undefined when the route declares none). */
export type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface HandlerContext<P, Q, B, A extends Access> {
  req: Request;
  res: Response;
  app: AppContext;
  input: RouteInput<P, Q, B>;
  /** Present on every non-public route. */
  actor: A extends { kind: "public" } ? Actor | undefined : Actor;
}

export interface RouteDefinition<
  PS extends Schema | undefined = Schema | undefined,
  QS extends Schema | undefined = Schema | undefined,
  BS extends Schema | undefined = Schema | undefined,
  A extends Access = Access,
> {
  method: HttpMethod;
  /** Express path relative to /api, e.g. "/users/:id". */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  /** Extra per-IP limit for credential endpoints (login, reset, invite accept). */
  rateLimit?: "sensitive";
  request?: { params?: PS; query?: QS; body?: BS };
  /** Status → response body schema (null for an empty body). The first 2xx is the success status. */
  responses: Record<number, Schema | null>;
  /**
   * Media type of the request body when it is not JSON. "multipart/form-data": the router checks the
   * Content-Type and leaves the body unread for the handler to stream from `req`; `request.body`
   * then only documents the form in OpenAPI and is not used to parse anything (`input.body` is undefined).
   */
  consumes?: "multipart/form-data";
  /** Media type of the success body when it is not JSON (the handler streams it to `res`), e.g. "text/csv". */
  produces?: string;
  handler: (ctx: HandlerContext<Infer<PS>, Infer<QS>, Infer<BS>, A>) => Promise<unknown>;
}

// Type-erased form kept in the registry.
// biome-ignore lint/suspicious/noExplicitAny: the registry holds routes of every input type; each was checked at its defineRoute call.
export type AnyRoute = RouteDefinition<any, any, any, any>;

/** Declares a route: the one place its access rule, validation, OpenAPI entry and handler live. */
export function defineRoute<
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
  A extends Access = Access,
>(def: RouteDefinition<PS, QS, BS, A>): AnyRoute {
  return def as AnyRoute;
}

/** The success status of a route: its first declared 2xx. */
export function successStatus(route: AnyRoute): number {
  const codes = Object.keys(route.responses)
    .map(Number)
    .filter((c) => c >= 200 && c < 300)
    .sort((a, b) => a - b);
  return codes[0] ?? 200;
}
