import { ChangePasswordBody, MeResponse, SessionListResponse, SessionParams, UpdateProfileBody } from "../../../shared/contracts/auth";
import { OkResponse } from "../../../shared/contracts/common";
import { loadAuthUser } from "../../auth/auth-user";
import { buildMe } from "../../auth/session";
import { defineRoute } from "../../http/define-route";
import { changeOwnPassword, listOwnSessions, revokeOwnSession, updateOwnName } from "./profile.service";

const tags = ["Profile"];

export const profileRoutes = [
  defineRoute({
    method: "patch",
    path: "/profile",
    summary: "Update my name",
    tags,
    access: { kind: "authenticated" },
    request: { body: UpdateProfileBody },
    responses: { 200: MeResponse },
    handler: async ({ app, req, actor, input }) => {
      await updateOwnName(app, actor, input.body.name);
      const fresh = await loadAuthUser(app, actor.id);
      return buildMe(app, req, fresh ?? req.user!);
    },
  }),
  defineRoute({
    method: "post",
    path: "/profile/password",
    summary: "Change my password",
    tags,
    access: { kind: "authenticated" },
    request: { body: ChangePasswordBody },
    responses: { 200: OkResponse },
    handler: async ({ app, actor, input }) => {
      await changeOwnPassword(app, actor, input.body);
      return { ok: true };
    },
  }),
  defineRoute({
    method: "get",
    path: "/profile/sessions",
    summary: "My active sessions",
    tags,
    access: { kind: "authenticated" },
    responses: { 200: SessionListResponse },
    handler: async ({ app, actor }) => ({ data: await listOwnSessions(app, actor) }),
  }),
  defineRoute({
    method: "delete",
    path: "/profile/sessions/:id",
    summary: "End one of my sessions",
    tags,
    access: { kind: "authenticated" },
    request: { params: SessionParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await revokeOwnSession(app, actor, input.params.id);
    },
  }),
];
