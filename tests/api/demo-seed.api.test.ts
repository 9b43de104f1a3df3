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
    expect(all.body.data).toHaveLength(5);
    expect(all.body.data.find((c: { name: string }) => c.name === "Acme Coffee Roasters")).toMatchObject({ retainer: { amountMinor: 450000, currency: "GBP" }, contactCount: 2 });
    expect(names(await (await login("sales")).get("/api/clients"))).toEqual(["Bluebird Dental"]);
    expect(names(await (await login("creator")).get("/api/clients"))).toEqual(["Acme Coffee Roasters", "Cedar & Pine Realty"]);
    expect((await admin.get("/api/contacts?limit=200")).body.data.length).toBeGreaterThanOrEqual(7);
  });

  it("the portal login sees its company, two switched-on sections and its contacts", async () => {
    const overview = (await (await login("client")).get("/api/portal/overview")).body;
    expect(overview.client.name).toBe("Acme Coffee Roasters");
    expect(Object.values(overview.sections).filter(Boolean)).toHaveLength(2);
    expect(overview.contacts.map((c: { name: string }) => c.name).sort()).toEqual(["Charlie Client", "Priya Shah"]);
  });
});
