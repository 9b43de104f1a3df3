import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, leads } from "../../server/db/schema";
import { FormSubmissionResponse, LeadFormListResponse, LeadFormResponse, type LeadFormDto, PublicFormResponse } from "../../shared/contracts/forms";
import { buildCustomField, buildLead, buildLeadForm, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditRows, expectError, issuePaths } from "./support/helpers";

const FORM_LIMIT = 4;
let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let manager: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_FORM_MAX: String(FORM_LIMIT), RATE_LIMIT_FORM_WINDOW_SECONDS: "3600" });
  team = await buildTeam(t.database.db);
  [admin, manager, staff] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.manager), loginAs(t, team.users.staff)]);
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");
const CLIENT_SITE = "https://client-site.example";

const baseForm = (overrides: Record<string, unknown> = {}) => ({
  name: `Contact us ${hex()}`,
  fields: [
    { key: "name", label: "Your name", required: true },
    { key: "email", label: "Email", required: true },
    { key: "company", label: "Company" },
    { key: "phone", label: "Phone" },
  ],
  consent: { required: true, text: "I agree to be contacted about my enquiry." },
  success: { mode: "message", message: "Thanks, we'll call you.", redirectUrl: null },
  allowedOrigins: [CLIENT_SITE],
  tags: ["web"],
  ...overrides,
});

