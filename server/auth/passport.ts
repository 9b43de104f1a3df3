import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { AppContext } from "../app-context";
import { type AuthUser, loadAuthUser } from "./auth-user";
import { verifyLogin } from "./auth.service";

/**
 * A passport instance per app (not the module singleton), so each test file's app is independent.
 * The session holds only the user id; the user is re-read through the cache on every request, and a
 * missing or inactive user makes the request anonymous at once.
 */
export function createPassport(app: AppContext): passport.PassportStatic {
  const instance = new passport.Passport() as passport.PassportStatic;
  instance.use(
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: true }, (email, password, done) => {
      verifyLogin(app, email, password).then(
        (user) => done(null, user),
        (err) => done(err),
      );
    }),
  );
  instance.serializeUser((user, done) => done(null, (user as AuthUser).id));
  instance.deserializeUser((id: string, done) => {
    loadAuthUser(app, id).then(
      (user) => done(null, user && user.status === "active" ? user : false),
      (err) => done(err),
    );
  });
  return instance;
}
