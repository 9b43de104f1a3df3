import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "../factories";
import { anonymous, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe("GET /api/auth/me", () => {
  it("401 unauthenticated when signed out", async () => {
    const res = await anonymous(t).get("/api/auth/me");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("200 with the user, permissions and a CSRF token once signed in", async () => {
    const team = await buildTeam(t.database.db);
    const admin = await loginAs(t, team.users.admin);
    const res = await admin.get("/api/auth/me");
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(team.users.admin.email);
    expect(res.body.permissions).toContain("roles.manage");
    expect(res.body.csrfToken).toEqual(admin.csrfToken);
  });
});
