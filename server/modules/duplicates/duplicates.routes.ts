import {
  CompareDuplicatesQuery,
  CompareDuplicatesResponse,
  DismissDuplicateBody,
  DuplicateListResponse,
  DuplicateScanResponse,
  ListDuplicatesQuery,
  MergeDuplicatesBody,
  MergeDuplicatesResponse,
} from "../../../shared/contracts/duplicates";
import { defineRoute } from "../../http/define-route";
import * as duplicates from "./duplicates.service";

const tags = ["Duplicates"];

export const duplicatesRoutes = [
  defineRoute({
    method: "get",
    path: "/duplicates",
    summary: "Candidate duplicate pairs (same email, phone or domain; similar names), best score first, keyset paged",
    description:
      "Pairs are precomputed and re-scored by a background job after each change to a record's name, email, phone, website or company (usually within a second or two). Only pairs whose two records the caller may see. Leads also need leads.read. Dismissed pairs are left out.",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListDuplicatesQuery },
    responses: { 200: DuplicateListResponse },
    handler: ({ app, actor, input }) => duplicates.listDuplicates(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/duplicates/compare",
    summary: "Two records side by side, with the counts of what a merge would move",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: CompareDuplicatesQuery },
    responses: { 200: CompareDuplicatesResponse },
    handler: async ({ app, actor, input }) => ({ data: await duplicates.compareDuplicates(app, actor, input.query) }),
  }),
  defineRoute({
    method: "post",
    path: "/duplicates/dismiss",
    summary: "Mark a pair as not duplicates (it stops being proposed)",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: DismissDuplicateBody },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await duplicates.dismissDuplicate(app, actor, input.body);
    },
  }),
  defineRoute({
    method: "post",
    path: "/duplicates/merge",
    summary: "Merge one record into another in one transaction (picked fields kept, related records moved, merged record deleted)",
    description:
      "Needs write on the record type (clients.write for contacts, leads.write for leads) and clients.delete for clients. 409 for a record merged into itself, records of another type, or two contacts that both have a portal login.",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: MergeDuplicatesBody },
    responses: { 200: MergeDuplicatesResponse },
    handler: async ({ app, actor, input }) => ({ data: await duplicates.mergeDuplicates(app, actor, input.body) }),
  }),
  defineRoute({
    method: "get",
    path: "/duplicates/rescan",
    summary: "The latest full rescan of the workspace's duplicate pairs, with its progress",
    tags,
    access: { kind: "staff", permission: "admin.jobs" },
    responses: { 200: DuplicateScanResponse },
    handler: async ({ app, actor }) => ({ data: await duplicates.getRescan(app, actor) }),
  }),
  defineRoute({
    method: "post",
    path: "/duplicates/rescan",
    summary: "Rebuild the workspace's duplicate pairs from scratch in the background",
    description:
      "Pairs are kept current as records change; a rescan recomputes every pair (e.g. after the threshold or the rules changed). A rescan in progress is superseded. Progress: GET /duplicates/rescan.",
    tags,
    access: { kind: "staff", permission: "admin.jobs" },
    responses: { 202: DuplicateScanResponse },
    handler: async ({ app, actor }) => ({ data: await duplicates.startRescan(app, actor) }),
  }),
];
