import { z } from "zod";
import { IdParams } from "../../../shared/contracts/common";
import {
  ConfigureImportBody,
  IMPORT_ENTITIES,
  ImportListResponse,
  ImportResponse,
  ListImportsQuery,
  UploadImportBody,
  UploadImportResponse,
} from "../../../shared/contracts/imports";
import { defineRoute } from "../../http/define-route";
import { streamRejectsCsv } from "./imports-rejects.service";
import * as imports from "./imports.service";

const tags = ["Imports"];
const access = { kind: "staff", permission: "imports.run" } as const;
const UploadQuery = z.strictObject({ entityType: z.enum(IMPORT_ENTITIES).describe("What the rows are") }).meta({ id: "UploadImportQuery" });
const RejectsCsv = z.string().describe("The rejected rows: the file's columns, then row and errors").meta({ id: "ImportRejectsCsv" });

export const importsRoutes = [
  defineRoute({
    method: "get",
    path: "/imports",
    summary: "List imports, newest first (admins and managers see every import of the workspace, others their own)",
    tags,
    access,
    request: { query: ListImportsQuery },
    responses: { 200: ImportListResponse },
    handler: ({ app, actor, input }) => imports.listImports(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/imports",
    summary: "Upload a CSV (streamed into the database); returns its header, a sample and a suggested column mapping",
    description: "Needs the record type's write permission too (clients.write for clients and contacts, leads.write for leads). Up to 100 MB.",
    tags,
    access,
    consumes: "multipart/form-data",
    request: { query: UploadQuery, body: UploadImportBody },
    responses: { 201: UploadImportResponse },
    handler: ({ app, actor, input, req }) => imports.uploadImport(app, actor, input.query.entityType, req),
  }),
  defineRoute({
    method: "get",
    path: "/imports/:id",
    summary: "Get an import with its progress (poll it while it runs)",
    tags,
    access,
    request: { params: IdParams },
    responses: { 200: ImportResponse },
    handler: async ({ app, actor, input }) => ({ data: await imports.getImport(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "patch",
    path: "/imports/:id",
    summary: "Set the column mapping, duplicate strategy and match keys (before it starts)",
    tags,
    access,
    request: { params: IdParams, body: ConfigureImportBody },
    responses: { 200: ImportResponse },
    handler: async ({ app, actor, input }) => ({ data: await imports.configureImport(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "post",
    path: "/imports/:id/dry-run",
    summary: "Check every row without writing, as a background job (status checking, then dry_run)",
    description:
      "Poll GET /api/imports/:id: dryRun.total counts the rows checked so far; when dryRun.finishedAt is set it holds the counts, every rejected row counted per field, and the first rejected rows with their reasons. Changing the mapping or starting the import drops a check still running.",
    tags,
    access,
    request: { params: IdParams },
    responses: { 202: ImportResponse },
    handler: async ({ app, actor, input }) => ({ data: await imports.dryRun(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "post",
    path: "/imports/:id/start",
    summary: "Run the import as a background job",
    tags,
    access,
    request: { params: IdParams },
    responses: { 202: ImportResponse },
    handler: async ({ app, actor, input }) => ({ data: await imports.startImport(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "post",
    path: "/imports/:id/cancel",
    summary: "Cancel an import that has not finished (rows already imported stay)",
    tags,
    access,
    request: { params: IdParams },
    responses: { 200: ImportResponse },
    handler: async ({ app, actor, input }) => ({ data: await imports.cancelImport(app, actor, input.params.id) }),
  }),
  defineRoute({
    method: "get",
    path: "/imports/:id/rejects.csv",
    summary: "Download the rejected rows as CSV (original columns plus the reasons; streamed)",
    tags,
    access,
    request: { params: IdParams },
    responses: { 200: RejectsCsv },
    produces: "text/csv",
    handler: ({ app, actor, input, res }) => streamRejectsCsv(app, actor, input.params.id, res),
  }),
];
