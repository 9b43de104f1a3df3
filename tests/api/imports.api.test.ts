import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportListResponse, ImportResponse, UploadImportResponse } from "../../shared/contracts/imports";
import { DEFAULT_ROLE_PERMISSIONS } from "../../shared/constants/roles";
import { activities, clients, contacts, importFiles, leads } from "../../server/db/schema";
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
  // Sales agents may import in this workspace; creators get imports.run but no write permission.
  expect((await admin.put("/api/roles/sales_agent/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent, "imports.run"] })).status).toBe(200);
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

describe("POST /api/imports/:id/dry-run", () => {
  it("200 with counts and per-row errors naming the row, column and field; nothing is written", async () => {
    const name = `dry-${hex()}.csv`;
    const csv = ["name,email,score,country", "Ada,ada@dry.test,50,GB", ",nobody@dry.test,10,GB", "Bob,not-an-email,500,GB", "Cy,cy@dry.test,5,Britain"].join("\n");
    const id = await prepared(admin, "lead", csv, {}, name);
    const res = await admin.post(`/api/imports/${id}/dry-run`);
    expect(res.status).toBe(200);
    const dto = ImportResponse.parse(res.body).data;
    expect(dto.status).toBe("dry_run");
    expect(dto.dryRun).toMatchObject({ total: 4, valid: 1, rejected: 3, wouldCreate: 1, wouldUpdate: 0, wouldSkip: 0 });
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
    const res = await admin.post(`/api/imports/${id}/dry-run`);
    expect(res.body.data.dryRun).toMatchObject({ valid: 1, rejected: 1 });
    expect(res.body.data.dryRun.rejectedRows[0]).toEqual({ row: 3, errors: [{ column: "tier", field: `cf.${key}`, message: "Choose one of the options" }] });
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

  it("a sales agent's contact import cannot attach to a client they cannot see", async () => {
    const hiddenClient = await buildClient(t.database.db, { workspaceId: team.workspace.id, name: `Hidden Client ${hex()}` });
    const id = await prepared(sales, "contact", `client,first name\n${hiddenClient.name},Sneaky\n`);
    const res = await sales.post(`/api/imports/${id}/dry-run`);
    expect(res.body.data.dryRun.rejectedRows).toEqual([{ row: 2, errors: [{ column: "client", field: "client", message: "No client you can see has this name or id" }] }]);
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
    expect((await admin.put("/api/roles/sales_agent/permissions", { permissions: DEFAULT_ROLE_PERMISSIONS.sales_agent.filter((p) => p !== "leads.write").concat("imports.run") })).status).toBe(200);
    await t.drainJobs();
    expect((await admin.put("/api/roles/sales_agent/permissions", { permissions: [...DEFAULT_ROLE_PERMISSIONS.sales_agent, "imports.run"] })).status).toBe(200);
    const res = await admin.get(`/api/imports/${id}`);
    expect(res.body.data).toMatchObject({ status: "failed", error: expect.stringMatching(/no longer has permission/) });
  });
});
