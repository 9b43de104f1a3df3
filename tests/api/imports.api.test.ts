import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportListResponse, ImportResponse, UploadImportResponse } from "../../shared/contracts/imports";
import { DEFAULT_ROLE_PERMISSIONS } from "../../shared/constants/roles";
import { activities, clients, contacts, importFiles, importRejects, imports, leads } from "../../server/db/schema";
import { importsCleanupJob } from "../../server/jobs/imports-cleanup.job";
import { runDryRun } from "../../server/modules/imports/import-runner";
import { buildClient, buildContact, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError, issuePaths } from "./support/helpers";

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let staff: ApiClient;
let sales: ApiClient;
let creator: ApiClient;

const hex = () => randomBytes(3).toString("hex");

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [admin, staff, sales, creator] = await Promise.all([
    loginAs(t, team.users.admin),
    loginAs(t, team.users.staff),
    loginAs(t, team.users.sales_agent),
    loginAs(t, team.users.creator),
  ]);
  // Sales agents import leads by default; creators get imports.run here but no write permission.
  expect((await admin.put("/api/roles/creator/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.creator, "imports.run"] })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

/** Uploads a CSV as multipart/form-data. */
function upload(client: ApiClient, entityType: string, csv: string, fileName = `file-${hex()}.csv`) {
  return client.agent
    .post(`/api/imports?entityType=${entityType}`)
    .set("X-CSRF-Token", client.csrfToken ?? "")
    .attach("file", Buffer.from(csv, "utf8"), { filename: fileName, contentType: "text/csv" });
}

/** Uploads, maps and configures; returns the import id. */
async function prepared(client: ApiClient, entityType: string, csv: string, config: Record<string, unknown> = {}, fileName?: string): Promise<string> {
  const res = await upload(client, entityType, csv, fileName);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = UploadImportResponse.parse(res.body).data.id;
  if (Object.keys(config).length) {
    const patched = await client.patch(`/api/imports/${id}`, config);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  }
  return id;
}

/** Queues the dry run (202, status checking), runs the job queue and returns the checked import. */
async function check(client: ApiClient, id: string) {
  const queued = await client.post(`/api/imports/${id}/dry-run`);
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  expect(queued.body.data).toMatchObject({ status: "checking", dryRun: { total: 0, finishedAt: null } });
  await t.drainJobs();
  const res = await client.get(`/api/imports/${id}`);
  expect(res.status).toBe(200);
  return ImportResponse.parse(res.body).data;
}

/** Starts an import, runs the job queue and returns the finished import. */
async function run(client: ApiClient, id: string) {
  const started = await client.post(`/api/imports/${id}/start`);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  expect(started.body.data.status).toBe("queued");
  await t.drainJobs();
  const res = await client.get(`/api/imports/${id}`);
  expect(res.status).toBe(200);
  return ImportResponse.parse(res.body).data;
}

async function insertLead(values: Partial<typeof leads.$inferInsert>) {
  const [row] = await t.database.db
    .insert(leads)
    .values({ workspaceId: team.workspace.id, name: `Lead ${hex()}`, ...values })
    .returning();
  return row!;
}

const leadsNamed = (fileName: string) => t.database.db.select().from(leads).where(and(eq(leads.workspaceId, team.workspace.id), eq(leads.sourceDetail, fileName)));

describe("POST /api/imports (upload)", () => {
  it("201 with the header, a sample and a mapping suggested from header names, custom field labels included", async () => {
    const field = await admin.post("/api/custom-fields", { entityType: "lead", label: `Budget ${hex()}`, type: "number" });
    expect(field.status).toBe(201);
    const label = field.body.data.label as string;
    const csv = `Full Name,E-mail,Phone Number,Company Name,${label},Favourite colour\nAda Lovelace,ada@engines.test,+44 20 7946 0958,Engines,1200,blue\n`;
    const res = await upload(admin, "lead", csv, "people.csv");
    expect(res.status).toBe(201);
    const body = UploadImportResponse.parse(res.body);
    expect(body.data).toMatchObject({ status: "uploaded", fileName: "people.csv", entityType: "lead", counts: { total: 1, processed: 0 } });
    expect(body.data.headers).toEqual(["Full Name", "E-mail", "Phone Number", "Company Name", label, "Favourite colour"]);
    expect(body.sample).toEqual([["Ada Lovelace", "ada@engines.test", "+44 20 7946 0958", "Engines", "1200", "blue"]]);
    expect(body.suggestedMapping).toEqual(["name", "email", "phone", "company", `cf.${field.body.data.key}`, null]);
    expect(body.data.mapping).toEqual(body.suggestedMapping);
    expect(body.targets.find((x) => x.key === `cf.${field.body.data.key}`)).toMatchObject({ label, custom: true });
  });

  it("reads semicolon-separated files with a byte-order mark", async () => {
    const res = await upload(admin, "client", "\uFEFFName;Website\nAcme;acme.test\n");
    expect(res.status).toBe(201);
    expect(res.body.data.headers).toEqual(["Name", "Website"]);
    expect(res.body.suggestedMapping).toEqual(["name", "website"]);
  });

  it("415 for a JSON body; 400 for an empty file and a file with only a header", async () => {
    expectError(await admin.post("/api/imports?entityType=lead", { file: "x" }), 415, "unsupported_media_type");
    expectError(await upload(admin, "lead", ""), 400, "validation_failed");
    const headerOnly = await upload(admin, "lead", "name,email\n");
    expectError(headerOnly, 400, "validation_failed");
    expect(issuePaths(headerOnly)).toEqual(["body.file"]);
  });

  it("400 for a malformed CSV (unclosed quote), naming the problem", async () => {
    const res = await upload(admin, "lead", 'name,email\n"Ada,ada@x.test\n');
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues[0].message).toMatch(/not valid CSV/);
  });

  it("400 for a file that is not UTF-8 (Excel's Windows-1252 CSV, or a PNG renamed .csv) instead of storing é as U+FFFD", async () => {
    for (const bytes of [Buffer.from("name,email\nCaf\xe9 Ren\xe9,rene@x.test\n", "latin1"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]) {
      const res = await admin.agent
        .post("/api/imports?entityType=lead")
        .set("X-CSRF-Token", admin.csrfToken ?? "")
        .attach("file", bytes, { filename: `latin1-${hex()}.csv`, contentType: "text/csv" });
      expectError(res, 400, "validation_failed");
      expect(res.body.error.details.issues).toEqual([{ path: "body.file", message: expect.stringContaining("not UTF-8") }]);
    }
    // A UTF-8 file with the same names (a multi-byte é split across any chunk boundary) is fine.
    const ok = await upload(admin, "lead", `name,email\n${"Café René,rene@x.test\n".repeat(20_000)}`);
    expect(ok.status).toBe(201);
    expect(ok.body.sample[0]).toEqual(["Café René", "rene@x.test"]);
  });

  it("400 without a valid entityType", async () => {
    const res = await upload(admin, "deal", "name\nx\n");
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["query.entityType"]);
  });

  it("403 when the caller may run imports but not write the record type", async () => {
    expectError(await upload(creator, "client", "name\nAcme\n"), 403, "forbidden");
  });
});

describe("PATCH /api/imports/:id (mapping and strategy)", () => {
  it("400 for an unknown target, a repeated target, a missing required field and a match key the type lacks", async () => {
    const id = await prepared(admin, "lead", "a,b,c\n1,2,3\n");
    const res = await admin.patch(`/api/imports/${id}`, { mapping: ["email", "email", "bogus"], matchOn: ["name"] });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.mapping", "body.mapping.1", "body.mapping.2", "body.matchOn.0"]);
  });

  it("400 when the mapping does not cover every column", async () => {
    const id = await prepared(admin, "lead", "a,b\n1,2\n");
    expectError(await admin.patch(`/api/imports/${id}`, { mapping: ["name"] }), 400, "validation_failed");
  });

  it("200 stores the mapping, strategy and match keys", async () => {
    const id = await prepared(admin, "lead", "who,mail\nAda,ada@x.test\n");
    const res = await admin.patch(`/api/imports/${id}`, { mapping: ["name", "email"], duplicateStrategy: "update", matchOn: ["email"] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ mapping: ["name", "email"], duplicateStrategy: "update", matchOn: ["email"], status: "uploaded" });
  });
});

describe("POST /api/imports/:id/dry-run (a background job)", () => {
  it("202 checking, then the job stores counts and per-row errors naming the row, column and field; nothing is written", async () => {
    const name = `dry-${hex()}.csv`;
    const csv = ["name,email,score,country", "Ada,ada@dry.test,50,GB", ",nobody@dry.test,10,GB", "Bob,not-an-email,500,GB", "Cy,cy@dry.test,5,Britain"].join("\n");
    const id = await prepared(admin, "lead", csv, {}, name);
    const dto = await check(admin, id);
    expect(dto.status).toBe("dry_run");
    expect(dto.dryRun).toMatchObject({ total: 4, valid: 1, rejected: 3, wouldCreate: 1, wouldUpdate: 0, wouldSkip: 0 });
    expect(dto.dryRun!.finishedAt).not.toBeNull();
    expect(dto.dryRun!.errorCounts).toEqual([
      { column: "name", field: "name", rows: 1 },
      { column: "email", field: "email", rows: 1 },
      { column: "score", field: "score", rows: 1 },
      { column: "country", field: "country", rows: 1 },
    ]);
    expect(dto.dryRun!.rejectedRows.map((r) => [r.row, r.errors.map((e) => `${e.column}|${e.field}`).sort()])).toEqual([
      [3, ["name|name"]],
      [4, ["email|email", "score|score"]],
      [5, ["country|country"]],
    ]);
    expect(await leadsNamed(name)).toHaveLength(0);
  });

  it("rejects custom values that do not fit the field, with the field's key", async () => {
    const field = await admin.post("/api/custom-fields", { entityType: "client", label: `Tier ${hex()}`, type: "select", options: ["Gold", "Silver"] });
    const key = field.body.data.key as string;
    const id = await prepared(admin, "client", `name,tier\nGoldie ${hex()},gold\nTinny ${hex()},tin\n`, { mapping: ["name", `cf.${key}`] });
    const dto = await check(admin, id);
    expect(dto.dryRun).toMatchObject({ valid: 1, rejected: 1 });
    expect(dto.dryRun!.rejectedRows[0]).toEqual({ row: 3, errors: [{ column: "tier", field: `cf.${key}`, message: "Choose one of the options" }] });
  });

  it("keeps the first 50 rejected rows but counts every one, per field", async () => {
    const bad = Array.from({ length: 1203 }, (_, i) => (i % 3 === 0 ? `Row ${i},not-an-email-${i}` : `Row ${i},row-${i}-${hex()}@cap.test`));
    const id = await prepared(admin, "lead", ["name,email", ...bad].join("\n"));
    const dto = await check(admin, id);
    // 1,203 rows span two batches of the job: the counts add up over both.
    expect(dto.dryRun).toMatchObject({ total: 1203, rejected: 401, valid: 802, wouldCreate: 802 });
    expect(dto.dryRun!.rejectedRows).toHaveLength(50);
    expect(dto.dryRun!.rejectedRows[0]!.row).toBe(2);
    expect(dto.dryRun!.errorCounts).toEqual([{ column: "email", field: "email", rows: 401 }]);
  });

  it("stores progress after each batch while the job runs (the UI polls it)", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `P${i},p${i}-${hex()}@progress.test`);
    const id = await prepared(admin, "lead", ["name,email", ...rows].join("\n"));
    const queued = await admin.post(`/api/imports/${id}/dry-run`);
    expect(queued.status).toBe(202);
    // The job's work with one-row batches, read over HTTP while it runs.
    const running = runDryRun(t.ctx, id, queued.body.data.dryRun.ranAt, 1);
    let midway: { status: string; dryRun: { total: number; finishedAt: string | null } } | undefined;
    await expect
      .poll(async () => {
        const now = (await admin.get(`/api/imports/${id}`)).body.data;
        if (now.status === "checking" && now.dryRun.total > 0 && now.dryRun.total < 300) midway = now;
        return midway !== undefined || now.status !== "checking";
      })
      .toBe(true);
    await running;
    expect(midway).toMatchObject({ status: "checking", dryRun: { finishedAt: null } });
    const after = ImportResponse.parse((await admin.get(`/api/imports/${id}`)).body).data;
    expect(after).toMatchObject({ status: "dry_run", dryRun: { total: 300, valid: 300 } });
    // The queued job then finds its check already finished and leaves it alone.
    await t.drainJobs();
    expect(ImportResponse.parse((await admin.get(`/api/imports/${id}`)).body).data.dryRun).toEqual(after.dryRun);
  });

  it("a mapping change while the check runs drops it: the queued job stops without storing anything", async () => {
    const id = await prepared(admin, "lead", "name,email\nAda,ada@drop.test\n");
    expect((await admin.post(`/api/imports/${id}/dry-run`)).status).toBe(202);
    const patched = await admin.patch(`/api/imports/${id}`, { duplicateStrategy: "update" });
    expect(patched.body.data).toMatchObject({ status: "uploaded", dryRun: null });
    await t.drainJobs();
    expect((await admin.get(`/api/imports/${id}`)).body.data).toMatchObject({ status: "uploaded", dryRun: null });
  });

  it("a newer check replaces an older one still queued: only the newer job stores its result", async () => {
    const id = await prepared(admin, "lead", "name,email\nAda,ada@twice.test\n");
    const first = await admin.post(`/api/imports/${id}/dry-run`);
    const second = await admin.post(`/api/imports/${id}/dry-run`);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.data.dryRun.ranAt).not.toBe(first.body.data.dryRun.ranAt);
    await t.drainJobs();
    const dto = ImportResponse.parse((await admin.get(`/api/imports/${id}`)).body).data;
    expect(dto).toMatchObject({ status: "dry_run", dryRun: { ranAt: second.body.data.dryRun.ranAt, total: 1 } });
  });
});

