import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient, buildTeam } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError } from "./support/helpers";

// PostgreSQL refuses U+0000 in text (22021) and in jsonb (22P05); the API must say so instead of failing with a 500.
let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  admin = await loginAs(t, team.users.admin);
});
afterAll(async () => {
  await t?.close();
});

describe("text with a NUL character", () => {
  it("400 bad_request (not 500) when a client's name contains \\u0000", async () => {
    const res = await admin.post("/api/clients", { name: "Acme\u0000 Ltd" });
    expectError(res, 400, "bad_request");
    expect(res.body.error.message).toMatch(/NUL/);
    const list = await admin.get(`/api/clients?q=${encodeURIComponent("Acme")}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
  });

  it("400 bad_request (not 500) when a lead's notes contain \\u0000", async () => {
    const res = await admin.post("/api/leads", { name: "Nul Lead", notes: "first line\u0000second" });
    expectError(res, 400, "bad_request");
  });

  it("400 bad_request (not 500) when a client address line (jsonb) contains \\u0000", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    const res = await admin.patch(`/api/clients/${client.id}`, { address: { line1: "1 High St\u0000" } });
    expectError(res, 400, "bad_request");
  });
});

describe("messages the forms show as they are", () => {
  it("400 validation_failed 'Enter the tag' (not zod's 'Too small') for an add_tag action without a tag", async () => {
    const res = await admin.post("/api/automations", { name: "Tag it", trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: " " }] });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.actions.0.tag", message: "Enter the tag" })]);
  });

  it("400 validation_failed 'Keep the tag to 40 characters' for a remove_tag action with a 41-character tag", async () => {
    const res = await admin.post("/api/automations", { name: "Untag it", trigger: { type: "lead_created" }, actions: [{ type: "remove_tag", tag: "t".repeat(41) }] });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.actions.0.tag", message: "Keep the tag to 40 characters" })]);
  });
});

describe("zod's own wording never reaches the API's issues", () => {
  it("400 validation_failed 'Use one of \"new\", …' (not 'Invalid option: expected one of') for a lead status that doesn't exist", async () => {
    const res = await admin.post("/api/leads", { name: "Hot Lead", status: "hot" });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([
      expect.objectContaining({ path: "body.status", message: 'Use one of "new", "contacted", "qualified" or "unqualified"' }),
    ]);
  });

  it("400 validation_failed 'This field is required' / 'Enter a number' (not 'Invalid input: expected …') for a contact without its client and a non-numeric page limit", async () => {
    const contact = await admin.post("/api/contacts", { firstName: "Ann" });
    expectError(contact, 400, "validation_failed");
    expect(contact.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.clientId", message: "This field is required" })]);
    const list = await admin.get("/api/leads?limit=abc");
    expectError(list, 400, "validation_failed");
    expect(list.body.error.details.issues).toEqual([expect.objectContaining({ path: "query.limit", message: "Enter a number" })]);
  });

  it("400 validation_failed 'Enter a date as YYYY-MM-DD' (not 'Invalid ISO date') for the deal's close date in a lead conversion", async () => {
    const lead = await admin.post("/api/leads", { name: "Dated Lead" });
    expect(lead.status).toBe(201);
    const res = await admin.post(`/api/leads/${lead.body.data.id}/convert`, { client: { mode: "new" }, deal: { title: "Dated", expectedCloseDate: "2026-02-30T00:00" } });
    expectError(res, 400, "validation_failed");
    expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.deal.expectedCloseDate", message: "Enter a date as YYYY-MM-DD" })]);
  });
});
