import { AppError, errors } from "../../shared/errors";
import type { Actor } from "../auth/actor";
import type { Access } from "./define-route";

/** The route-level gate: who may call at all. Record-level rules live in services and repositories. */
export function checkAccess(access: Access, actor: Actor | undefined, sessionExpired: boolean): void {
  if (access.kind === "public") return;
  if (!actor) throw sessionExpired ? new AppError("session_expired") : errors.unauthenticated();
  switch (access.kind) {
    case "authenticated":
      return;
    case "portal":
      if (actor.role !== "client") throw errors.forbidden("The portal is for client accounts.");
      return;
    case "staff":
      // Portal clients never reach staff routes, whatever their permissions say.
      if (actor.role === "client") throw errors.forbidden();
      if (!actor.permissions.has(access.permission)) throw errors.forbidden();
      return;
  }
}
