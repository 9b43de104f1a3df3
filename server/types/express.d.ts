/// <reference types="passport" />
import type { Actor } from "../auth/actor";
import type { AuthUser } from "../auth/auth-user";

declare global {
  namespace Express {
    // passport's req.user is our cached AuthUser.
    interface User extends AuthUser {}
    interface Request {
      /** Set by the auth middleware for signed-in requests. */
      actor?: Actor;
    }
  }
}

declare module "express-session" {
  interface SessionData {
    /** When the user signed in (epoch ms): enforces the absolute timeout. */
    loginAt?: number;
    meta?: { userAgent?: string; ip?: string };
  }
}
