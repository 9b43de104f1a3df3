import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetBreakers } from "../../server/lib/circuit-breaker";
import { buildTeam } from "../factories";
import { startFakeSmtp, type FakeSmtp } from "../fakes/fake-smtp";
import { startFakeStripe } from "../fakes/fake-stripe";
import type { HttpFake } from "../fakes/http-fake";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

// Real delivery and live health checks: the official SDKs talk to loopback fakes over the wire.
let t: TestApp;
let smtp: FakeSmtp;
let stripe: HttpFake;
let admin: ApiClient;

beforeAll(async () => {
  resetBreakers();
  smtp = await startFakeSmtp();
  stripe = await startFakeStripe();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: "Agency OS <no-reply@agency.test>",
    STRIPE_SECRET_KEY: "sk_test_integration_key",
    STRIPE_API_BASE_URL: stripe.url,
    INTEGRATION_TIMEOUT_MS: "1000",
  });
  const team = await buildTeam(t.database.db);
  admin = await loginAs(t, team.users.admin);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await stripe?.close();
  resetBreakers();
});

describe("email delivery with SMTP_URL set", () => {
  it("an invitation is delivered over SMTP by the email job and marked sent in the outbox", async () => {
    const res = await admin.post("/api/users/invitations", { email: "delivered@example.test", name: "Del Ivered", role: "staff" });
    expect(res.status).toBe(201);
    const drained = await t.drainJobs();
    expect(drained.failed).toBe(0);
    const mail = await smtp.waitFor((m) => m.to.includes("delivered@example.test"), 5000);
    expect(mail.raw).toContain("/accept-invite?token=");
    expect(mail.raw).toMatch(/X-Agency-OS-Outbox-Id: [0-9a-f-]{36}/i);
    const outbox = await admin.get("/api/admin/outbox?to=delivered@example.test");
    expect(outbox.body.data[0]).toMatchObject({ to: "delivered@example.test", status: "sent", error: null });
  });
});

describe("POST /api/admin/system/integration-checks", () => {
  it("200 reports Stripe and SMTP healthy through their real clients, and unconfigured providers as such", async () => {
    const res = await admin.post("/api/admin/system/integration-checks");
    expect(res.status).toBe(200);
    const byProvider = Object.fromEntries(res.body.data.map((r: { provider: string }) => [r.provider, r]));
    expect(byProvider.stripe).toMatchObject({ ok: true });
    expect(byProvider.smtp).toMatchObject({ ok: true });
    expect(byProvider.twilio.detail).toMatch(/not configured/i);
    expect(stripe.requests.some((r) => r.path === "/v1/balance")).toBe(true);
  });

  it("200 with stripe ok:false when Stripe fails, and the failures show on the stripe breaker in Admin → System", async () => {
    stripe.setMode("fail");
    const res = await admin.post("/api/admin/system/integration-checks");
    expect(res.status).toBe(200);
    const stripeRow = res.body.data.find((r: { provider: string }) => r.provider === "stripe");
    expect(stripeRow.ok).toBe(false);
    const system = await admin.get("/api/admin/system");
    const breaker = system.body.breakers.find((b: { provider: string }) => b.provider === "stripe");
    expect(breaker.failures).toBeGreaterThan(0);
    expect(JSON.stringify(system.body)).not.toContain("sk_test_integration_key");
    stripe.setMode("ok");
  });
});
