import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserListResponse } from "../../shared/contracts/users";
import { deals, leads, rolePermissions } from "../../server/db/schema";
import { buildAssignmentRule, buildClient, buildLead, buildTeam, buildUser, type FactoryUser } from "../factories";
import { buildDeal } from "../factories/deals";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";
import { expectError } from "./support/helpers";

// Who may own a lead or a deal: an active member of the workspace whose role holds leads.read
// (deals: deals.read). Everyone else is refused with a field error naming them.

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: ApiClient;
let manager: ApiClient;
let gone: FactoryUser;
let invited: FactoryUser;
let casey: FactoryUser;

const hex = () => randomBytes(3).toString("hex");

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  const ws = team.workspace.id;
  [gone, invited, casey] = await Promise.all([
    buildUser(t.database.db, { workspaceId: ws, role: "staff", status: "deactivated", name: `Gone Staff ${hex()}` }),
    buildUser(t.database.db, { workspaceId: ws, role: "staff", status: "invited", name: `Ivy Invited ${hex()}` }),
    buildUser(t.database.db, { workspaceId: ws, role: "creator", name: `Casey Creator ${hex()}` }),
  ]);
  [admin, manager] = await Promise.all([loginAs(t, team.users.admin), loginAs(t, team.users.manager)]);
});
afterAll(async () => {
  await t?.close();
});

/** The single issue of a 400 validation_failed. */
function issueOf(res: { body: { error?: { details?: { issues?: { path: string; message: string }[] } } } }) {
  const issues = res.body.error?.details?.issues ?? [];
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

describe("lead owners", () => {
  it("400 validation_failed on body.ownerId when a lead is created for a creator, a deactivated, an invited or a portal user; nothing is written", async () => {
    const cases: [FactoryUser, string][] = [
      [casey, `${casey.name} can't see leads, so can't own one`],
      [gone, `${gone.name} is deactivated, so can't own a lead`],
      [invited, `${invited.name} is still invited, so can't own a lead`],
      [team.users.client, "Choose a team member of this workspace"],
    ];
    for (const [user, message] of cases) {
      const name = `Refused ${hex()}`;
      const res = await admin.post("/api/leads", { name, ownerId: user.id });
      expectError(res, 400, "validation_failed");
      expect(issueOf(res)).toEqual({ path: "body.ownerId", message });
      expect(await t.database.db.select().from(leads).where(eq(leads.name, name))).toHaveLength(0);
    }
    const ok = await manager.post("/api/leads", { name: `Fine ${hex()}`, ownerId: team.users.sales_agent.id });
    expect(ok.status).toBe(201);
    expect(ok.body.data.owner.id).toBe(team.users.sales_agent.id);
  });

  it("400 validation_failed on body.ownerId when a lead is handed to a creator; the owner stays", async () => {
    const lead = await buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.staff.id });
    const res = await admin.patch(`/api/leads/${lead.id}`, { ownerId: casey.id });
    expectError(res, 400, "validation_failed");
    expect(issueOf(res)).toEqual({ path: "body.ownerId", message: `${casey.name} can't see leads, so can't own one` });
    const [row] = await t.database.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.ownerId).toBe(team.users.staff.id);
    // Sending the current owner back (a whole-form save) is not a change, so it is not re-checked.
    expect((await admin.patch(`/api/leads/${lead.id}`, { ownerId: team.users.staff.id, notes: "kept" })).status).toBe(200);
  });

  it("400 validation_failed on body.action.ownerId when leads are bulk-assigned to a creator; none move", async () => {
    const rows = await Promise.all([1, 2].map(() => buildLead(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.staff.id })));
    const res = await admin.post("/api/leads/bulk", { ids: rows.map((r) => r.id), action: { type: "assign_owner", ownerId: casey.id } });
    expectError(res, 400, "validation_failed");
    expect(issueOf(res).path).toBe("body.action.ownerId");
    const after = await t.database.db.select().from(leads).where(inArray(leads.id, rows.map((r) => r.id)));
    expect(after.map((r) => r.ownerId)).toEqual([team.users.staff.id, team.users.staff.id]);
  });

  it("the role's permissions decide, not its name: staff whose role lost leads.read are refused leads but may still own deals", async () => {
    const other = await buildTeam(t.database.db);
    const otherAdmin = await loginAs(t, other.users.admin);
    await t.database.db
      .delete(rolePermissions)
      .where(and(eq(rolePermissions.workspaceId, other.workspace.id), eq(rolePermissions.role, "staff"), inArray(rolePermissions.permission, ["leads.read", "leads.write", "leads.export"])));
    const lead = await otherAdmin.post("/api/leads", { name: `Custom ${hex()}`, ownerId: other.users.staff.id });
    expectError(lead, 400, "validation_failed");
    expect(issueOf(lead)).toEqual({ path: "body.ownerId", message: `${other.users.staff.name} can't see leads, so can't own one` });
    const client = await buildClient(t.database.db, { workspaceId: other.workspace.id });
    const deal = await otherAdmin.post("/api/deals", { title: `Custom ${hex()}`, clientId: client.id, ownerId: other.users.staff.id });
    expect(deal.status).toBe(201);
    const picker = UserListResponse.parse((await otherAdmin.get("/api/users?canOwn=leads&limit=200")).body);
    expect(picker.data.map((u) => u.id)).not.toContain(other.users.staff.id);
  });
});

