import { z } from "zod";
import { PERMISSION_KEYS, ROLES } from "../constants/roles";
import { emailField, nameField, passwordField } from "./common";
import { WorkspaceDto } from "./workspace";

export const LoginBody = z
  .strictObject({
    email: emailField,
    password: z.string().min(1, "Enter your password").max(1024).describe("Password"),
  })
  .meta({ id: "LoginBody" });
export type LoginBody = z.infer<typeof LoginBody>;

export const CurrentUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    clientId: z.uuid().nullable().describe("Bound client for portal users"),
  })
  .meta({ id: "CurrentUser" });

export const MeResponse = z
  .object({
    user: CurrentUser,
    permissions: z.array(z.enum(PERMISSION_KEYS as [string, ...string[]])).describe("Effective permission keys"),
    workspace: WorkspaceDto,
    csrfToken: z.string().describe("Send as X-CSRF-Token on every non-GET request"),
  })
  .meta({ id: "MeResponse" });
export type MeResponse = z.infer<typeof MeResponse>;

/** Who is signed in, answered with 200 either way (the app's start-up probe: no failed request when signed out). */
export const SessionResponse = z
  .object({ me: MeResponse.nullable().describe("The signed-in user as GET /auth/me returns it, null when signed out") })
  .meta({ id: "SessionResponse" });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ForgotPasswordBody = z.strictObject({ email: emailField }).meta({ id: "ForgotPasswordBody" });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;

export const ResetPasswordBody = z
  .strictObject({
    token: z.string().min(10).max(200).describe("Token from the reset email"),
    password: passwordField,
  })
  .meta({ id: "ResetPasswordBody" });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const InviteTokenQuery = z.strictObject({ token: z.string().min(10).max(200) }).meta({ id: "InviteTokenQuery" });

export const InvitePreview = z
  .object({ email: z.string(), name: z.string(), workspaceName: z.string() })
  .meta({ id: "InvitePreview" });
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteBody = z
  .strictObject({
    token: z.string().min(10).max(200).describe("Token from the invitation email"),
    name: nameField.optional(),
    password: passwordField,
  })
  .meta({ id: "AcceptInviteBody" });
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

export const ChangePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: passwordField,
    endOtherSessions: z.boolean().default(true).describe("Sign out every other session"),
  })
  .meta({ id: "ChangePasswordBody" });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateProfileBody = z.strictObject({ name: nameField }).meta({ id: "UpdateProfileBody" });
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const SessionDto = z
  .object({
    id: z.string().describe("Opaque session handle (not the cookie value)"),
    current: z.boolean(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "SessionDto" });
export type SessionDto = z.infer<typeof SessionDto>;

export const SessionListResponse = z.object({ data: z.array(SessionDto) }).meta({ id: "SessionListResponse" });

export const SessionParams = z.strictObject({ id: z.string().min(8).max(128) }).meta({ id: "SessionParams" });
