import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { automationRuns, automations, leads, rolePermissions } from "../../server/db/schema";
import { runAutomation } from "../../server/modules/automations/automation-engine";
import { buildLead, buildTeam, buildUser } from "../factories";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError, issuePaths } from "./support/helpers";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString("hex");

/** A fresh workspace (automations are per workspace and these tests would trigger each other's). */
async function workspace() {
  const team = await buildTeam(t.database.db);
  const admin = await loginAs(t, team.users.admin);
  return { team, admin };
}

async function create(admin: ApiClient, body: object) {
  const res = await admin.post("/api/automations", { name: `Auto ${hex()}`, ...body });
  expect(res.status).toBe(201);
  return res.body.data as { id: string };
}

async function lead(admin: ApiClient, body: object) {
  const res = await admin.post("/api/leads", { name: `Lead ${hex()}`, ...body });
  expect(res.status).toBe(201);
  return res.body.data as { id: string };
}

describe("automations on lead created", () => {
  it("runs its actions in order for a matching lead (tag, note, status, email to the owner), logs the run on the automation and the lead, and ignores a non-matching lead", async () => {
    const { team, admin } = await workspace();
    const auto = await create(admin, {
      trigger: { type: "lead_created" },
      conditions: [{ field: "country", op: "equals", value: "GB" }],
      actions: [
        { type: "add_tag", tag: "uk" },
        { type: "add_note", body: "Welcome {{lead.name}} from {{lead.company}}" },
        { type: "set_status", status: "contacted" },
        { type: "notify_user", userId: null, message: "A UK lead for you" },
      ],
    });
    const uk = await lead(admin, { name: "Ada", company: "Engines", country: "GB", ownerId: team.users.sales_agent.id });
    const fr = await lead(admin, { country: "FR", ownerId: team.users.sales_agent.id });
    await t.ctx.jobs.drain();

    const ukRow = (await admin.get(`/api/leads/${uk.id}`)).body.data;
    expect(ukRow).toMatchObject({ tags: ["uk"], status: "contacted" });
    expect((await admin.get(`/api/leads/${fr.id}`)).body.data).toMatchObject({ tags: [], status: "new" });
    const timeline = (await admin.get(`/api/activities?entityType=lead&entityId=${uk.id}`)).body.data as { kind: string; body: string | null; meta: Record<string, unknown> }[];
    expect(timeline.find((a) => a.kind === "note")!.body).toBe("Welcome Ada from Engines");
    expect(timeline.find((a) => a.kind === "automation")!.meta).toMatchObject({ automationId: auto.id, summary: expect.stringContaining("tagged uk") });
    const { rows } = await t.database.pool.query("SELECT to_address FROM email_outbox WHERE template = 'crm.automation_notification' AND workspace_id = $1", [team.workspace.id]);
    expect(rows.map((r) => r.to_address)).toEqual([team.users.sales_agent.email]);

    const runs = await admin.get(`/api/automations/${auto.id}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.body.data).toHaveLength(1);
    expect(runs.body.data[0]).toMatchObject({ lead: { id: uk.id }, status: "succeeded", trigger: "lead_created" });
    expect(runs.body.data[0].steps.map((s: { action: string }) => s.action)).toEqual(["add_tag", "add_note", "set_status", "notify_user"]);
    const onLead = await admin.get(`/api/leads/${uk.id}/automation-runs`);
    expect(onLead.body.data.map((r: { automation: { id: string } }) => r.automation.id)).toEqual([auto.id]);
    expect((await admin.get(`/api/automations/${auto.id}`)).body.data.runCount).toBe(1);
  });

  it("does not notify a user who cannot see the lead (the step is logged as not applied)", async () => {
    const { team, admin } = await workspace();
    const outsider = await buildUser(t.database.db, { workspaceId: team.workspace.id, role: "sales_agent" });
    const auto = await create(admin, { trigger: { type: "lead_created" }, actions: [{ type: "notify_user", userId: outsider.id, message: "Look" }] });
    await lead(admin, { ownerId: team.users.staff.id });
    await t.ctx.jobs.drain();
    const runs = (await admin.get(`/api/automations/${auto.id}/runs`)).body.data;
    expect(runs[0].steps).toEqual([{ action: "notify_user", ok: false, summary: `${outsider.name} cannot see this lead; not notified` }]);
    const { rows } = await t.database.pool.query("SELECT 1 FROM email_outbox WHERE template = 'crm.automation_notification' AND workspace_id = $1", [team.workspace.id]);
    expect(rows).toHaveLength(0);
  });

  it("assign to a named user who can no longer own leads (their role lost leads.read since) is logged as not applied; the lead stays unowned", async () => {
    const { team, admin } = await workspace();
    const auto = await create(admin, { trigger: { type: "lead_created" }, actions: [{ type: "assign", userId: team.users.staff.id }] });
    await t.database.db.delete(rolePermissions).where(and(eq(rolePermissions.workspaceId, team.workspace.id), eq(rolePermissions.role, "staff"), eq(rolePermissions.permission, "leads.read")));
    const l = await lead(admin, { ownerId: null });
    await t.ctx.jobs.drain();
    const runs = (await admin.get(`/api/automations/${auto.id}/runs`)).body.data;
    expect(runs[0].steps).toEqual([{ action: "assign", ok: false, summary: "The chosen user can no longer own leads (deactivated, or their role cannot see leads)" }]);
    expect((await admin.get(`/api/leads/${l.id}`)).body.data.owner).toBeNull();
  });

  it("assign with no user re-runs the assignment rules", async () => {
    const { team, admin } = await workspace();
    expect((await admin.post("/api/assignment-rules", { name: "All to staff", assign: { type: "user", userId: team.users.staff.id } })).status).toBe(201);
    await create(admin, { trigger: { type: "lead_status_changed", to: "qualified" }, actions: [{ type: "assign", userId: null }] });
    const l = await lead(admin, { ownerId: null });
    expect((await admin.patch(`/api/leads/${l.id}`, { status: "qualified" })).status).toBe(200);
    await t.ctx.jobs.drain();
    expect((await admin.get(`/api/leads/${l.id}`)).body.data.owner.id).toBe(team.users.staff.id);
  });
});

describe("automations on status changes", () => {
  it("fires only for the configured from/to, chains through another automation, and a loop stops at the depth limit", async () => {
    const { admin } = await workspace();
    const toQualified = await create(admin, { trigger: { type: "lead_status_changed", from: "new", to: "qualified" }, actions: [{ type: "add_tag", tag: "qualified" }] });
    const l = await lead(admin, {});
    await admin.patch(`/api/leads/${l.id}`, { status: "contacted" });
    await admin.patch(`/api/leads/${l.id}`, { status: "qualified" });
    await t.ctx.jobs.drain();
    expect((await admin.get(`/api/automations/${toQualified.id}/runs`)).body.data).toHaveLength(0);

    // A ping-pong pair: contacted → new → contacted → … must stop.
    const ping = await create(admin, { trigger: { type: "lead_status_changed", to: "contacted" }, actions: [{ type: "set_status", status: "new" }] });
    const pong = await create(admin, { trigger: { type: "lead_status_changed", to: "new" }, actions: [{ type: "set_status", status: "contacted" }] });
    const looped = await lead(admin, {});
    await admin.patch(`/api/leads/${looped.id}`, { status: "contacted" });
    const drained = await t.ctx.jobs.drain();
    expect(drained.failed).toBe(0);
    const pingRuns = (await admin.get(`/api/automations/${ping.id}/runs`)).body.data.length;
    const pongRuns = (await admin.get(`/api/automations/${pong.id}/runs`)).body.data.length;
    expect(pingRuns + pongRuns).toBe(3);
  });
});

describe("no activity for N days", () => {
  it("fires once per idle period for existing open leads when switched on, not for active or converted ones", async () => {
    const { team, admin } = await workspace();
    const old = new Date(Date.now() - 10 * 86_400_000);
    const idle = await buildLead(t.database.db, { workspaceId: team.workspace.id, lastActivityAt: old });
    const busy = await buildLead(t.database.db, { workspaceId: team.workspace.id });
    const converted = await buildLead(t.database.db, { workspaceId: team.workspace.id, lastActivityAt: old, status: "converted" });
    const auto = await create(admin, { trigger: { type: "lead_inactive", days: 7 }, actions: [{ type: "add_tag", tag: "stale" }] });
    await t.ctx.jobs.drain();
    const tagged = await t.database.db.select({ id: leads.id, tags: leads.tags }).from(leads).where(eq(leads.workspaceId, team.workspace.id));
    const byId = new Map(tagged.map((r) => [r.id, r.tags]));
    expect(byId.get(idle.id)).toEqual(["stale"]);
    expect(byId.get(busy.id)).toEqual([]);
    expect(byId.get(converted.id)).toEqual([]);
    // The same idle period never fires twice (the run key is the lead's last activity time).
    const [row] = await t.database.db.select().from(automations).where(eq(automations.id, auto.id));
    expect(await runAutomation(t.ctx, row!, idle.id, "lead_inactive", `inactive:${old.toISOString()}`, 0)).toBe("duplicate");
    expect(await t.database.db.select().from(automationRuns).where(and(eq(automationRuns.automationId, auto.id), eq(automationRuns.leadId, idle.id)))).toHaveLength(1);
  });

  it("new leads get a delayed check scheduled at creation", async () => {
    const { team, admin } = await workspace();
    await create(admin, { trigger: { type: "lead_inactive", days: 3 }, actions: [{ type: "add_tag", tag: "stale" }] });
    await t.ctx.jobs.drain();
    const l = await lead(admin, {});
    const { rows } = await t.database.pool.query("SELECT start_after FROM pgboss.job WHERE name = 'automation.inactivity' AND data->>'workspaceId' = $1 AND data->'leadIds' ? $2", [team.workspace.id, l.id]);
    expect(rows).toHaveLength(1);
    const delay = new Date(rows[0].start_after).getTime() - Date.now();
    expect(delay).toBeGreaterThan(2.9 * 86_400_000);
  });
});

describe("automation CRUD", () => {
  it("400 with the failing fields: no actions, a bad trigger, a user of another workspace", async () => {
    const { admin } = await workspace();
    const outsider = await buildUser(t.database.db);
    const empty = await admin.post("/api/automations", { name: "x", trigger: { type: "lead_inactive", days: 0 }, actions: [] });
    expectError(empty, 400, "validation_failed");
    expect(issuePaths(empty)).toEqual(["body.actions", "body.trigger.days"]);
    const foreign = await admin.post("/api/automations", { name: "x", trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: "a" }, { type: "notify_user", userId: outsider.id, message: "hi" }] });
    expectError(foreign, 400, "validation_failed");
    expect(issuePaths(foreign)).toEqual(["body.actions.1.userId"]);
  });

  it("a disabled automation does not run, and the actions catalogue lists the registry", async () => {
    const { admin } = await workspace();
    const auto = await create(admin, { enabled: false, trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: "x" }] });
    await lead(admin, {});
    await t.ctx.jobs.drain();
    expect((await admin.get(`/api/automations/${auto.id}/runs`)).body.data).toHaveLength(0);
    const catalogue = await admin.get("/api/automations/actions");
    expect(catalogue.body.data.map((a: { type: string }) => a.type)).toEqual(["assign", "set_status", "add_tag", "remove_tag", "add_note", "notify_user"]);
    expect((await admin.delete(`/api/automations/${auto.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/automations/${auto.id}`), 404, "not_found");
  });
});