describe("deal owners", () => {
  it("400 validation_failed on body.ownerId when a deal is created for a creator or a deactivated user; nothing is written", async () => {
    const client = await buildClient(t.database.db, { workspaceId: team.workspace.id });
    for (const [user, message] of [
      [casey, `${casey.name} can't see deals, so can't own one`],
      [gone, `${gone.name} is deactivated, so can't own a deal`],
    ] as const) {
      const title = `Refused ${hex()}`;
      const res = await admin.post("/api/deals", { title, clientId: client.id, ownerId: user.id });
      expectError(res, 400, "validation_failed");
      expect(issueOf(res)).toEqual({ path: "body.ownerId", message });
      expect(await t.database.db.select().from(deals).where(eq(deals.title, title))).toHaveLength(0);
    }
  });

  it("400 validation_failed on body.ownerId when a deal is handed to a creator; the owner stays", async () => {
    const deal = await buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.staff.id });
    const res = await manager.patch(`/api/deals/${deal.id}`, { ownerId: casey.id });
    expectError(res, 400, "validation_failed");
    expect(issueOf(res)).toEqual({ path: "body.ownerId", message: `${casey.name} can't see deals, so can't own one` });
    const [row] = await t.database.db.select().from(deals).where(eq(deals.id, deal.id));
    expect(row!.ownerId).toBe(team.users.staff.id);
  });

  it("400 validation_failed on body.action.ownerId when deals are bulk-assigned to a creator; none move", async () => {
    const rows = await Promise.all([1, 2].map(() => buildDeal(t.database.db, { workspaceId: team.workspace.id, ownerId: team.users.staff.id })));
    const res = await admin.post("/api/deals/bulk", { ids: rows.map((r) => r.id), action: { type: "assign_owner", ownerId: casey.id } });
    expectError(res, 400, "validation_failed");
    expect(issueOf(res)).toEqual({ path: "body.action.ownerId", message: `${casey.name} can't see deals, so can't own one` });
    const after = await t.database.db.select().from(deals).where(inArray(deals.id, rows.map((r) => r.id)));
    expect(after.map((r) => r.ownerId)).toEqual([team.users.staff.id, team.users.staff.id]);
  });
});

describe("GET /api/users?canOwn= (owner pickers)", () => {
  it("200 lists only active members whose role may own the record type: no creator, portal, deactivated or invited user", async () => {
    for (const record of ["leads", "deals"] as const) {
      const res = await admin.get(`/api/users?canOwn=${record}&limit=200`);
      expect(res.status).toBe(200);
      const listed = UserListResponse.parse(res.body).data.map((u) => u.id);
      const { admin: a, manager: m, staff: s, sales_agent: sa } = team.users;
      expect(listed.sort()).toEqual([a.id, m.id, s.id, sa.id].sort());
    }
  });

  it("400 validation_failed on query.canOwn for an unknown record type", async () => {
    expectError(await admin.get("/api/users?canOwn=clients"), 400, "validation_failed");
  });
});

describe("assignment rules and automations", () => {
  it("400 validation_failed on body.assign.userId when a rule assigns to a creator, and on body.assign.userIds.<i> for a team with one", async () => {
    const single = await admin.post("/api/assignment-rules", { name: `To Casey ${hex()}`, assign: { type: "user", userId: casey.id } });
    expectError(single, 400, "validation_failed");
    expect(issueOf(single)).toEqual({ path: "body.assign.userId", message: `${casey.name} can't see leads, so can't own one` });
    const team2 = await admin.post("/api/assignment-rules", { name: `Team ${hex()}`, assign: { type: "round_robin", userIds: [team.users.staff.id, casey.id] } });
    expectError(team2, 400, "validation_failed");
    expect(issueOf(team2).path).toBe("body.assign.userIds.1");
  });

  it("400 validation_failed on body.actions.<i>.userId when an automation assigns leads to a creator (notifying them is allowed)", async () => {
    const assign = await admin.post("/api/automations", { name: `Auto ${hex()}`, trigger: { type: "lead_created" }, actions: [{ type: "add_tag", tag: "x" }, { type: "assign", userId: casey.id }] });
    expectError(assign, 400, "validation_failed");
    expect(issueOf(assign)).toEqual({ path: "body.actions.1.userId", message: `${casey.name} can't see leads, so can't own one` });
    const notify = await admin.post("/api/automations", { name: `Auto ${hex()}`, enabled: false, trigger: { type: "lead_created" }, actions: [{ type: "notify_user", userId: casey.id, message: "fyi" }] });
    expect(notify.status).toBe(201);
  });

  it("round-robin and least-loaded skip members who can no longer own leads (a creator or deactivated member left in an old rule)", async () => {
    const other = await buildTeam(t.database.db);
    const ws = other.workspace.id;
    const otherAdmin = await loginAs(t, other.users.admin);
    const leaver = await buildUser(t.database.db, { workspaceId: ws, role: "staff", status: "deactivated" });
    // Rules written before the check (or whose members changed since) still name them.
    await buildAssignmentRule(t.database.db, ws, { name: "Web", position: 0, conditions: [{ field: "tags", op: "contains", value: "web" }], assign: { type: "round_robin", userIds: [other.users.creator.id, leaver.id, other.users.staff.id, other.users.sales_agent.id] } });
    await buildAssignmentRule(t.database.db, ws, { name: "Rest", position: 1, assign: { type: "least_loaded", userIds: [other.users.creator.id, leaver.id, other.users.manager.id] } });
    const owners: string[] = [];
    for (const tags of [["web"], ["web"], ["web"], ["web"], [], []]) {
      const res = await otherAdmin.post("/api/leads", { name: `Rr ${hex()}`, tags });
      expect(res.status).toBe(201);
      owners.push(res.body.data.owner?.id);
    }
    expect(owners.slice(0, 4).sort()).toEqual([other.users.staff.id, other.users.staff.id, other.users.sales_agent.id, other.users.sales_agent.id].sort());
    expect(owners.slice(4)).toEqual([other.users.manager.id, other.users.manager.id]);
  });
});
