import { z } from "zod";
import { OWNED_RECORDS, ROLES, USER_STATUSES } from "../constants/roles";
import { emailField, nameField, pageQueryFields, paginated, sortOrder } from "./common";

export const UserDto = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    status: z.enum(USER_STATUSES),
    clientId: z.uuid().nullable().describe("Client a portal user is bound to"),
    clientName: z.string().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    invitedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    abilities: z.object({
      update: z.boolean(),
      changeRole: z.boolean(),
      deactivate: z.boolean(),
      reactivate: z.boolean(),
      resendInvite: z.boolean(),
    }),
  })
  .meta({ id: "UserDto" });
export type UserDto = z.infer<typeof UserDto>;

export const USER_SORTS = ["name", "email", "createdAt", "lastLoginAt"] as const;

export const ListUsersQuery = z
  .strictObject({
    q: z.string().trim().max(120).optional().describe("Search name or email"),
    role: z.enum(ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
    canOwn: z
      .enum(OWNED_RECORDS)
      .optional()
      .describe("Only users who may own this record type: active members whose role holds leads.read (deals: deals.read) — for owner pickers"),
    sort: z.enum(USER_SORTS).default("name"),
    order: sortOrder.default("asc"),
    ...pageQueryFields,
  })
  .meta({ id: "ListUsersQuery" });
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserListResponse = paginated(UserDto, "UserListResponse");
export type UserListResponse = z.infer<typeof UserListResponse>;

export const InviteUserBody = z
  .strictObject({
    email: emailField,
    name: nameField,
    role: z.enum(ROLES),
    clientId: z.uuid().optional().describe("Required when role is client"),
  })
  .refine((b) => b.role !== "client" || !!b.clientId, { path: ["clientId"], message: "Choose the client this portal user belongs to" })
  .meta({ id: "InviteUserBody" });
export type InviteUserBody = z.infer<typeof InviteUserBody>;

export const UpdateUserBody = z
  .strictObject({
    name: nameField.optional(),
    role: z.enum(ROLES).optional(),
    clientId: z.uuid().nullable().optional(),
  })
  .meta({ id: "UpdateUserBody" });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const UserResponse = z.object({ data: UserDto }).meta({ id: "UserResponse" });
