import { IdParams } from "../../../shared/contracts/common";
import { InviteUserBody, ListUsersQuery, UpdateUserBody, UserListResponse, UserResponse } from "../../../shared/contracts/users";
import { defineRoute } from "../../http/define-route";
import * as users from "./users.service";

const tags = ["Users"];

export const usersRoutes = [
  defineRoute({
    method: "get",
    path: "/users",
    summary: "List users (search, role/status filters, keyset paging)",
    tags,
    access: { kind: "staff", permission: "users.read" },
    request: { query: ListUsersQuery },
    responses: { 200: UserListResponse },
    handler: ({ app, actor, input }) => users.listWorkspaceUsers(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/users/invitations",
    summary: "Invite a user by email",
    tags,
    access: { kind: "staff", permission: "users.invite" },
    request: { body: InviteUserBody },
    responses: { 201: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.inviteUser(app, actor, input.body) }),
  }),
  defineRoute({
    method: "get",
    path: "/users/:id",
    summary: "Get a user",
    tags,
    access: { kind: "staff", permission: "users.read" },
    request: { params: IdParams },
    responses: { 200: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.getWorkspaceUser(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/users/:id",
    summary: "Edit a user's name, role or bound client",
    tags,
    access: { kind: "staff", permission: "users.update" },
    request: { params: IdParams, body: UpdateUserBody },
    responses: { 200: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.updateWorkspaceUser(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/users/:id/deactivate",
    summary: "Deactivate a user and end their sessions",
    tags,
    access: { kind: "staff", permission: "users.deactivate" },
    request: { params: IdParams },
    responses: { 200: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.deactivateUser(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "post",
    path: "/users/:id/reactivate",
    summary: "Reactivate a deactivated user",
    tags,
    access: { kind: "staff", permission: "users.deactivate" },
    request: { params: IdParams },
    responses: { 200: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.reactivateUser(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "post",
    path: "/users/:id/resend-invite",
    summary: "Send a new invitation link",
    tags,
    access: { kind: "staff", permission: "users.invite" },
    request: { params: IdParams },
    responses: { 200: UserResponse },
    handler: async ({ app, actor, input }) => ({ data: await users.resendInvitation(app, actor, input.params.id) }),
  }),
];