async function createForm(overrides: Record<string, unknown> = {}): Promise<LeadFormDto> {
  const res = await admin.post("/api/forms", baseForm(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return LeadFormResponse.parse(res.body).data;
}

/** An anonymous submission, as the hosted page (same origin as the app) sends it unless told otherwise. */
function submit(form: { publicId: string }, body: Record<string, unknown>, origin: string | null = "http://app.test") {
  const req = supertest(t.url).post(`/api/public/forms/${form.publicId}/submissions`);
  return (origin ? req.set("Origin", origin) : req).send(body);
}

async function leadsWithEmail(email: string) {
  return t.database.db.select().from(leads).where(and(eq(leads.workspaceId, team.workspace.id), eq(leads.email, email)));
}

async function timeline(leadId: string) {
  return t.database.db.select().from(activities).where(and(eq(activities.entityType, "lead"), eq(activities.entityId, leadId))).orderBy(activities.id);
}

describe("POST /api/forms", () => {
  it("201 with the hosted URL, iframe and script snippets, typed fields and an audit row", async () => {
    const budget = await buildCustomField(t.database.db, { workspaceId: team.workspace.id, entityType: "lead", key: `plan_${hex()}`, type: "select", options: ["Starter", "Pro"] });
    const res = await admin.post("/api/forms", baseForm({ fields: [...baseForm().fields, { key: `cf.${budget.key}`, label: "Plan" }, { key: "notes", label: "Message" }] }));
    expect(res.status).toBe(201);
    const form = LeadFormResponse.parse(res.body).data;
    expect(form.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(form.hostedUrl).toBe(`http://app.test/f/${form.publicId}`);
    expect(form.embed.iframe).toContain(`src="http://app.test/f/${form.publicId}?embed=1"`);
    expect(form.embed.script).toContain(`data-agency-form="${form.publicId}"`);
    expect(form.fields.map((f) => [f.key, f.type])).toEqual([
      ["name", "text"],
      ["email", "email"],
      ["company", "text"],
      ["phone", "tel"],
      [`cf.${budget.key}`, "select"],
      ["notes", "textarea"],
    ]);
    expect(form.fields[4]!.options).toEqual(["Starter", "Pro"]);
    expect(form).toMatchObject({ enabled: true, submissionCount: 0, allowedOrigins: [CLIENT_SITE], tags: ["web"] });
    expect(await auditRows(t, { entityId: form.id, action: "lead_form.created" })).toHaveLength(1);
  });

  it("400 with the failing field paths: unknown custom field, duplicate field, bad redirect, bad origin, consent without text", async () => {
    const res = await admin.post(
      "/api/forms",
      baseForm({
        fields: [
          { key: "email", label: "Email", required: true },
          { key: "cf.nope_not_here", label: "Nope" },
          { key: "email", label: "Email again" },
        ],
        consent: { required: true, text: "" },
        success: { mode: "redirect", message: "", redirectUrl: "http://client-site.example/thanks" },
        allowedOrigins: ["https://client-site.example/contact"],
      }),
    );
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.allowedOrigins.0", "body.consent.text", "body.success.redirectUrl"]);
    // The schema passes; the service then checks the fields against the workspace.
    const fields = await admin.post(
      "/api/forms",
      baseForm({
        fields: [
          { key: "email", label: "Email", required: true },
          { key: "cf.nope_not_here", label: "Nope" },
          { key: "email", label: "Email again" },
        ],
      }),
    );
    expectError(fields, 400, "validation_failed");
    expect(issuePaths(fields)).toEqual(["body.fields.1.key", "body.fields.2.key"]);
  });

  it("400 when the form asks for neither a required email nor a required phone", async () => {
    const res = await admin.post("/api/forms", baseForm({ fields: [{ key: "name", label: "Name", required: true }, { key: "email", label: "Email", required: false }] }));
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.fields"]);
  });

  it("400 for a field key that is neither a lead field nor cf.<key>, and for a money custom field", async () => {
    const money = await buildCustomField(t.database.db, { workspaceId: team.workspace.id, entityType: "lead", key: `fee_${hex()}`, type: "money" });
    const res = await admin.post("/api/forms", baseForm({ fields: [{ key: "email", label: "Email", required: true }, { key: "password", label: "Password" }] }));
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.fields.1.key"]);
    const moneyRes = await admin.post("/api/forms", baseForm({ fields: [{ key: "email", label: "Email", required: true }, { key: `cf.${money.key}`, label: "Fee" }] }));
    expectError(moneyRes, 400, "validation_failed");
    expect(issuePaths(moneyRes)).toEqual(["body.fields.1.key"]);
  });

  it("accepts an http://localhost redirect and normalises origins (trailing slash, case)", async () => {
    const form = await createForm({ success: { mode: "redirect", message: "", redirectUrl: "http://localhost:3000/thanks" }, allowedOrigins: ["HTTPS://Client-Site.example/", "http://localhost:8080"] });
    expect(form.allowedOrigins).toEqual([CLIENT_SITE, "http://localhost:8080"]);
  });

  it("403 for staff (forms.manage is admin and manager)", async () => {
    expectError(await staff.post("/api/forms", baseForm()), 403, "forbidden");
  });
});

describe("GET/PATCH/DELETE /api/forms", () => {
  it("lists the workspace's forms newest first with their submission counts, searchable by name and paged", async () => {
    const tag = hex();
    const first = await createForm({ name: `Paged ${tag} one` });
    const second = await createForm({ name: `Paged ${tag} two` });
    await buildLeadForm(t.database.db, { name: `Paged ${tag} foreign` });
    const page1 = LeadFormListResponse.parse((await manager.get(`/api/forms?q=${tag}&limit=1`)).body);
    expect(page1.data.map((f) => f.id)).toEqual([second.id]);
    const page2 = LeadFormListResponse.parse((await manager.get(`/api/forms?q=${tag}&limit=1&cursor=${page1.meta.nextCursor}`)).body);
    expect(page2.data.map((f) => f.id)).toEqual([first.id]);
    expect(page2.meta.nextCursor).toBeNull();
    expect(page2.data[0]!.submissionCount).toBe(0);
  });

  it("sorts by name and by submissions (paging through each order) and filters by status", async () => {
    const tag = hex();
    const b = await createForm({ name: `Sorted ${tag} b` });
    const a = await createForm({ name: `Sorted ${tag} a`, enabled: false });
    const c = await createForm({ name: `Sorted ${tag} c` });
    await submit(c, { name: "S", email: `s1-${hex()}@example.test`, consent: true });
    await submit(c, { name: "S", email: `s2-${hex()}@example.test`, consent: true });
    await submit(b, { name: "S", email: `s3-${hex()}@example.test`, consent: true });
    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await admin.get(`/api/forms?q=${tag}&limit=1&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(res.status).toBe(200);
        const page = LeadFormListResponse.parse(res.body);
        seen.push(...page.data.map((f) => f.id));
        cursor = page.meta.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk("sort=name")).toEqual([a.id, b.id, c.id]);
    expect(await walk("sort=submissions")).toEqual([c.id, b.id, a.id]);
    expect(await walk("status=off")).toEqual([a.id]);
    expect(await walk("status=live&sort=name")).toEqual([b.id, c.id]);
    expectError(await admin.get("/api/forms?sort=name&cursor=bogus"), 400, "invalid_cursor");
  });

  it("edits a form, 404 for another workspace's form, and deletes with an audit row", async () => {
    const form = await createForm();
    const res = await admin.patch(`/api/forms/${form.id}`, { name: "Renamed", enabled: false, allowedOrigins: [] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: "Renamed", enabled: false, allowedOrigins: [], publicId: form.publicId });
    const foreign = await buildLeadForm(t.database.db);
    expectError(await admin.get(`/api/forms/${foreign.id}`), 404, "not_found");
    expectError(await admin.patch(`/api/forms/${foreign.id}`, { name: "x" }), 404, "not_found");
    expect((await admin.delete(`/api/forms/${form.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/forms/${form.id}`), 404, "not_found");
    expect(await auditRows(t, { entityId: form.id, action: "lead_form.deleted" })).toHaveLength(1);
  });
});

describe("GET /api/public/forms/:publicId", () => {
  it("200 without sign-in: fields, consent text, honeypot name and the workspace's name and brand colour", async () => {
    const form = await createForm();
    const res = await supertest(t.url).get(`/api/public/forms/${form.publicId}`);
    expect(res.status).toBe(200);
    const data = PublicFormResponse.parse(res.body).data;
    expect(data.fields.map((f) => f.key)).toEqual(["name", "email", "company", "phone"]);
    expect(data.consent).toEqual({ required: true, text: "I agree to be contacted about my enquiry." });
    expect(data.honeypotField).toBe("website_url");
    expect(data.workspace).toEqual({ name: team.workspace.name, brandColor: team.workspace.brandColor });
    expect(JSON.stringify(res.body)).not.toContain(form.id);
  });

  it("404 for a disabled form and for an unknown id", async () => {
    const form = await createForm({ enabled: false });
    expectError(await supertest(t.url).get(`/api/public/forms/${form.publicId}`), 404, "not_found");
    expectError(await supertest(t.url).get("/api/public/forms/AAAAAAAAAAAAAAAA"), 404, "not_found");
  });
});

describe("POST /api/public/forms/:publicId/submissions", () => {
  it("200: the lead enters through intake (source form, detail = form name), assigned by a rule, consent recorded, tagged, with created (form, owner, rule) + form_submitted entries", async () => {
    const form = await createForm();
    const rule = await admin.post("/api/assignment-rules", {
      name: `Web leads ${hex()}`,
      conditions: [{ field: "source", op: "equals", value: "form" }],
      assign: { type: "user", userId: team.users.sales_agent.id },
    });
    expect(rule.status).toBe(201);
    try {
      const email = `grace-${hex()}@example.test`;
      const res = await submit(form, { name: "Grace Hopper", email, company: "Navy", phone: "+1 202 555 0143", consent: true, website_url: "" });
      expect(res.status).toBe(200);
      expect(FormSubmissionResponse.parse(res.body)).toEqual({ ok: true, message: "Thanks, we'll call you." });
      const [lead, ...more] = await leadsWithEmail(email);
      expect(more).toHaveLength(0);
      expect(lead).toMatchObject({ name: "Grace Hopper", company: "Navy", phone: "+12025550143", source: "form", sourceDetail: form.name, formId: form.id, ownerId: team.users.sales_agent.id, tags: ["web"] });
      expect(lead!.consent).toMatchObject({ method: "form", text: "I agree to be contacted about my enquiry.", formId: form.id, ip: expect.any(String) });
      expect(Date.parse(lead!.consent!.givenAt)).toBeGreaterThan(Date.now() - 60_000);
      const entries = await timeline(lead!.id);
      expect(entries.map((e) => e.kind)).toEqual(["created", "form_submitted"]);
      // The "created" entry names the form, the owner it went to and the rule that chose them.
      expect(entries[0]).toMatchObject({
        actorId: null,
        meta: {
          source: "form",
          detail: form.name,
          formId: form.id,
          owner: { id: team.users.sales_agent.id, name: team.users.sales_agent.name },
          assignedBy: { id: rule.body.data.id, name: rule.body.data.name },
        },
      });
      expect(entries[1]).toMatchObject({ actorId: null, meta: { formName: form.name, formId: form.id, values: { name: "Grace Hopper", email, company: "Navy" } } });
      const after = LeadFormResponse.parse((await admin.get(`/api/forms/${form.id}`)).body).data;
      expect(after.submissionCount).toBe(1);
      expect(after.lastSubmittedAt).not.toBeNull();
      // The lead is visible through the leads API as its owner sees it.
      const seen = await admin.get(`/api/leads/${lead!.id}`);
      expect(seen.body.data).toMatchObject({ source: "form", owner: { id: team.users.sales_agent.id } });
    } finally {
      await admin.delete(`/api/assignment-rules/${rule.body.data.id}`);
    }
  });

  it("200: a resubmission with the same email (other case) adds to that lead: one lead, two form_submitted entries, the new tag, empty fields filled, set ones untouched", async () => {
    const form = await createForm();
    const email = `linus-${hex()}@example.test`;
    expect((await submit(form, { name: "Linus", email, company: "Original Co", consent: "on" })).status).toBe(200);
    await admin.patch(`/api/forms/${form.id}`, { tags: ["web", "returning"] });
    const again = await submit(form, { name: "Someone Else", email: email.toUpperCase(), company: "Other Co", phone: "+44 20 7946 0000", consent: true });
    expect(again.status).toBe(200);
    const rows = await leadsWithEmail(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Linus", company: "Original Co", phone: "+442079460000", tags: ["web", "returning"] });
    const kinds = (await timeline(rows[0]!.id)).map((e) => e.kind);
    expect(kinds).toEqual(["created", "form_submitted", "form_submitted"]);
    expect(rows[0]!.lastActivityAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.createdAt.getTime());
  });

  it("200: a known email from a lead created by hand is added to, not duplicated", async () => {
    const form = await createForm();
    const existing = await buildLead(t.database.db, { workspaceId: team.workspace.id, email: `known-${hex()}@example.test`, company: null });
    expect((await submit(form, { name: "Known", email: existing.email, company: "Filled Ltd", consent: true })).status).toBe(200);
    const rows = await leadsWithEmail(existing.email!);
    expect(rows.map((r) => [r.id, r.company, r.source])).toEqual([[existing.id, "Filled Ltd", "manual"]]);
  });

  it("200: a resubmission without an email but with a known phone (typed differently) adds to that lead in the form's workspace only", async () => {
    const phoneForm = () =>
      createForm({
        fields: [
          { key: "name", label: "Your name", required: true },
          { key: "phone", label: "Phone", required: true },
          { key: "email", label: "Email" },
          { key: "company", label: "Company" },
        ],
      });
    const form = await phoneForm();
    const digits = `+4420794${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
    const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 5)} (${digits.slice(5, 9)}) ${digits.slice(9)}`;
    expect((await submit(form, { name: "Phone Only", phone: digits, consent: true })).status).toBe(200);
    // A lead with the same phone in another workspace is never matched.
    const other = await buildTeam(t.database.db);
    const elsewhere = await buildLead(t.database.db, { workspaceId: other.workspace.id, phone: digits });
    expect((await submit(form, { name: "Phone Again", phone: spaced, company: "Filled Ltd", consent: true })).status).toBe(200);
    const rows = await t.database.db.select().from(leads).where(and(eq(leads.workspaceId, team.workspace.id), eq(leads.phone, digits)));
    expect(rows.map((r) => [r.name, r.company])).toEqual([["Phone Only", "Filled Ltd"]]);
    const entries = await timeline(rows[0]!.id);
    expect(entries.map((e) => e.kind)).toEqual(["created", "form_submitted", "form_submitted"]);
    expect(entries[2]!.meta).toMatchObject({ existingLead: true, matchedBy: "phone" });
    const [untouched] = await t.database.db.select().from(leads).where(eq(leads.id, elsewhere.id));
    expect(untouched!.company).toBe(elsewhere.company);
    // A phone that does not parse as E.164 is never matched: a new lead.
    expect((await submit(form, { name: "Local", phone: "020 7946 0000", consent: true })).status).toBe(200);
    expect((await submit(form, { name: "Local again", phone: "020 7946 0000", consent: true })).status).toBe(200);
    const local = await t.database.db.select().from(leads).where(and(eq(leads.workspaceId, team.workspace.id), eq(leads.phone, "020 7946 0000")));
    expect(local).toHaveLength(2);
  });

  it("200 as if accepted when the honeypot is filled, and nothing is kept", async () => {
    const form = await createForm();
    const email = `bot-${hex()}@example.test`;
    const res = await submit(form, { name: "Bot", email, consent: true, website_url: "http://spam.example" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, message: "Thanks, we'll call you." });
    expect(await leadsWithEmail(email)).toHaveLength(0);
    expect(LeadFormResponse.parse((await admin.get(`/api/forms/${form.id}`)).body).data.submissionCount).toBe(0);
  });

  it("403 origin_not_allowed from a site that is not an allowed origin; 200 with CORS headers from an allowed one", async () => {
    const form = await createForm();
    const email = `origin-${hex()}@example.test`;
    const evil = await submit(form, { name: "X", email, consent: true }, "https://evil.example");
    expectError(evil, 403, "origin_not_allowed");
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    expect(await leadsWithEmail(email)).toHaveLength(0);
    const ok = await submit(form, { name: "X", email, consent: true }, CLIENT_SITE);
    expect(ok.status).toBe(200);
    expect(ok.headers["access-control-allow-origin"]).toBe(CLIENT_SITE);
  });

  it("answers CORS preflights for allowed origins only", async () => {
    const form = await createForm();
    const path = `/api/public/forms/${form.publicId}/submissions`;
    const allowed = await supertest(t.url).options(path).set("Origin", CLIENT_SITE).set("Access-Control-Request-Method", "POST").set("Access-Control-Request-Headers", "content-type");
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe(CLIENT_SITE);
    expect(allowed.headers["access-control-allow-methods"]).toContain("POST");
    const other = await supertest(t.url).options(path).set("Origin", "https://evil.example").set("Access-Control-Request-Method", "POST");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const read = await supertest(t.url).get(`/api/public/forms/${form.publicId}`).set("Origin", CLIENT_SITE);
    expect(read.headers["access-control-allow-origin"]).toBe(CLIENT_SITE);
  });

  it("400 body.consent when the required consent box is not ticked, with required and format errors by field", async () => {
    const form = await createForm();
    const res = await submit(form, { name: "", email: "not-an-email", consent: false });
    expectError(res, 400, "validation_failed");
    expect(issuePaths(res)).toEqual(["body.consent", "body.email", "body.name"]);
    const noConsent = await submit(form, { name: "Ada", email: `ada-${hex()}@example.test` });
    expect(issuePaths(noConsent)).toEqual(["body.consent"]);
  });

  it("400 body.cf.<key> for an invalid custom value; custom values are stored typed", async () => {
    // Through the API, so the cached definitions the public endpoints read are refreshed.
    const created = await admin.post("/api/custom-fields", { entityType: "lead", label: "Seats", key: `seats_${hex()}`, type: "number" });
    expect(created.status).toBe(201);
    const seats = created.body.data as { key: string };
    const form = await createForm({ fields: [...baseForm().fields, { key: `cf.${seats.key}`, label: "Seats", required: true }] });
    const bad = await submit(form, { name: "Ada", email: `ada-${hex()}@example.test`, consent: true, [`cf.${seats.key}`]: "lots" });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual([`body.cf.${seats.key}`]);
    const email = `seats-${hex()}@example.test`;
    expect((await submit(form, { name: "Ada", email, consent: true, [`cf.${seats.key}`]: "12" })).status).toBe(200);
    expect((await leadsWithEmail(email))[0]!.customFields).toEqual({ [seats.key]: 12 });
  });

  it("400 lists a bad email and bad custom values (number, impossible date) in ONE answer, not one per retry", async () => {
    const seats = (await admin.post("/api/custom-fields", { entityType: "lead", label: "Seats", key: `seats_${hex()}`, type: "number" })).body.data as { key: string };
    const start = (await admin.post("/api/custom-fields", { entityType: "lead", label: "Start", key: `start_${hex()}`, type: "date" })).body.data as { key: string };
    const form = await createForm({ fields: [...baseForm().fields, { key: `cf.${seats.key}`, label: "Seats" }, { key: `cf.${start.key}`, label: "Start" }] });
    const bad = await submit(form, { name: "Ada", email: "not-an-email", consent: true, [`cf.${seats.key}`]: "lots", [`cf.${start.key}`]: "2026-02-30" });
    expectError(bad, 400, "validation_failed");
    expect(issuePaths(bad)).toEqual([`body.cf.${seats.key}`, `body.cf.${start.key}`, "body.email"].sort());
  });

  it("accepts an urlencoded post (a plain HTML form) and answers with the redirect URL in redirect mode", async () => {
    const form = await createForm({ success: { mode: "redirect", message: "", redirectUrl: "https://client-site.example/thanks" } });
    const email = `plain-${hex()}@example.test`;
    const res = await supertest(t.url)
      .post(`/api/public/forms/${form.publicId}/submissions`)
      .set("Origin", CLIENT_SITE)
      .type("form")
      .send(`name=Plain+Form&email=${encodeURIComponent(email)}&consent=on&website_url=`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, redirectUrl: "https://client-site.example/thanks" });
    expect(await leadsWithEmail(email)).toHaveLength(1);
  });

  it("404 for a disabled form", async () => {
    const form = await createForm({ enabled: false });
    expectError(await submit(form, { name: "A", email: `a-${hex()}@example.test`, consent: true }), 404, "not_found");
  });

  it(`429 with Retry-After after ${FORM_LIMIT} submissions from one IP to one form; another form is unaffected`, async () => {
    const form = await createForm();
    for (let i = 0; i < FORM_LIMIT; i++) {
      expect((await submit(form, { name: "R", email: `r${i}-${hex()}@example.test`, consent: true })).status).toBe(200);
    }
    const limited = await submit(form, { name: "R", email: `r-${hex()}@example.test`, consent: true });
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const other = await createForm();
    expect((await submit(other, { name: "R", email: `r-${hex()}@example.test`, consent: true })).status).toBe(200);
  });
});

describe("GET /forms/embed.js", () => {
  it("serves the script embed as JavaScript that other sites may load", async () => {
    const res = await supertest(t.url).get("/forms/embed.js");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.text).toContain('"http://app.test"');
  });
});