describe("running an import (job queue)", () => {
  it("202 queued, then the job creates the leads through intake (source import, file name, timeline) and completes", async () => {
    const name = `run-${hex()}.csv`;
    const csv = ["name,email,phone,tags,owner", `Ada,ada-${hex()}@run.test,+44 20 7946 0958,vip; web,${team.users.staff.email}`, `Bob,bob-${hex()}@run.test,,,`, "Bad,not-an-email,,,"].join("\n");
    const id = await prepared(admin, "lead", csv, { mapping: ["name", "email", "phone", "tags", "ownerEmail"] }, name);
    const done = await run(admin, id);
    expect(done).toMatchObject({ status: "completed", counts: { total: 3, processed: 3, created: 2, updated: 0, skipped: 0, rejected: 1 } });
    expect(done.finishedAt).not.toBeNull();
    // The stored file goes once the import is done (the rejects report keeps its rows).
    expect(await t.database.db.select().from(importFiles).where(eq(importFiles.importId, id))).toHaveLength(0);
    const rows = await leadsNamed(name);
    expect(rows).toHaveLength(2);
    const ada = rows.find((r) => r.name === "Ada")!;
    expect(ada).toMatchObject({ source: "import", phone: "+442079460958", tags: ["vip", "web"], ownerId: team.users.staff.id });
    const timeline = await t.database.db.select().from(activities).where(eq(activities.entityId, ada.id));
    expect(timeline.map((a) => a.kind)).toEqual(["created"]);
  });

  it("an owner column naming someone who can't own leads (a creator) is a per-row error; the other rows import", async () => {
    const name = `creator-owner-${hex()}.csv`;
    const csv = ["name,email,owner", `Staffed,s-${hex()}@own.test,${team.users.staff.email}`, `Created,c-${hex()}@own.test,${team.users.creator.email.toUpperCase()}`].join("\n");
    const id = await prepared(admin, "lead", csv, { mapping: ["name", "email", "ownerEmail"] }, name);
    const reason = { column: "owner", field: "ownerEmail", message: `${team.users.creator.name} can't see leads, so can't own one` };
    expect((await check(admin, id)).dryRun!.rejectedRows).toEqual([{ row: 3, errors: [reason] }]);
    expect((await run(admin, id)).counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await leadsNamed(name)).map((r) => [r.name, r.ownerId])).toEqual([["Staffed", team.users.staff.id]]);
  });

  it("creates clients and contacts (contacts attached to a visible client by name)", async () => {
    const clientName = `Globex ${hex()}`;
    const clientsId = await prepared(admin, "client", `name,website,city,country,owner\n${clientName},globex-${hex()}.test,Leeds,gb,${team.users.sales_agent.email}\n`, {
      mapping: ["name", "website", "address.city", "address.country", "ownerEmail"],
    });
    expect((await run(admin, clientsId)).counts).toMatchObject({ created: 1, rejected: 0 });
    const [client] = await t.database.db.select().from(clients).where(eq(clients.name, clientName));
    expect(client).toMatchObject({ address: { city: "Leeds", country: "GB" }, ownerId: team.users.sales_agent.id });
    expect(client!.website).toMatch(/^https:\/\/globex-/);

    const contactsId = await prepared(admin, "contact", `Company,Name,Email,Phone\n${clientName},Hank Scorpio,hank-${hex()}@globex.test,+1 (555) 010-9999\nNope Inc ${hex()},Who Ever,,\n`);
    const done = await run(admin, contactsId);
    expect(done.counts).toMatchObject({ created: 1, rejected: 1 });
    const [hank] = await t.database.db.select().from(contacts).where(eq(contacts.clientId, client!.id));
    expect(hank).toMatchObject({ firstName: "Hank", lastName: "Scorpio", phone: "+15550109999" });
  });
});

