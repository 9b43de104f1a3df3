import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientListResponse, ClientResponse } from "../../shared/contracts/clients";
import { ContactListResponse, ContactResponse } from "../../shared/contracts/contacts";
import { CustomFieldListResponse, CustomFieldResponse, type CustomFieldType } from "../../shared/contracts/custom-fields";
import { assignClient, buildClient, buildContact, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");

/** A fresh workspace (definitions are per workspace) with signed-in admin, staff and sales agent. */
async function newTeam() {
  const team = await buildTeam(t.database.db);
  const [admin, staff, sales] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.staff), loginAs(t, team.users.sales_agent)]);
  return { team, admin, staff, sales };
}

async function define(admin: ApiClient, body: Record<string, unknown>) {
  const res = await admin.post("/api/custom-fields", { entityType: "client", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return CustomFieldResponse.parse(res.body).data;
}

const CHOICES = ["alpha", "beta", "gamma"];
/** One field of each type, with a valid and an invalid value. */
const TYPES: { type: CustomFieldType; valid: unknown; invalid: unknown }[] = [
  { type: "text", valid: "Hello", invalid: 42 },
  { type: "number", valid: 3.5, invalid: "3.5" },
  { type: "money", valid: { amountMinor: 1500, currency: "USD" }, invalid: { amountMinor: -1, currency: "USD" } },
  { type: "date", valid: "2025-01-31", invalid: "31/01/2025" },
  { type: "select", valid: "beta", invalid: "delta" },
  { type: "multi_select", valid: ["alpha", "gamma"], invalid: ["alpha", "delta"] },
  { type: "checkbox", valid: true, invalid: "yes" },
  { type: "url", valid: "https://example.com/x", invalid: "example.com" },
];

async function defineAllTypes(admin: ApiClient, entityType: "client" | "contact") {
  for (const f of TYPES) {
    await define(admin, { entityType, key: `f_${f.type}`, label: `F ${f.type}`, type: f.type, ...(f.type.includes("select") ? { options: CHOICES } : {}) });
  }
}

describe("custom field definitions", () => {
  it("POST derives the key from the label, orders by position, audits; 409 on a taken key; GET lists with abilities", async () => {
    const { admin, staff, team } = await newTeam();
    const budget = await define(admin, { label: "Budget (USD)", type: "number" });
    expect(budget).toMatchObject({ key: "budget_usd", entityType: "client", type: "number", options: [], required: false, position: 0 });
    const tier = await define(admin, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    expect(tier.position).toBe(1);
    const audit = await auditRows(t, { entityId: budget.id, action: "custom_field.created" });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(team.users.admin.id);

    expectError(await admin.post("/api/custom-fields", { entityType: "client", label: "Budget USD", type: "text" }), 409, "already_exists");
    // The same key on another record type is a different field.
    await define(admin, { entityType: "contact", label: "Budget USD", type: "text" });

    const list = CustomFieldListResponse.parse((await admin.get("/api/custom-fields?entityType=client")).body);
    expect(list.data.map((d) => d.key)).toEqual(["budget_usd", "tier"]);
    expect(list.abilities.manage).toBe(true);
    const both = CustomFieldListResponse.parse((await staff.get("/api/custom-fields")).body);
    expect(both.data).toHaveLength(3);
    expect(both.abilities.manage).toBe(false);
  });

  it("201 field_<n> keys for labels without Latin letters or digits, so a second one is not a 409", async () => {
    const { admin } = await newTeam();
    expect(await define(admin, { label: "予算", type: "text" })).toMatchObject({ key: "field_1", label: "予算" });
    expect(await define(admin, { label: "!!!", type: "text" })).toMatchObject({ key: "field_2", label: "!!!" });
    expect(await define(admin, { label: "Бюджет", type: "number" })).toMatchObject({ key: "byudzhet" });
    // Numbering is per record type, like keys themselves.
    expect(await define(admin, { entityType: "contact", label: "予算", type: "text" })).toMatchObject({ key: "field_1" });
  });

  it("400 on invalid bodies", async () => {
    const { admin } = await newTeam();
    const res = await admin.post("/api/custom-fields", { entityType: "client", label: "Tier", type: "select" });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.options"]);
    const bad = await admin.post("/api/custom-fields", { entityType: "invoice", label: "", key: "9x", type: "colour" });
    expect(issuePaths(bad)).toEqual(["body.entityType", "body.key", "body.label", "body.type"]);
  });

  it("PATCH edits label, options, required and position (audited); choices only on select fields", async () => {
    const { admin } = await newTeam();
    const tier = await define(admin, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    const res = await admin.patch(`/api/custom-fields/${tier.id}`, { label: "Level", options: ["Gold", "Bronze"], required: true, position: 5 });
    expect(res.status).toBe(200);
    expect(CustomFieldResponse.parse(res.body).data).toMatchObject({ key: "tier", label: "Level", options: ["Gold", "Bronze"], required: true, position: 5 });
    const [row] = await auditRows(t, { entityId: tier.id, action: "custom_field.updated" });
    expect(row!.changes).toMatchObject({ key: "tier", label: { from: "Tier", to: "Level" }, options: { from: ["Gold", "Silver"], to: ["Gold", "Bronze"] } });
    const text = await define(admin, { label: "Note", type: "text" });
    expect(issuePaths(await admin.patch(`/api/custom-fields/${text.id}`, { options: ["x"] }))).toEqual(["body.options"]);
    expect(issuePaths(await admin.patch(`/api/custom-fields/${tier.id}`, { options: [] }))).toEqual(["body.options"]);
    expectError(await admin.patch(`/api/custom-fields/${tier.id}`, { key: "other" }), 400, "validation_failed");
  });

  it("removing a choice records still use is allowed; the record keeps it until its values are next edited", async () => {
    const { admin } = await newTeam();
    const tier = await define(admin, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    const client = ClientResponse.parse((await admin.post("/api/clients", { name: `C ${hex()}`, customFields: { tier: "Silver" } })).body).data;
    expect((await admin.patch(`/api/custom-fields/${tier.id}`, { options: ["Gold"] })).status).toBe(200);
    expect((await admin.get(`/api/clients/${client.id}`)).body.data.customFields).toEqual({ tier: "Silver" });
    expect((await admin.patch(`/api/clients/${client.id}`, { industry: "Media" })).status).toBe(200);
    expect(issuePaths(await admin.patch(`/api/clients/${client.id}`, { customFields: { tier: "Silver" } }))).toEqual(["body.customFields.tier"]);
  });

  it("DELETE removes the field and its values from every record in the workspace (audited), not other workspaces'", async () => {
    const { admin, team } = await newTeam();
    const other = await newTeam();
    const code = await define(admin, { label: "Code", type: "text" });
    await define(admin, { label: "Keep", type: "text" });
    const otherCode = await define(other.admin, { label: "Code", type: "text" });
    const a = ClientResponse.parse((await admin.post("/api/clients", { name: `A ${hex()}`, customFields: { code: "x1", keep: "k" } })).body).data;
    const b = ClientResponse.parse((await admin.post("/api/clients", { name: `B ${hex()}`, customFields: { code: "x2" } })).body).data;
    const o = ClientResponse.parse((await other.admin.post("/api/clients", { name: `O ${hex()}`, customFields: { code: "x3" } })).body).data;
    expect((await admin.delete(`/api/custom-fields/${code.id}`)).status).toBe(204);
    expect((await admin.get(`/api/clients/${a.id}`)).body.data.customFields).toEqual({ keep: "k" });
    expect((await admin.get(`/api/clients/${b.id}`)).body.data.customFields).toEqual({});
    expect((await other.admin.get(`/api/clients/${o.id}`)).body.data.customFields).toEqual({ code: "x3" });
    expect(otherCode.key).toBe("code");
    const [row] = await auditRows(t, { entityId: code.id, action: "custom_field.deleted" });
    expect(row!.changes).toMatchObject({ key: "code", recordsCleared: 2 });
    expect(row!.workspace_id).toBe(team.workspace.id);
    // The key is free again, and the old values do not come back.
    await define(admin, { label: "Code", type: "number" });
    expect((await admin.get(`/api/clients/${a.id}`)).body.data.customFields).toEqual({ keep: "k" });
  });
});

for (const entity of ["client", "contact"] as const) {
  describe(`custom values on ${entity}s`, () => {
    let ctx: Awaited<ReturnType<typeof newTeam>>;
    const base = () => (entity === "client" ? { name: `R ${hex()}` } : { clientId: ctx.team.client.id, firstName: `R${hex()}` });
    const path = `/api/${entity}s`;
    const parse = (body: unknown) => (entity === "client" ? ClientResponse.parse(body).data : ContactResponse.parse(body).data);
    beforeAll(async () => {
      ctx = await newTeam();
      await defineAllTypes(ctx.admin, entity);
    });

    it("201 stores every type's valid value; 400 lists each invalid one at body.customFields.<key>", async () => {
      const valid = Object.fromEntries(TYPES.map((f) => [`f_${f.type}`, f.valid]));
      const res = await ctx.admin.post(path, { ...base(), customFields: valid });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(parse(res.body).customFields).toEqual(valid);
      const twice = await ctx.admin.post(path, { ...base(), customFields: { f_multi_select: ["beta", "beta", "alpha"] } });
      expect(parse(twice.body).customFields).toEqual({ f_multi_select: ["beta", "alpha"] });
      const bad = await ctx.admin.post(path, { ...base(), customFields: { ...Object.fromEntries(TYPES.map((f) => [`f_${f.type}`, f.invalid])), nope: 1 } });
      expectError(bad, 400, "validation_failed");
      expect(issuePaths(bad)).toEqual([...TYPES.map((f) => `body.customFields.f_${f.type}`), "body.customFields.nope"].sort());
    });

    for (const f of TYPES) {
      it(`PATCH ${f.type}: valid value merges into the stored ones; invalid is 400; null clears`, async () => {
        const created = parse((await ctx.admin.post(path, { ...base(), customFields: { f_text: "kept" } })).body);
        const ok = await ctx.admin.patch(`${path}/${created.id}`, { customFields: { [`f_${f.type}`]: f.valid } });
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        expect(parse(ok.body).customFields).toEqual(f.type === "text" ? { f_text: f.valid } : { f_text: "kept", [`f_${f.type}`]: f.valid });
        const bad = await ctx.admin.patch(`${path}/${created.id}`, { customFields: { [`f_${f.type}`]: f.invalid } });
        expectError(bad, 400, "validation_failed");
        expect(issuePaths(bad)).toEqual([`body.customFields.f_${f.type}`]);
        const cleared = await ctx.admin.patch(`${path}/${created.id}`, { customFields: { [`f_${f.type}`]: null } });
        expect(parse(cleared.body).customFields).not.toHaveProperty(`f_${f.type}`);
      });
    }

    it("an update with custom changes writes them to the timeline and the audit log; \"\" clears a key", async () => {
      const created = parse((await ctx.admin.post(path, { ...base(), customFields: { f_text: "one", f_number: 1 } })).body);
      await ctx.admin.patch(`${path}/${created.id}`, { customFields: { f_text: "two", f_number: "" } });
      const [audit] = await auditRows(t, { entityId: created.id, action: `${entity}.updated` });
      expect(audit!.changes).toEqual({ customFields: { f_text: { from: "one", to: "two" }, f_number: { from: 1, to: null } } });
      const timeline = (await ctx.admin.get(`/api/activities?entityType=${entity}&entityId=${created.id}`)).body.data as { kind: string; meta: Record<string, unknown> | null }[];
      const updated = timeline.find((a) => a.kind === "updated");
      expect(updated?.meta).toMatchObject({ fields: ["customFields"], changes: { customFields: { f_text: { from: "one", to: "two" } } } });
      expect(parse((await ctx.admin.get(`${path}/${created.id}`)).body).customFields).toEqual({ f_text: "two" });
    });
  });
}

describe("required custom fields", () => {
  it("are enforced on create and when a change clears them, not on unrelated edits of older records", async () => {
    const { admin } = await newTeam();
    const older = ClientResponse.parse((await admin.post("/api/clients", { name: `Old ${hex()}` })).body).data;
    await define(admin, { label: "Segment", type: "select", options: ["smb", "ent"], required: true });
    const missing = await admin.post("/api/clients", { name: `New ${hex()}` });
    expectError(missing, 400, "validation_failed");
    expect(issuePaths(missing)).toEqual(["body.customFields.segment"]);
    const created = await admin.post("/api/clients", { name: `New ${hex()}`, customFields: { segment: "smb" } });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(issuePaths(await admin.patch(`/api/clients/${id}`, { customFields: { segment: null } }))).toEqual(["body.customFields.segment"]);
    expect((await admin.patch(`/api/clients/${older.id}`, { industry: "Retail" })).status).toBe(200);
    expect(issuePaths(await admin.patch(`/api/clients/${older.id}`, { customFields: {} }))).toEqual(["body.customFields.segment"]);
  });
});

describe("list filters and sort on custom fields", () => {
  let ctx: Awaited<ReturnType<typeof newTeam>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await newTeam();
    await defineAllTypes(ctx.admin, "client");
    const rows: Record<string, Record<string, unknown>> = {
      one: { f_text: "Big Apple Corp", f_number: 10, f_date: "2025-01-31", f_select: "alpha", f_multi_select: ["alpha", "beta"], f_checkbox: true, f_url: "https://apple.example/x" },
      two: { f_text: "small pear", f_number: 9, f_date: "2025-02-01", f_select: "beta", f_multi_select: ["beta"], f_checkbox: false, f_url: "https://pear.example" },
      three: { f_text: "apple pie", f_number: 100, f_select: "beta", f_multi_select: ["gamma"] },
      four: {},
    };
    for (const [name, customFields] of Object.entries(rows)) {
      const res = await ctx.admin.post("/api/clients", { name: `${name} ${hex()}`, customFields });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[name] = res.body.data.id;
    }
  });

  const listed = async (client: ApiClient, query: string) => {
    const res = await client.get(`/api/clients?${query}&limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const names = Object.entries(ids);
    return ClientListResponse.parse(res.body)
      .data.map((c) => names.find(([, id]) => id === c.id)?.[0])
      .filter(Boolean)
      .sort();
  };

  it("filters by each type (exact, multi-select contains, case-insensitive fragment), ANDed with each other", async () => {
    expect(await listed(ctx.admin, "cf=f_text:APPLE")).toEqual(["one", "three"]);
    expect(await listed(ctx.admin, "cf=f_url:pear.ex")).toEqual(["two"]);
    expect(await listed(ctx.admin, "cf=f_number:10")).toEqual(["one"]);
    expect(await listed(ctx.admin, "cf=f_number:9.0")).toEqual(["two"]);
    expect(await listed(ctx.admin, "cf=f_date:2025-02-01")).toEqual(["two"]);
    expect(await listed(ctx.admin, "cf=f_select:beta")).toEqual(["three", "two"]);
    expect(await listed(ctx.admin, "cf=f_multi_select:beta")).toEqual(["one", "two"]);
    expect(await listed(ctx.admin, "cf=f_checkbox:false")).toEqual(["two"]);
    expect(await listed(ctx.admin, "cf=f_checkbox:true")).toEqual(["one"]);
    expect(await listed(ctx.admin, "cf=f_select:beta&cf=f_text:apple")).toEqual(["three"]);
    expect(await listed(ctx.admin, "cf=f_text:100%25")).toEqual([]);
  });

  it("400 on an unknown key, a value of the wrong type, a money filter or a malformed filter", async () => {
    expect(issuePaths(await ctx.admin.get("/api/clients?cf=nope:1"))).toEqual(["query.cf"]);
    expect(issuePaths(await ctx.admin.get("/api/clients?cf=f_number:ten&cf=f_checkbox:yes"))).toEqual(["query.cf.0", "query.cf.1"]);
    expect(issuePaths(await ctx.admin.get("/api/clients?cf=f_money:100"))).toEqual(["query.cf"]);
    expectError(await ctx.admin.get("/api/clients?cf=novalue"), 400, "validation_failed");
  });

  it("sorts by a custom field through every page, numbers numerically, records without a value last (both orders)", async () => {
    const walk = async (query: string) => {
      const out: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const res = await ctx.admin.get(`/api/clients?${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const body = ClientListResponse.parse(res.body);
        out.push(...body.data.map((c) => c.id));
        cursor = body.meta.nextCursor;
        if (!cursor) return out;
      }
      throw new Error("paging did not end");
    };
    const asc = await walk("sort=custom&sortKey=f_number&order=asc");
    // The team's own client has no value either: nulls last, ordered by id among themselves.
    expect(asc.slice(0, 3)).toEqual([ids.two, ids.one, ids.three]);
    expect(asc).toHaveLength(5);
    expect(new Set(asc.slice(3))).toEqual(new Set([ids.four, ctx.team.client.id]));
    const desc = await walk("sort=custom&sortKey=f_number&order=desc");
    expect(desc.slice(0, 3)).toEqual([ids.three, ids.one, ids.two]);
    expect(desc).toHaveLength(5);
    await ctx.admin.patch(`/api/clients/${ids.one}`, { customFields: { f_money: { amountMinor: 900, currency: "USD" } } });
    await ctx.admin.patch(`/api/clients/${ids.two}`, { customFields: { f_money: { amountMinor: 10000, currency: "USD" } } });
    expect((await walk("sort=custom&sortKey=f_money")).slice(0, 2)).toEqual([ids.one, ids.two]);
    // Text compares in the database collation: the descending walk is the ascending one reversed.
    const text = await walk("sort=custom&sortKey=f_text&cf=f_text:apple");
    expect(new Set(text)).toEqual(new Set([ids.one, ids.three]));
    expect(await walk("sort=custom&sortKey=f_text&cf=f_text:apple&order=desc")).toEqual([...text].reverse());
    expect(issuePaths(await ctx.admin.get("/api/clients?sort=custom&sortKey=nope"))).toEqual(["query.sortKey"]);
    expect(issuePaths(await ctx.admin.get("/api/clients?sort=custom"))).toEqual(["query.sortKey"]);
    expectError(await ctx.admin.get("/api/clients?sort=custom&sortKey=f_number&cursor=WyJ4IiwiMDE5MmYwZDYtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAwIl0"), 400, "invalid_cursor");
  });

  it("a sales agent filtering still sees only the clients they own or are assigned to", async () => {
    const mine = await buildClient(t.database.db, { workspaceId: ctx.team.workspace.id, ownerId: ctx.team.users.sales_agent.id, customFields: { f_select: "beta" } });
    const assigned = await buildClient(t.database.db, { workspaceId: ctx.team.workspace.id, customFields: { f_select: "beta" } });
    await assignClient(t.database.db, assigned, ctx.team.users.sales_agent.id);
    const res = await ctx.sales.get("/api/clients?cf=f_select:beta&limit=100");
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: string }) => c.id).sort()).toEqual([mine.id, assigned.id].sort());
    const sorted = await ctx.sales.get("/api/clients?sort=custom&sortKey=f_number&limit=100");
    expect(sorted.body.data.map((c: { id: string }) => c.id).sort()).toEqual([mine.id, assigned.id].sort());
  });

  it("the CSV export has one column per custom field, labelled, and honours cf filters", async () => {
    const res = await ctx.admin.get("/api/clients/export.csv?cf=f_text:pear");
    expect(res.status).toBe(200);
    const [header, ...lines] = res.text.trim().split("\r\n");
    expect(header).toContain("F text,F number,F money,F date,F select,F multi_select,F checkbox,F url");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(",small pear,9,10000 USD,2025-02-01,beta,beta,false,https://pear.example");
    expect(issuePaths(await ctx.admin.get("/api/clients/export.csv?cf=nope:x"))).toEqual(["query.cf"]);
    const sorted = await ctx.admin.get("/api/clients/export.csv?sort=custom&sortKey=f_number&order=desc");
    const order = sorted.text.trim().split("\r\n").slice(1, 4).map((l) => l.slice(0, 36));
    expect(order).toEqual([ids.three, ids.one, ids.two]);
  });

  it("contacts filter and sort by their own fields, within visibility", async () => {
    const other = await newTeam();
    await define(other.admin, { entityType: "contact", label: "Role", type: "select", options: ["buyer", "user"] });
    const a = ContactResponse.parse((await other.admin.post("/api/contacts", { clientId: other.team.client.id, firstName: "A", customFields: { role: "buyer" } })).body).data;
    const b = ContactResponse.parse((await other.admin.post("/api/contacts", { clientId: other.team.client.id, firstName: "B", customFields: { role: "user" } })).body).data;
    const hidden = await buildClient(t.database.db, { workspaceId: other.team.workspace.id });
    await buildContact(t.database.db, { workspaceId: other.team.workspace.id, clientId: hidden.id, customFields: { role: "buyer" } });
    const res = await other.admin.get("/api/contacts?cf=role:buyer&limit=100");
    expect(ContactListResponse.parse(res.body).data).toHaveLength(2);
    const sorted = ContactListResponse.parse((await other.admin.get(`/api/contacts?clientId=${other.team.client.id}&sort=custom&sortKey=role&order=desc`)).body).data;
    expect(sorted.map((c) => c.id)).toEqual([b.id, a.id]);
    const agent = await other.sales.get("/api/contacts?cf=role:buyer&limit=100");
    expect(agent.body.data).toEqual([]);
    expect(issuePaths(await other.admin.get("/api/contacts?sort=custom&sortKey=f_number"))).toEqual(["query.sortKey"]);
  });
});

