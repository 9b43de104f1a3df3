import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachmentListResponse, AttachmentResponse, PortalFileListResponse } from "../../shared/contracts/attachments";
import { assignClient, buildClient, buildLead, buildTeam, buildUser } from "../factories";
import { buildAttachment, buildDeal, docxBytes, exeBytes, PDF_BYTES, PNG_BYTES } from "../factories/attachments";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

const MAX_BYTES = 64 * 1024;

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let sales: ApiClient;
let creator: ApiClient;
let portal: ApiClient;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX_BYTES) });
  team = await buildTeam(t.database.db);
  [admin, sales, creator, portal] = await Promise.all([
    loginAs(t, team.users.admin),
    loginAs(t, team.users.sales_agent),
    loginAs(t, team.users.creator),
    loginAs(t, team.users.client),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const uploadsDir = () => t.ctx.config.UPLOADS_DIR;

/** Every file under the uploads folder, temp files included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(uploadsDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function storageKeyOf(id: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ storage_key: string }>("SELECT storage_key FROM attachments WHERE id = $1", [id]);
  return rows[0]!.storage_key;
}

const clientFiles = (id: string) => `/api/attachments?entityType=client&entityId=${id}`;

describe("POST /api/attachments", () => {
  it("201 stores a PNG under a server-chosen key, type from the content, and audits it", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const res = await admin.upload(clientFiles(client.id), { name: "../../etc/logo.png", bytes: PNG_BYTES, contentType: "text/html" });
    expect(res.status).toBe(201);
    const dto = AttachmentResponse.parse(res.body).data;
    expect(dto).toMatchObject({
      entityType: "client",
      entityId: client.id,
      fileName: "logo.png",
      contentType: "image/png",
      size: PNG_BYTES.length,
      sha256: sha256(PNG_BYTES),
      sharedWithClient: false,
      uploadedBy: { id: team.users.admin.id, name: team.users.admin.name },
      downloadUrl: `/api/attachments/${dto.id}/download`,
      abilities: { delete: true, share: true },
    });
    const key = await storageKeyOf(dto.id);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(key).not.toContain("logo");
    const stored = (await filesOnDisk()).find((f) => f.endsWith(key))!;
    expect(stored.startsWith(uploadsDir())).toBe(true);
    expect(await readFile(stored)).toEqual(PNG_BYTES);
    expect((await auditRows(t, { entityId: client.id, action: "attachment.uploaded" })).length).toBe(1);
  });

  it("201 detects a PDF, a DOCX and a CSV by content whatever their names say, and shares on request", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const pdf = await admin.upload(clientFiles(client.id), { name: "report.bin", bytes: PDF_BYTES }, { sharedWithClient: "true" });
    expect(pdf.status).toBe(201);
    expect(pdf.body.data).toMatchObject({ contentType: "application/pdf", sharedWithClient: true });
    const docx = await admin.upload(clientFiles(client.id), { name: "brief.docx", bytes: docxBytes() });
    expect(docx.body.data.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const csv = await admin.upload(clientFiles(client.id), { name: "leads.csv", bytes: Buffer.from("name,email\nAda,ada@example.test\n") });
    expect(csv.body.data.contentType).toBe("text/csv");
  });

  it("415 unsupported_file_type for an .exe renamed .png, HTML and SVG; no file is left on disk", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const before = await filesOnDisk();
    expectError(await admin.upload(clientFiles(client.id), { name: "cute-cat.png", bytes: exeBytes(), contentType: "image/png" }), 415, "unsupported_file_type");
    expectError(await admin.upload(clientFiles(client.id), { name: "notes.txt", bytes: Buffer.from("<!DOCTYPE html><script>alert(1)</script>") }), 415, "unsupported_file_type");
    expectError(
      await admin.upload(clientFiles(client.id), { name: "logo.png", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }),
      415,
      "unsupported_file_type",
    );
    expectError(await admin.upload(clientFiles(client.id), { name: "data.txt", bytes: Buffer.from([0x41, 0x00, 0x42, 0x43]) }), 415, "unsupported_file_type");
    expect(await filesOnDisk()).toEqual(before);
    expect((await admin.get(clientFiles(client.id))).body.data).toEqual([]);
  });

  it("413 file_too_large past UPLOAD_MAX_BYTES: reading stops, the partial file is deleted, no row is written", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const before = await filesOnDisk();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await admin.upload(clientFiles(client.id), { name: "huge.pdf", bytes: big });
    expectError(res, 413, "file_too_large");
    expect(res.body.error.details).toEqual({ maxBytes: MAX_BYTES });
    expect(await filesOnDisk()).toEqual(before);
    expect((await admin.get(clientFiles(client.id))).body.data).toEqual([]);
    // Exactly at the limit is accepted.
    const exact = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES - PDF_BYTES.length, 0x20)]);
    expect((await admin.upload(clientFiles(client.id), { name: "exact.pdf", bytes: exact })).status).toBe(201);
  });

  it("400 without a file, with an empty file, with two files (none kept), with an unknown field or a bad sharedWithClient; 415 for a JSON body; 403 without the CSRF token", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const noFile = await admin.agent.post(clientFiles(client.id)).set("X-CSRF-Token", admin.csrfToken!).field("sharedWithClient", "true");
    expectError(noFile, 400, "validation_failed");
    expect(issuePaths(noFile)).toEqual(["body.file"]);
    const empty = await admin.upload(clientFiles(client.id), { name: "empty.txt", bytes: Buffer.alloc(0) });
    expectError(empty, 400, "validation_failed");
    expect(issuePaths(empty)).toEqual(["body.file"]);
    const before = await filesOnDisk();
    const two = await admin.agent
      .post(clientFiles(client.id))
      .set("X-CSRF-Token", admin.csrfToken!)
      .attach("file", PNG_BYTES, { filename: "one.png", contentType: "image/png" })
      .attach("file", PDF_BYTES, { filename: "two.pdf", contentType: "application/pdf" });
    expectError(two, 400, "validation_failed");
    expect(issuePaths(two)).toEqual(["body.file"]);
    await expect.poll(filesOnDisk).toEqual(before);
    const unknown = await admin.upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES }, { owner: "me" });
    expect(issuePaths(unknown)).toEqual(["body.owner"]);
    const bad = await admin.upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES }, { sharedWithClient: "yes" });
    expect(issuePaths(bad)).toEqual(["body.sharedWithClient"]);
    expectError(await admin.post(clientFiles(client.id), { file: "x" }), 415, "unsupported_media_type");
    const badQuery = await admin.upload("/api/attachments?entityType=invoice&entityId=nope", { name: "a.png", bytes: PNG_BYTES });
    expect(issuePaths(badQuery)).toEqual(["query.entityId", "query.entityType"]);
    const noCsrf = await (await loginAs(t, team.users.admin)).withoutCsrf().upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES });
    expectError(noCsrf, 403, "csrf_invalid");
    expect((await admin.get(clientFiles(client.id))).body.data).toEqual([]);
  });

  it("403 for a creator assigned to the client (read-only); 404 for a sales agent's unowned client and another workspace's", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    await assignClient(t.database.db, client, team.users.creator.id);
    expectError(await creator.upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES }), 403, "forbidden");
    expectError(await sales.upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES }), 404, "not_found");
    const foreign = await buildClient(t.database.db);
    expectError(await admin.upload(clientFiles(foreign.id), { name: "a.png", bytes: PNG_BYTES }), 404, "not_found");
    expect((await admin.get(clientFiles(client.id))).body.data).toEqual([]);
  });
});

describe("GET /api/attachments", () => {
  it("200 lists a record's files newest first with uploader, paged", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    for (const name of ["one.png", "two.png", "three.png"]) expect((await sales.upload(clientFiles(client.id), { name, bytes: PNG_BYTES })).status).toBe(201);
    const page1 = AttachmentListResponse.parse((await sales.get(`${clientFiles(client.id)}&limit=2`)).body);
    expect(page1.data.map((a) => a.fileName)).toEqual(["three.png", "two.png"]);
    expect(page1.data[0]!.uploadedBy?.name).toBe(team.users.sales_agent.name);
    const page2 = (await sales.get(`${clientFiles(client.id)}&limit=2&cursor=${page1.meta.nextCursor}`)).body;
    expect(page2.data.map((a: { fileName: string }) => a.fileName)).toEqual(["one.png"]);
    expect(page2.meta.nextCursor).toBeNull();
  });

  it("404 for a sales agent on a client they neither own nor are assigned to; 200 read-only for an assigned creator", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "client", entityId: client.id });
    expectError(await sales.get(clientFiles(client.id)), 404, "not_found");
    await assignClient(t.database.db, client, team.users.creator.id);
    const res = await creator.get(clientFiles(client.id));
    expect(res.status).toBe(200);
    expect(res.body.data[0].abilities).toEqual({ delete: false, share: false });
  });

  it("lead files: 201 upload by an admin, 404 for a sales agent who does not own the lead, 403 for a creator; sharing a lead file is 400", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    const url = `/api/attachments?entityType=lead&entityId=${lead.id}`;
    const up = await admin.upload(url, { name: "proposal.pdf", bytes: PDF_BYTES });
    expect(up.status).toBe(201);
    expect(up.body.data.abilities).toEqual({ delete: true, share: false });
    expectError(await admin.upload(url, { name: "p.pdf", bytes: PDF_BYTES }, { sharedWithClient: "true" }), 400, "validation_failed");
    expect((await admin.get(url)).body.data.map((a: { fileName: string }) => a.fileName)).toEqual(["proposal.pdf"]);
    expectError(await sales.get(url), 404, "not_found");
    expectError(await sales.download(`/api/attachments/${up.body.data.id}/download`), 404, "not_found");
    expectError(await creator.get(url), 403, "forbidden");
    const own = await buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    expect((await sales.upload(`/api/attachments?entityType=lead&entityId=${own.id}`, { name: "mine.png", bytes: PNG_BYTES })).status).toBe(201);
    expectError(await admin.patch(`/api/attachments/${up.body.data.id}`, { sharedWithClient: true }), 400, "validation_failed");
  });
});

describe("deal files", () => {
  it("200 for the deal's owner and for staff who see all; 404 for a sales agent on a colleague's deal; 403 for a creator", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.sales_agent.id });
    const url = `/api/attachments?entityType=deal&entityId=${deal.id}`;
    const up = await sales.upload(url, { name: "contract.pdf", bytes: PDF_BYTES });
    expect(up.status).toBe(201);
    expect((await admin.download(up.body.data.downloadUrl)).status).toBe(200);
    const colleagues = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.manager.id });
    const hidden = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "deal", entityId: colleagues.id });
    expectError(await sales.get(`/api/attachments?entityType=deal&entityId=${colleagues.id}`), 404, "not_found");
    expectError(await sales.download(`/api/attachments/${hidden.id}/download`), 404, "not_found");
    expectError(await sales.delete(`/api/attachments/${hidden.id}`), 404, "not_found");
    expectError(await creator.get(url), 403, "forbidden");
    expectError(await creator.download(up.body.data.downloadUrl), 404, "not_found");
  });
});

describe("GET /api/attachments/:id/download", () => {
  it("200 streams the bytes with attachment disposition (UTF-8 name), nosniff, exact type and length", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const name = "Отчёт 2026 — résumé.pdf";
    const up = await admin.upload(clientFiles(client.id), { name, bytes: PDF_BYTES });
    const res = await admin.download(up.body.data.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-length"]).toBe(String(PDF_BYTES.length));
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="_____ 2026 _ r_sum_.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(Buffer.compare(res.body as Buffer, PDF_BYTES)).toBe(0);
  });

  it("200 for an assigned creator; 404 for a sales agent's unowned client, another workspace's file and a missing id", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const file = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "client", entityId: client.id });
    const url = `/api/attachments/${file.id}/download`;
    expectError(await sales.download(url), 404, "not_found");
    await assignClient(t.database.db, client, team.users.creator.id);
    expect((await creator.download(url)).status).toBe(200);
    const other = await buildTeam(t.database.db);
    const foreign = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: other.workspace.id, entityType: "client", entityId: other.client.id });
    expectError(await admin.download(`/api/attachments/${foreign.id}/download`), 404, "not_found");
    expectError(await admin.download(`/api/attachments/${crypto.randomUUID()}/download`), 404, "not_found");
  });
});

describe("PATCH /api/attachments/:id", () => {
  it("200 shares and unshares a client file, audited; 403 for an assigned creator; 404 for an unowned client's file", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const file = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "client", entityId: client.id });
    const res = await admin.patch(`/api/attachments/${file.id}`, { sharedWithClient: true });
    expect(res.status).toBe(200);
    expect(res.body.data.sharedWithClient).toBe(true);
    expect((await auditRows(t, { entityId: client.id, action: "attachment.sharing_changed" }))[0]?.changes).toMatchObject({ sharedWithClient: { from: false, to: true } });
    await assignClient(t.database.db, client, team.users.creator.id);
    expectError(await creator.patch(`/api/attachments/${file.id}`, { sharedWithClient: false }), 403, "forbidden");
    expectError(await sales.patch(`/api/attachments/${file.id}`, { sharedWithClient: false }), 404, "not_found");
    expect(issuePaths(await admin.patch(`/api/attachments/${file.id}`, { sharedWithClient: "yes" }))).toEqual(["body.sharedWithClient"]);
  });
});

describe("DELETE /api/attachments/:id", () => {
  it("204 removes the row and the stored file, audited; 403 for an assigned creator", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const up = await admin.upload(clientFiles(client.id), { name: "gone.png", bytes: PNG_BYTES });
    const key = await storageKeyOf(up.body.data.id);
    expect(await t.ctx.storage.exists(key)).toBe(true);
    await assignClient(t.database.db, client, team.users.creator.id);
    expectError(await creator.delete(`/api/attachments/${up.body.data.id}`), 403, "forbidden");
    expect((await admin.delete(`/api/attachments/${up.body.data.id}`)).status).toBe(204);
    expect(await t.ctx.storage.exists(key)).toBe(false);
    expect((await admin.get(clientFiles(client.id))).body.data).toEqual([]);
    expect((await auditRows(t, { entityId: client.id, action: "attachment.deleted" })).length).toBe(1);
    expectError(await admin.download(up.body.data.downloadUrl), 404, "not_found");
  });

  it("deleting a client deletes its attachments' rows and stored files", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const a = await admin.upload(clientFiles(client.id), { name: "a.png", bytes: PNG_BYTES });
    const b = await admin.upload(clientFiles(client.id), { name: "b.pdf", bytes: PDF_BYTES });
    const keys = [await storageKeyOf(a.body.data.id), await storageKeyOf(b.body.data.id)];
    expect((await admin.delete(`/api/clients/${client.id}`)).status).toBe(204);
    for (const key of keys) expect(await t.ctx.storage.exists(key)).toBe(false);
    const { rows } = await t.database.pool.query("SELECT 1 FROM attachments WHERE entity_id = $1", [client.id]);
    expect(rows).toEqual([]);
  });
});

describe("POST /api/clients/bulk (delete)", () => {
  it("deleting clients in bulk deletes their attachments' stored files after commit", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const file = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: team.workspace.id, entityType: "client", entityId: client.id });
    const res = await admin.post("/api/clients/bulk", { ids: [client.id], action: { type: "delete" } });
    expect(res.body).toEqual({ updated: 1, skipped: [] });
    expect(await t.ctx.storage.exists(file.storageKey)).toBe(false);
  });
});

describe("portal files", () => {
  it("GET /api/portal/files 200 lists only files shared with the portal user's own client", async () => {
    const ws = team.workspace.id;
    const shared = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: team.client.id }, { fileName: "shared.png", sharedWithClient: true });
    await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: team.client.id }, { fileName: "internal.png" });
    const otherClient = await buildClient(t.database.db, { workspaceId: ws });
    await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: otherClient.id }, { fileName: "theirs.png", sharedWithClient: true });
    const res = await portal.get("/api/portal/files");
    expect(res.status).toBe(200);
    const list = PortalFileListResponse.parse(res.body);
    expect(list.data.map((f) => f.fileName)).toEqual(["shared.png"]);
    expect(list.data[0]).toEqual({ id: shared.id, fileName: "shared.png", contentType: "image/png", size: PNG_BYTES.length, createdAt: expect.any(String), downloadUrl: `/api/portal/files/${shared.id}/download` });
    expect(res.body.data[0]).not.toHaveProperty("sha256");
  });

  it("GET /api/portal/files/:id/download 200 for a shared own file; 404 for an unshared one, another client's shared one, and staff routes stay 403", async () => {
    const ws = team.workspace.id;
    const mine = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: team.client.id }, { bytes: PDF_BYTES, contentType: "application/pdf", fileName: "invoice.pdf", sharedWithClient: true });
    const res = await portal.download(`/api/portal/files/${mine.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toContain('filename="invoice.pdf"');
    expect(Buffer.compare(res.body as Buffer, PDF_BYTES)).toBe(0);
    const unshared = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: team.client.id });
    expectError(await portal.download(`/api/portal/files/${unshared.id}/download`), 404, "not_found");
    const other = await buildClient(t.database.db, { workspaceId: ws });
    const theirs = await buildAttachment(t.database.db, t.ctx.storage, { workspaceId: ws, entityType: "client", entityId: other.id }, { sharedWithClient: true });
    expectError(await portal.download(`/api/portal/files/${theirs.id}/download`), 404, "not_found");
    expectError(await portal.download(`/api/attachments/${mine.id}/download`), 403, "forbidden");
    const staffUser = await buildUser(t.database.db, { workspaceId: ws, role: "manager" });
    expectError(await (await loginAs(t, staffUser)).get("/api/portal/files"), 403, "forbidden");
  });
});