describe("duplicates", () => {
  it("email: skip leaves the record, update changes it, create adds another", async () => {
    const email = `dup-${hex()}@match.test`;
    const existing = await insertLead({ email, name: "Original", company: "Old Co" });
    const csv = `name,email,company\nFrom File,${email.toUpperCase()},New Co\n`;

    const skip = await run(admin, await prepared(admin, "lead", csv, { duplicateStrategy: "skip" }));
    expect(skip.counts).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    const [afterSkip] = await t.database.db.select().from(leads).where(eq(leads.id, existing.id));
    expect(afterSkip).toMatchObject({ name: "Original", company: "Old Co" });

    const update = await run(admin, await prepared(admin, "lead", csv, { duplicateStrategy: "update" }));
    expect(update.counts).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    const [afterUpdate] = await t.database.db.select().from(leads).where(eq(leads.id, existing.id));
    expect(afterUpdate).toMatchObject({ name: "From File", company: "New Co" });

    const create = await run(admin, await prepared(admin, "lead", csv, { duplicateStrategy: "create" }));
    expect(create.counts).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    const all = await t.database.db.select().from(leads).where(eq(leads.email, email));
    expect(all).toHaveLength(2);
  });

  it("phone: '+44 20 7946 0958' in the file matches a stored '+442079460958'", async () => {
    const phone = `+4420${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 9)} ${phone.slice(9)}`;
    const existing = await insertLead({ phone, name: "Phone Person" });
    const done = await run(admin, await prepared(admin, "lead", `name,phone,notes\nPhone Person,${spaced},called back\n`, { duplicateStrategy: "update", matchOn: ["phone"] }));
    expect(done.counts).toMatchObject({ updated: 1, created: 0 });
    const [after] = await t.database.db.select().from(leads).where(eq(leads.id, existing.id));
    expect(after!.notes).toBe("called back");
  });

  it("contacts match by E.164 phone too", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const contact = await buildContact(t.database.db, { clientId: client.id, workspaceId: team.workspace.id, phone: "+442079460111", email: null });
    const done = await run(admin, await prepared(admin, "contact", `client,first name,phone,title\n${client.id},Pat,+44 20 7946 0111,CFO\n`, { duplicateStrategy: "update" }));
    expect(done.counts).toMatchObject({ updated: 1, created: 0 });
    const [after] = await t.database.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(after).toMatchObject({ title: "CFO", clientId: client.id });
  });

  it("domain: a lead at the same company domain is matched; gmail addresses are not", async () => {
    const domain = `initech-${hex()}.test`;
    await insertLead({ email: `peter@${domain}`, name: "Peter" });
    await insertLead({ email: "someone@gmail.com", name: "Someone" });
    const done = await run(admin, await prepared(admin, "lead", `name,email\nBill,bill@${domain}\nOther,other-${hex()}@gmail.com\n`, { duplicateStrategy: "skip", matchOn: ["domain"] }));
    expect(done.counts).toMatchObject({ skipped: 1, created: 1 });
  });

  it("clients match by website domain whatever the scheme or www", async () => {
    const domain = `hooli-${hex()}.test`;
    const existing = await buildClient(t.database.db, { workspaceId: team.workspace.id, website: `https://www.${domain}/about`, name: "Hooli" });
    const done = await run(admin, await prepared(admin, "client", `name,website,industry\nHooli XYZ,${domain},Search\n`, { duplicateStrategy: "update" }));
    expect(done.counts).toMatchObject({ updated: 1, created: 0 });
    const [after] = await t.database.db.select().from(clients).where(eq(clients.id, existing.id));
    expect(after).toMatchObject({ name: "Hooli XYZ", industry: "Search" });
  });

  it("a row repeating an earlier new row of the same file is not inserted twice (skip)", async () => {
    const email = `twice-${hex()}@match.test`;
    const name = `twice-${hex()}.csv`;
    const done = await run(admin, await prepared(admin, "lead", `name,email\nOne,${email}\nTwo,${email}\n`, { duplicateStrategy: "skip" }, name));
    expect(done.counts).toMatchObject({ created: 1, skipped: 1 });
    expect(await leadsNamed(name)).toHaveLength(1);
  });

  it("a sales agent's import neither matches nor updates a lead they cannot see", async () => {
    const email = `hidden-${hex()}@match.test`;
    const hidden = await insertLead({ email, name: "Hidden", ownerId: team.users.staff.id, company: "Secret" });
    const name = `agent-${hex()}.csv`;
    const done = await run(sales, await prepared(sales, "lead", `name,email,company\nMine,${email},Public\n`, { duplicateStrategy: "update" }, name));
    expect(done.counts).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    const [after] = await t.database.db.select().from(leads).where(eq(leads.id, hidden.id));
    expect(after).toMatchObject({ name: "Hidden", company: "Secret", ownerId: team.users.staff.id });
    const [mine] = await leadsNamed(name);
    expect(mine).toMatchObject({ ownerId: team.users.sales_agent.id, company: "Public" });
  });

  it("a contact import cannot attach to a client the importer cannot see (a creator sees assigned clients only)", async () => {
    expect((await admin.put("/api/roles/creator/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.creator, "imports.run", "clients.write"] })).status).toBe(200);
    try {
      const hiddenClient = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: `Hidden Client ${hex()}` });
      const id = await prepared(creator, "contact", `client,first name\n${hiddenClient.name},Sneaky\n`);
      const dto = await check(creator, id);
      expect(dto.dryRun!.rejectedRows).toEqual([{ row: 2, errors: [{ column: "client", field: "client", message: "No client you can see has this name or id" }] }]);
    } finally {
      expect((await admin.put("/api/roles/creator/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.creator, "imports.run"] })).status).toBe(200);
    }
  });
});

describe("sales agents import leads", () => {
  it("hold imports.run by default", () => {
    expect(DEFAULT_ROLE_PERMISSIONS.sales_agent).toContain("imports.run");
  });

  it("403 when a sales agent uploads clients or contacts (they may write clients, but import leads only)", async () => {
    for (const entity of ["client", "contact"]) {
      const res = await upload(sales, entity, "name\nAcme\n");
      expectError(res, 403, "forbidden");
      expect(res.body.error.message).toMatch(/leads only/);
    }
  });

  it("the leads they import are theirs; a row naming another owner is rejected with the reason, their own email is accepted", async () => {
    const name = `agent-owner-${hex()}.csv`;
    const csv = ["name,email,owner", `Unowned,u-${hex()}@agent.test,`, `Mine,m-${hex()}@agent.test,${team.users.sales_agent.email}`, `Theirs,t-${hex()}@agent.test,${team.users.staff.email}`].join("\n");
    const id = await prepared(sales, "lead", csv, { mapping: ["name", "email", "ownerEmail"] }, name);
    const dto = await check(sales, id);
    expect(dto.dryRun).toMatchObject({ total: 3, valid: 2, rejected: 1 });
    const reason = { column: "owner", field: "ownerEmail", message: "You can only import leads you own: leave the owner empty or use your own email" };
    expect(dto.dryRun!.rejectedRows).toEqual([{ row: 4, errors: [reason] }]);
    const done = await run(sales, id);
    expect(done.counts).toMatchObject({ created: 2, rejected: 1 });
    const rows = await leadsNamed(name);
    expect(rows.map((r) => [r.name, r.ownerId]).sort()).toEqual([
      ["Mine", team.users.sales_agent.id],
      ["Unowned", team.users.sales_agent.id],
    ]);
    // They see what they imported.
    const listed = await sales.get(`/api/leads?q=${encodeURIComponent("Unowned")}&limit=200`);
    expect(listed.body.data.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(rows.filter((r) => r.name === "Unowned").map((r) => r.id)));
    const report = await sales.get(`/api/imports/${id}/rejects.csv`);
    expect(report.status).toBe(200);
    expect(report.text).toContain("You can only import leads you own");
  });
});

describe("imports.cleanup (hourly job)", () => {
  /** An import of the team's workspace with a stored file, its times moved into the past. */
  async function aged(status: string, hoursAgo: number, finishedHoursAgo: number | null = null) {
    const past = new Date(Date.now() - hoursAgo * 3600_000);
    const [row] = await t.database.db
      .insert(imports)
      .values({
        workspaceId: team.workspace.id,
        entityType: "lead",
        fileName: `aged-${hex()}.csv`,
        headers: ["name"],
        mapping: ["name"],
        matchOn: ["email"],
        totalRows: 1,
        rejected: finishedHoursAgo === null ? 0 : 1,
        status: status as "uploaded",
        createdById: team.users.admin.id,
        createdAt: past,
        updatedAt: past,
        finishedAt: finishedHoursAgo === null ? null : new Date(Date.now() - finishedHoursAgo * 3600_000),
      })
      .returning();
    await t.database.db.insert(importFiles).values({ importId: row!.id, seq: 0, data: Buffer.from("name\nAged\n") });
    if (finishedHoursAgo !== null) await t.database.db.insert(importRejects).values({ importId: row!.id, rowNumber: 2, raw: [""], errors: [{ column: "name", field: "name", message: "Enter the lead's name" }] });
    return row!.id;
  }
  const filesOf = async (id: string) => (await t.database.db.select().from(importFiles).where(eq(importFiles.importId, id))).length;
  const exists = async (id: string) => (await t.database.db.select().from(imports).where(eq(imports.id, id))).length === 1;

  it("deletes uploads not started for 24 h with their files, and the files finished imports still hold after 7 days; keeps the rest", async () => {
    const abandoned = await aged("uploaded", 25);
    const abandonedChecked = await aged("dry_run", 30);
    const fresh = await aged("uploaded", 23);
    const running = await aged("running", 48);
    const finishedLongAgo = await aged("completed", 24 * 9, 24 * 8);
    const finishedRecently = await aged("completed", 24 * 3, 24 * 2);
    expect(await t.ctx.jobs.enqueue(importsCleanupJob, {})).not.toBeNull();
    expect((await t.drainJobs()).failed).toBe(0);

    expect(await exists(abandoned)).toBe(false);
    expect(await exists(abandonedChecked)).toBe(false);
    expect(await filesOf(abandoned)).toBe(0);
    expect([await exists(fresh), await filesOf(fresh)]).toEqual([true, 1]);
    expect([await exists(running), await filesOf(running)]).toEqual([true, 1]);
    expect([await exists(finishedRecently), await filesOf(finishedRecently)]).toEqual([true, 1]);
    // The finished import stays, without its file; its rejected-rows report is still there.
    expect([await exists(finishedLongAgo), await filesOf(finishedLongAgo)]).toEqual([true, 0]);
    const report = await admin.get(`/api/imports/${finishedLongAgo}/rejects.csv`);
    expect(report.status).toBe(200);
    expect(report.text).toContain("Enter the lead's name");
    expectError(await admin.get(`/api/imports/${abandoned}`), 404, "not_found");
  });

  it("is scheduled hourly by the job runner", () => {
    expect(importsCleanupJob.cron).toBe("41 * * * *");
  });
});

describe("GET /api/imports/:id/rejects.csv", () => {
  it("200 streams the rejected rows: original columns, row number and reasons", async () => {
    const id = await prepared(admin, "lead", 'name,email,notes\nGood,good@rej.test,ok\n,missing@rej.test,"has, comma"\nBad,bad-email,=cmd\n');
    const done = await run(admin, id);
    expect(done.counts.rejected).toBe(2);
    expect(done.abilities.downloadRejects).toBe(true);
    const res = await admin.get(`/api/imports/${id}/rejects.csv`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/rejected-rows\.csv/);
    expect(res.text.split("\r\n")).toEqual([
      "name,email,notes,row,errors",
      `,missing@rej.test,"has, comma",3,name: Enter the lead's name`,
      "Bad,bad-email,'=cmd,4,email: Enter a valid email address",
      "",
    ]);
  });

  it("404 for another user's import when the caller only sees their own", async () => {
    const id = await prepared(admin, "lead", "name\nX\n");
    expectError(await staff.get(`/api/imports/${id}/rejects.csv`), 404, "not_found");
  });
});

describe("resume after a crash", () => {
  it("a batch that fails mid-way rolls back alone; the retry resumes from the checkpoint without duplicates", async () => {
    const name = `crash-${hex()}.csv`;
    const marker = `Crash ${hex()}`;
    const lines = ["name,email"];
    for (let i = 1; i <= 2500; i++) lines.push(`${i === 1500 ? marker : `Person ${i}`},p${i}-${hex()}@crash.test`);
    const id = await prepared(admin, "lead", lines.join("\n"), {}, name);
    // A trigger makes the second batch fail, as a crash in the middle of it would.
    const fn = `crash_${hex()}`;
    await t.database.pool.query(`create function ${fn}() returns trigger language plpgsql as $$ begin if new.name = '${marker}' then raise exception 'simulated crash'; end if; return new; end $$`);
    await t.database.pool.query(`create trigger ${fn} before insert on leads for each row execute function ${fn}()`);
    const started = await admin.post(`/api/imports/${id}/start`);
    expect(started.status).toBe(202);
    const first = await t.drainJobs();
    expect(first).toMatchObject({ failed: 1 });
    const mid = ImportResponse.parse((await admin.get(`/api/imports/${id}`)).body).data;
    expect(mid).toMatchObject({ status: "running", counts: { processed: 1000, created: 1000 } });
    expect(await leadsNamed(name)).toHaveLength(1000);

    await t.database.pool.query(`drop trigger ${fn} on leads; drop function ${fn}()`);
    await t.ctx.jobs.drain({ includeDelayed: true });
    const done = ImportResponse.parse((await admin.get(`/api/imports/${id}`)).body).data;
    expect(done).toMatchObject({ status: "completed", counts: { total: 2500, processed: 2500, created: 2500, rejected: 0 } });
    const [{ n, distinct }] = (
      await t.database.db
        .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${leads.email})::int` })
        .from(leads)
        .where(eq(leads.sourceDetail, name))
    ) as [{ n: number; distinct: number }];
    expect({ n, distinct }).toEqual({ n: 2500, distinct: 2500 });
    // Inline drains also run each batch's duplicates.rescore job: 2,500 look-alike names ("Person N")
    // cost one trigram comparison against most of the workspace per lead.
  }, 120_000);

  it("running the same import again after it completed writes nothing", async () => {
    const name = `again-${hex()}.csv`;
    const id = await prepared(admin, "lead", `name,email\nA,a-${hex()}@again.test\n`, {}, name);
    await run(admin, id);
    const { runImport } = await import("../../server/modules/imports/import-runner");
    await runImport(t.ctx, id);
    expect(await leadsNamed(name)).toHaveLength(1);
  });
});

describe("cancel, list and permissions", () => {
  it("200 cancels an uploaded import; starting it afterwards is 409", async () => {
    const id = await prepared(admin, "lead", "name\nX\n");
    const res = await admin.post(`/api/imports/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe("cancelled");
    expectError(await admin.post(`/api/imports/${id}/start`), 409, "invalid_state");
    expectError(await admin.post(`/api/imports/${id}/cancel`), 409, "invalid_state");
  });

  it("a queued import cancelled before its job runs writes nothing", async () => {
    const name = `cancel-${hex()}.csv`;
    const id = await prepared(admin, "lead", "name\nX\n", {}, name);
    expect((await admin.post(`/api/imports/${id}/start`)).status).toBe(202);
    expect((await admin.post(`/api/imports/${id}/cancel`)).status).toBe(200);
    await t.drainJobs();
    expect((await admin.get(`/api/imports/${id}`)).body.data.status).toBe("cancelled");
    expect(await leadsNamed(name)).toHaveLength(0);
  });

  it("lists newest first with keyset paging; staff see only their own imports, admins all", async () => {
    const mine = await prepared(staff, "lead", "name\nS1\n");
    const mine2 = await prepared(staff, "lead", "name\nS2\n");
    const first = await staff.get("/api/imports?limit=1");
    expect(first.status).toBe(200);
    const page1 = ImportListResponse.parse(first.body);
    expect(page1.data.map((d) => d.id)).toEqual([mine2]);
    const page2 = ImportListResponse.parse((await staff.get(`/api/imports?limit=1&cursor=${encodeURIComponent(page1.meta.nextCursor!)}`)).body);
    expect(page2.data.map((d) => d.id)).toEqual([mine]);
    const all = ImportListResponse.parse((await staff.get("/api/imports?limit=200")).body);
    expect(all.data.every((d) => d.createdBy?.id === team.users.staff.id)).toBe(true);
    const adminList = ImportListResponse.parse((await admin.get("/api/imports?limit=200&entityType=lead")).body);
    expect(adminList.data.map((d) => d.id)).toEqual(expect.arrayContaining([mine, mine2]));
  });

  it("the job fails the import when the importer lost the write permission meanwhile", async () => {
    const id = await prepared(sales, "lead", "name\nLate\n");
    expect((await sales.post(`/api/imports/${id}/start`)).status).toBe(202);
    expect((await admin.put("/api/roles/sales_agent/permissions", { permissions: DEFAULT_ROLE_PERMISSIONS.sales_agent.filter((p) => p !== "leads.write") })).status).toBe(200);
    await t.drainJobs();
    expect((await admin.put("/api/roles/sales_agent/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent] })).status).toBe(200);
    const res = await admin.get(`/api/imports/${id}`);
    expect(res.body.data).toMatchObject({ status: "failed", error: expect.stringMatching(/no longer has permission/) });
  });
});