describe("definitions cache", () => {
  it("a new, changed or deleted definition is enforced on the very next request", async () => {
    const { admin } = await newTeam();
    // Warm the cache for this workspace's client fields.
    expect((await admin.post("/api/clients", { name: `W ${hex()}` })).status).toBe(201);
    expect(issuePaths(await admin.post("/api/clients", { name: `W ${hex()}`, customFields: { late: "x" } }))).toEqual(["body.customFields.late"]);
    const late = await define(admin, { label: "Late", type: "text" });
    expect((await admin.post("/api/clients", { name: `W ${hex()}`, customFields: { late: "x" } })).status).toBe(201);
    expect((await admin.patch(`/api/custom-fields/${late.id}`, { required: true })).status).toBe(200);
    expect(issuePaths(await admin.post("/api/clients", { name: `W ${hex()}` }))).toEqual(["body.customFields.late"]);
    expect((await admin.get("/api/custom-fields?entityType=client")).body.data[0].required).toBe(true);
    expect((await admin.delete(`/api/custom-fields/${late.id}`)).status).toBe(204);
    expect((await admin.post("/api/clients", { name: `W ${hex()}` })).status).toBe(201);
    expect((await admin.get("/api/custom-fields?entityType=client")).body.data).toEqual([]);
  });
});
