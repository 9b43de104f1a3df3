import { z } from "zod";
import { BulkResult } from "../../../shared/contracts/clients";
import { IdParams } from "../../../shared/contracts/common";
import { BulkContactsBody, ContactListResponse, ContactResponse, CreateContactBody, ListContactsQuery, UpdateContactBody } from "../../../shared/contracts/contacts";
import { defineRoute } from "../../http/define-route";
import { bulkContacts } from "./contacts-bulk.service";
import { streamContactsCsv } from "./contacts-export.service";
import * as contacts from "./contacts.service";

const tags = ["Contacts"];
const CsvBody = z.string().describe("CSV (RFC 4180, CRLF line ends, header row first)").meta({ id: "ContactsCsv" });

export const contactsRoutes = [
  defineRoute({
    method: "get",
    path: "/contacts",
    summary: "List contacts of the clients you can see (search, client filter, keyset paging)",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListContactsQuery },
    responses: { 200: ContactListResponse },
    handler: ({ app, actor, input }) => contacts.listContacts(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/contacts/export.csv",
    summary: "Export contacts as CSV (same filters and visibility as the list; streamed)",
    tags,
    access: { kind: "staff", permission: "clients.export" },
    request: { query: ListContactsQuery },
    responses: { 200: CsvBody },
    produces: "text/csv",
    handler: ({ app, actor, input, res }) => streamContactsCsv(app, actor, input.query, res),
  }),
  defineRoute({
    method: "post",
    path: "/contacts",
    summary: "Add a contact to a client",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: CreateContactBody },
    responses: { 201: ContactResponse },
    handler: async ({ app, actor, input }) => ({ data: await contacts.createContact(app, actor, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/contacts/bulk",
    summary: "Delete many contacts (each ends its portal login like the single delete; unpermitted ones are reported as skipped)",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: BulkContactsBody },
    responses: { 200: BulkResult },
    handler: ({ app, actor, input }) => bulkContacts(app, actor, input.body),
  }),
  defineRoute({
    method: "get",
    path: "/contacts/:id",
    summary: "Get a contact",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { params: IdParams },
    responses: { 200: ContactResponse },
    handler: async ({ app, actor, input }) => ({ data: await contacts.getContact(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/contacts/:id",
    summary: "Edit a contact",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { params: IdParams, body: UpdateContactBody },
    responses: { 200: ContactResponse },
    handler: async ({ app, actor, input }) => ({ data: await contacts.updateContactDetails(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/contacts/:id",
    summary: "Delete a contact",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await contacts.removeContact(app, actor, input.params.id);
    },
  }),
  defineRoute({
    method: "post",
    path: "/contacts/:id/invite-to-portal",
    summary: "Invite the contact to the client portal (creates a client-role user bound to their client)",
    tags,
    access: { kind: "staff", permission: "users.invite" },
    request: { params: IdParams },
    responses: { 200: ContactResponse },
    handler: async ({ app, actor, input }) => ({ data: await contacts.inviteContactToPortal(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "post",
    path: "/contacts/:id/resend-portal-invite",
    summary: "Send an invited contact a new portal link (the old one stops working); 409 invite_already_accepted once accepted",
    tags,
    access: { kind: "staff", permission: "users.invite" },
    request: { params: IdParams },
    responses: { 200: ContactResponse },
    handler: async ({ app, actor, input }) => ({ data: await contacts.resendContactPortalInvite(app, actor, input.params.id) }),
  }),
];
