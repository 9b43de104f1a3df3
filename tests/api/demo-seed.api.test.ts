import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemoIfEmpty } from "../../server/db/seed/demo-seed";
import { loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoIfEmpty(t.database)).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

const login = (local: string) => loginAs(t, { email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD });
const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((c) => c.name).sort();

describe("demo seed", () => {
  it("gives each role the intended view of the CRM", async () => {
    const admin = await login("admin");
    const all = await admin.get("/api/clients?limit=200");
    expect(all.body.data).toHaveLength(50);
    expect(all.body.data.find((c: { name: string }) => c.name === "Acme Coffee Roasters")).toMatchObject({ retainer: { amountMinor: 450000, currency: "GBP" }, contactCount: 2 });
    const salesClients = names(await (await login("sales")).get("/api/clients?limit=200"));
    expect(salesClients).toContain("Bluebird Dental");
    expect(salesClients.length).toBeLessThan(50);
    expect(names(await (await login("creator")).get("/api/clients"))).toEqual(["Acme Coffee Roasters", "Cedar & Pine Realty"]);
    const { rows } = await t.database.pool.query("SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM leads) AS leads, (SELECT count(DISTINCT status) FROM leads) AS statuses, (SELECT count(*) FROM deals) AS deals, (SELECT count(*) FROM pipelines) AS pipelines, (SELECT count(*) FROM lead_forms) AS forms, (SELECT count(*) FROM assignment_rules) AS rules, (SELECT count(*) FROM automations) AS automations");
    expect(rows[0]).toEqual({ contacts: 300, leads: 2000, statuses: 5, deals: 200, pipelines: 2, forms: 2, rules: 2, automations: 2 });
  });

  it("a sales agent sees only their own leads and deals; the admin sees all 2,000 leads", async () => {
    const sales = await login("sales");
    const me = (await sales.get("/api/auth/me")).body;
    const leads = (await sales.get("/api/leads?limit=200")).body.data as { owner: { id: string } | null }[];
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.every((l) => l.owner?.id === me.user.id)).toBe(true);
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM leads");
    expect(rows[0].n).toBe(2000);
  });

  it("the portal login sees its company, two switched-on sections and its contacts", async () => {
    const overview = (await (await login("client")).get("/api/portal/overview")).body;
    expect(overview.client.name).toBe("Acme Coffee Roasters");
    expect(Object.values(overview.sections).filter(Boolean)).toHaveLength(2);
    expect(overview.contacts.map((c: { name: string }) => c.name).sort()).toEqual(["Charlie Client", "Priya Shah"]);
  });
});
