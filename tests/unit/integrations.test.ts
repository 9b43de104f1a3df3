import Stripe from "stripe";
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../../server/config/env";
import { createIntegrations, type Integrations, integrationHealth, integrationStatuses } from "../../server/integrations";
import { configureBreakers, getBreakerSnapshots, resetBreakers } from "../../server/lib/circuit-breaker";
import { configureLogger } from "../../server/lib/logger";
import { IntegrationStatusDto } from "../../shared/contracts/admin";
import { AppError } from "../../shared/errors";
import { startFakeGoogle } from "../fakes/fake-google";
import { startFakeMicrosoft } from "../fakes/fake-microsoft";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/fake-openai";
import { type FakeSmtp, startFakeSmtp } from "../fakes/fake-smtp";
import { startFakeStripe } from "../fakes/fake-stripe";
import { startFakeTwilio } from "../fakes/fake-twilio";
import type { HttpFake } from "../fakes/http-fake";

configureLogger({ level: "silent", pretty: false });

const SECRETS = {
  smtpPassword: "smtp-pass-9f2c7e",
  twilioSid: "AC0123456789abcdef0123456789abcdef",
  twilioToken: "twilio-token-5b1d0a7c3e",
  stripeKey: "sk_test_51FakeKeyForAgencyOsTests",
  stripeWebhookSecret: "whsec_test_secret_4c2a9d",
  openAiKey: "sk-openai-test-7d3f1b",
  googleSecret: "google-secret-1e8b4c",
  microsoftSecret: "microsoft-secret-6a0f2d",
};
const GOOGLE_TOKEN = "ya29.google-user-token";
const MS_TOKEN = "eyJ0eXAi.microsoft-user-token";
const WINDOW = { timeMin: new Date("2025-03-01T00:00:00Z"), timeMax: new Date("2025-04-01T00:00:00Z") };
const BULK_WINDOW = { timeMin: new Date("2025-06-01T00:00:00Z"), timeMax: new Date("2025-07-01T00:00:00Z") };
// More events than one page (250) in June, so both calendar clients must follow pagination.
const BULK = Array.from({ length: 260 }, (_, i) => {
  const start = new Date(Date.UTC(2025, 5, 1, 0, 0) + i * 60 * 60 * 1000);
  return { id: `bulk-${i}`, start: start.toISOString(), end: new Date(start.getTime() + 30 * 60 * 1000).toISOString() };
});

let smtpFake: FakeSmtp;
let stripeFake: HttpFake;
let twilioFake: HttpFake;
let openAiFake: FakeOpenAi;
let googleFake: HttpFake;
let microsoftFake: HttpFake;
let config: Config;
let integrations: Integrations;

function httpFakes(): HttpFake[] {
  return [stripeFake, twilioFake, openAiFake, googleFake, microsoftFake];
}

beforeAll(async () => {
  [smtpFake, stripeFake, twilioFake, openAiFake, googleFake, microsoftFake] = await Promise.all([
    startFakeSmtp(),
    startFakeStripe(),
    startFakeTwilio({ accountSid: SECRETS.twilioSid, authToken: SECRETS.twilioToken }),
    startFakeOpenAi(),
    startFakeGoogle({
      tokens: [GOOGLE_TOKEN],
      events: [
        { id: "g1", summary: "Client kickoff", start: { dateTime: "2025-03-03T09:00:00Z" }, end: { dateTime: "2025-03-03T10:00:00Z" }, location: "Zoom" },
        { id: "g2", summary: "Offsite", start: { date: "2025-03-10" }, end: { date: "2025-03-11" } },
        { id: "g-outside", summary: "Last year", start: { dateTime: "2024-03-03T09:00:00Z" }, end: { dateTime: "2024-03-03T10:00:00Z" } },
        ...BULK.map((e) => ({ id: e.id, summary: e.id, start: { dateTime: e.start }, end: { dateTime: e.end } })),
      ],
    }),
    startFakeMicrosoft({
      tokens: [MS_TOKEN],
      events: [
        { id: "m1", subject: "Quarterly review", start: "2025-03-05T14:00:00Z", end: "2025-03-05T15:00:00Z", location: "Room 4" },
        { id: "m2", subject: "Holiday", start: "2025-03-17T00:00:00Z", end: "2025-03-18T00:00:00Z", isAllDay: true },
        { id: "m-outside", subject: "Later", start: "2025-05-05T14:00:00Z", end: "2025-05-05T15:00:00Z" },
        ...BULK.map((e) => ({ id: e.id, subject: e.id, start: e.start, end: e.end })),
      ],
    }),
  ]);
  const smtpUrl = new URL(smtpFake.url);
  smtpUrl.username = "mailer";
  smtpUrl.password = SECRETS.smtpPassword;
  config = loadConfig({
    NODE_ENV: "test",
    SMTP_URL: smtpUrl.href,
    MAIL_FROM: "Agency OS <no-reply@agency.test>",
    TWILIO_ACCOUNT_SID: SECRETS.twilioSid,
    TWILIO_AUTH_TOKEN: SECRETS.twilioToken,
    TWILIO_FROM_NUMBER: "+15005550006",
    TWILIO_API_BASE_URL: twilioFake.url,
    STRIPE_SECRET_KEY: SECRETS.stripeKey,
    STRIPE_WEBHOOK_SECRET: SECRETS.stripeWebhookSecret,
    STRIPE_API_BASE_URL: stripeFake.url,
    OPENAI_API_KEY: SECRETS.openAiKey,
    OPENAI_BASE_URL: openAiFake.url,
    OPENAI_MODEL: "gpt-4o-mini",
    GOOGLE_CLIENT_ID: "google-client-id.apps.googleusercontent.com",
    GOOGLE_CLIENT_SECRET: SECRETS.googleSecret,
    GOOGLE_API_BASE_URL: googleFake.url,
    MICROSOFT_CLIENT_ID: "00000000-0000-0000-0000-000000000abc",
    MICROSOFT_CLIENT_SECRET: SECRETS.microsoftSecret,
    MICROSOFT_GRAPH_BASE_URL: microsoftFake.url,
    INTEGRATION_TIMEOUT_MS: "2000",
  });
  integrations = createIntegrations(config);
});

afterAll(async () => {
  await Promise.all([smtpFake.close(), ...httpFakes().map((f) => f.close())]);
});

beforeEach(() => {
  configureBreakers({ timeoutMs: 2_000, halfOpenAfterMs: 100, consecutiveFailures: 5, retryInitialDelayMs: 5, retryMaxDelayMs: 20 });
  resetBreakers();
  for (const fake of httpFakes()) {
    fake.setMode("ok");
    fake.requests.length = 0;
  }
  smtpFake.setMode("ok");
});

describe("createIntegrations", () => {
  it("makes no network call when the clients are created", () => {
    createIntegrations(config);
    for (const fake of httpFakes()) expect(fake.requests).toHaveLength(0);
    expect(smtpFake.messages).toHaveLength(0);
  });

  it("statuses match the contract and never contain a secret", () => {
    const statuses = integrationStatuses(integrations);
    expect(statuses.map((s) => s.provider)).toEqual(["smtp", "twilio", "stripe", "openai", "google", "microsoft"]);
    for (const status of statuses) {
      expect(IntegrationStatusDto.parse(status)).toEqual(status);
      expect(status.configured).toBe(true);
    }
    const serialized = JSON.stringify(statuses);
    for (const secret of Object.values(SECRETS)) expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain("mailer");
    expect(statuses.find((s) => s.provider === "smtp")?.detail).toBe(`127.0.0.1:${new URL(smtpFake.url).port}`);
    expect(statuses.find((s) => s.provider === "stripe")?.detail).toContain("test mode");
  });

  it("reports unconfigured providers as configured: false with a healthy 'not configured' check", async () => {
    const bare = createIntegrations(loadConfig({ NODE_ENV: "test" }));
    for (const status of integrationStatuses(bare)) expect(status.configured).toBe(false);
    for (const health of await integrationHealth(bare)) expect(health).toMatchObject({ ok: true, detail: "not configured" });
    const error = await bare.smtp.send({ to: "a@b.test", subject: "x", text: "y" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("service_unavailable");
    expect(getBreakerSnapshots().find((b) => b.provider === "smtp")?.failures).toBe(0);
  });

  it("health checks make one cheap real call to each fake and all pass", async () => {
    const health = await integrationHealth(integrations);
    for (const result of health) expect(result, result.provider).toMatchObject({ ok: true });
    expect(stripeFake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/balance"]);
    expect(twilioFake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /2010-04-01/Accounts/${SECRETS.twilioSid}.json`]);
    expect(openAiFake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/models"]);
    expect(googleFake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /calendar/v3/users/me/calendarList"]);
    expect(microsoftFake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1.0/me"]);
  });

  it("a health check reports ok: false (without secrets) when the provider fails", async () => {
    stripeFake.setMode("fail");
    const result = await integrations.stripe.healthCheck();
    expect(result.ok).toBe(false);
    expect(result.detail).toContain("integration_unavailable");
    expect(result.detail).not.toContain(SECRETS.stripeKey);
  });
});

describe("SMTP (nodemailer → fake smtp-server)", () => {
  it("delivers a message with its envelope, subject, headers and body", async () => {
    const { messageId } = await integrations.smtp.send({
      to: "client@example.test",
      subject: "Your invoice — März",
      text: "Hello from Agency OS",
      html: "<p>Hello from <b>Agency OS</b></p>",
      headers: { "X-Agency-OS-Outbox-Id": "outbox-1" },
    });
    const mail = await smtpFake.waitFor((m) => m.headers["x-agency-os-outbox-id"] === "outbox-1");
    expect(mail.to).toEqual(["client@example.test"]);
    expect(mail.from).toBe("no-reply@agency.test");
    expect(mail.subject).toBe("Your invoice — März");
    expect(mail.user).toBe("mailer");
    expect(mail.headers["message-id"]).toBe(messageId);
    expect(mail.raw).toContain("Hello from Agency OS");
  });

  it("does not retry a send when the server answers a transient error", async () => {
    smtpFake.setMode("fail");
    const before = smtpFake.messages.length;
    const error = await integrations.smtp.send({ to: "x@example.test", subject: "s", text: "t" }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("integration_unavailable");
    expect(smtpFake.messages.length).toBe(before);
    expect(getBreakerSnapshots().find((b) => b.provider === "smtp")?.failures).toBe(1);
  });
});

describe("Stripe (official SDK → fake)", () => {
  it("creates a customer through the SDK with the secret key as bearer token", async () => {
    const customer = await integrations.stripe.call((stripe) =>
      stripe.customers.create({ email: "billing@client.test", name: "Client Ltd", metadata: { workspaceId: "ws_1" } }),
    );
    expect(customer.id).toMatch(/^cus_/);
    expect(customer.email).toBe("billing@client.test");
    const request = stripeFake.requests[0];
    expect(request.headers.authorization).toBe(`Bearer ${SECRETS.stripeKey}`);
    expect(request.form.get("metadata[workspaceId]")).toBe("ws_1");
    const fetched = await integrations.stripe.call((stripe) => stripe.customers.retrieve(customer.id), { idempotent: true });
    expect(fetched.id).toBe(customer.id);
  });

  it("passes Stripe's client errors through as SDK errors (not integration_unavailable)", async () => {
    const error = await integrations.stripe.call((stripe) => stripe.customers.retrieve("cus_missing")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(404);
  });

  it("retries an idempotent call exactly twice (the SDK's own retries are off)", async () => {
    stripeFake.setMode("fail");
    const error = await integrations.stripe.call((stripe) => stripe.balance.retrieve(), { idempotent: true }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("integration_unavailable");
    expect(stripeFake.requests).toHaveLength(3);
  });

  it("verifies a webhook signed with the endpoint secret", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid", data: { object: { id: "in_1" } } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRETS.stripeWebhookSecret });
    const event = integrations.stripe.constructWebhookEvent(Buffer.from(payload), header);
    expect(event).toMatchObject({ id: "evt_1", type: "invoice.paid" });
  });

  it("rejects a tampered webhook body, a foreign secret and a missing signature with bad_request", () => {
    const payload = JSON.stringify({ id: "evt_2", object: "event", type: "invoice.paid", data: { object: { amount_paid: 100 } } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRETS.stripeWebhookSecret });
    const tampered = payload.replace("100", "999999");
    const foreign = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    for (const [body, signature, reason] of [
      [tampered, header, "invalid_signature"],
      [payload, foreign, "invalid_signature"],
      [payload, undefined, "missing_signature"],
    ] as const) {
      try {
        integrations.stripe.constructWebhookEvent(body, signature);
        expect.unreachable("the webhook should have been rejected");
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("bad_request");
        expect((error as AppError).details?.reason).toBe(reason);
      }
    }
  });
});

describe("Twilio (official SDK → fake)", () => {
  it("sends an SMS through the SDK with basic auth and the default sender", async () => {
    const result = await integrations.twilio.sendSms({ to: "+15558675310", body: "Your report is ready" });
    expect(result.sid).toMatch(/^SM/);
    expect(result.status).toBe("queued");
    const request = twilioFake.requests[0];
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/2010-04-01/Accounts/${SECRETS.twilioSid}/Messages.json`);
    expect(request.form.get("To")).toBe("+15558675310");
    expect(request.form.get("From")).toBe("+15005550006");
    expect(request.form.get("Body")).toBe("Your report is ready");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRETS.twilioSid}:${SECRETS.twilioToken}`).toString("base64")}`);
  });

  it("does not retry an SMS when Twilio fails", async () => {
    twilioFake.setMode("fail");
    const error = await integrations.twilio.sendSms({ to: "+15558675310", body: "x" }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("integration_unavailable");
    expect(twilioFake.requests).toHaveLength(1);
  });

  it("validates a correctly signed webhook and rejects a wrong signature or altered parameters", () => {
    const url = "https://agency.example/api/webhooks/twilio/sms";
    const params = { From: "+15558675310", To: "+15005550006", Body: "STOP", MessageSid: "SM123" };
    const signature = twilio.getExpectedTwilioSignature(SECRETS.twilioToken, url, params);
    expect(integrations.twilio.validateWebhookSignature(url, params, signature)).toBe(true);
    expect(integrations.twilio.validateWebhookSignature(url, params, "bm90LXRoZS1zaWduYXR1cmU=")).toBe(false);
    expect(integrations.twilio.validateWebhookSignature(url, { ...params, Body: "START" }, signature)).toBe(false);
    expect(integrations.twilio.validateWebhookSignature(`${url}?x=1`, params, signature)).toBe(false);
    expect(integrations.twilio.validateWebhookSignature(url, params, "")).toBe(false);
  });
});

describe("OpenAI (official SDK → fake)", () => {
  it("completes a prompt with the configured model, system message first", async () => {
    const text = await integrations.openai.complete({ system: "You write status updates.", prompt: "Summarise the week" });
    expect(text).toBe("Echo: Summarise the week");
    const body = JSON.parse(openAiFake.requests[0].body) as { model: string; messages: Array<{ role: string; content: string }> };
    expect(body.model).toBe("gpt-4o-mini");
    expect(body.messages).toEqual([
      { role: "system", content: "You write status updates." },
      { role: "user", content: "Summarise the week" },
    ]);
    expect(openAiFake.requests[0].headers.authorization).toBe(`Bearer ${SECRETS.openAiKey}`);
  });

  it("uses a per-call model and the fake's reply", async () => {
    openAiFake.setReply(() => "Three tasks closed.");
    try {
      expect(await integrations.openai.complete({ prompt: "Status?", model: "gpt-4o" })).toBe("Three tasks closed.");
      expect((JSON.parse(openAiFake.requests[0].body) as { model: string }).model).toBe("gpt-4o");
    } finally {
      openAiFake.setReply((messages) => `Echo: ${messages.at(-1)?.content ?? ""}`);
    }
  });

  it("times out a hanging completion and reports integration_unavailable", async () => {
    openAiFake.setMode("hang");
    const started = performance.now();
    const error = await integrations.openai.complete({ prompt: "slow", timeoutMs: 150 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("integration_unavailable");
    // 3 attempts of 150 ms plus small backoffs.
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(openAiFake.requests).toHaveLength(3);
  });
});

describe("Google Calendar (official SDK → fake)", () => {
  it("lists the events in a window with the user's token, normalised", async () => {
    const events = await integrations.google.listEvents(GOOGLE_TOKEN, "primary", WINDOW);
    expect(events).toEqual([
      {
        id: "g1",
        title: "Client kickoff",
        start: "2025-03-03T09:00:00Z",
        end: "2025-03-03T10:00:00Z",
        allDay: false,
        location: "Zoom",
        url: "https://calendar.google.com/event?eid=g1",
        status: "confirmed",
      },
      { id: "g2", title: "Offsite", start: "2025-03-10", end: "2025-03-11", allDay: true, location: null, url: "https://calendar.google.com/event?eid=g2", status: "confirmed" },
    ]);
    const request = googleFake.requests[0];
    expect(request.path).toBe("/calendar/v3/calendars/primary/events");
    expect(request.headers.authorization).toBe(`Bearer ${GOOGLE_TOKEN}`);
    expect(request.query.get("timeMin")).toBe("2025-03-01T00:00:00.000Z");
    expect(request.query.get("singleEvents")).toBe("true");
  });

  it("follows nextPageToken across pages", async () => {
    const events = await integrations.google.listEvents(GOOGLE_TOKEN, "primary", BULK_WINDOW);
    expect(events).toHaveLength(260);
    expect(googleFake.requests).toHaveLength(2);
  });

  it("passes a rejected token through as a 401 without opening the circuit", async () => {
    const error = await integrations.google.listEvents("expired-token", "primary", WINDOW).catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(401);
    expect(getBreakerSnapshots().find((b) => b.provider === "google")).toMatchObject({ state: "closed", failures: 0 });
  });
});

describe("Microsoft Graph (official SDK → fake)", () => {
  it("lists calendarView events in a window with the user's token, normalised to UTC", async () => {
    const events = await integrations.microsoft.listEvents(MS_TOKEN, { start: WINDOW.timeMin, end: WINDOW.timeMax });
    expect(events).toEqual([
      {
        id: "m1",
        title: "Quarterly review",
        start: "2025-03-05T14:00:00Z",
        end: "2025-03-05T15:00:00Z",
        allDay: false,
        location: "Room 4",
        url: "https://outlook.office365.com/owa/?itemid=m1",
        status: "confirmed",
      },
      { id: "m2", title: "Holiday", start: "2025-03-17", end: "2025-03-18", allDay: true, location: null, url: "https://outlook.office365.com/owa/?itemid=m2", status: "confirmed" },
    ]);
    const request = microsoftFake.requests[0];
    expect(request.path).toBe("/v1.0/me/calendarView");
    expect(request.headers.authorization).toBe(`Bearer ${MS_TOKEN}`);
    expect(request.headers.prefer).toBe('outlook.timezone="UTC"');
    expect(request.query.get("startDateTime")).toBe("2025-03-01T00:00:00.000Z");
  });

  it("follows @odata.nextLink across pages", async () => {
    const events = await integrations.microsoft.listEvents(MS_TOKEN, { start: BULK_WINDOW.timeMin, end: BULK_WINDOW.timeMax });
    expect(events).toHaveLength(260);
    expect(new Set(events.map((e) => e.id)).size).toBe(260);
    expect(microsoftFake.requests).toHaveLength(2);
    expect(microsoftFake.requests[1].query.get("$skip")).toBe("250");
  });

  it("opens the Microsoft circuit after repeated Graph outages and then stops calling Graph", async () => {
    configureBreakers({ timeoutMs: 2_000, halfOpenAfterMs: 10_000, consecutiveFailures: 3, maxRetries: 0 });
    microsoftFake.setMode("fail");
    for (let i = 0; i < 3; i++) {
      const error = await integrations.microsoft.listEvents(MS_TOKEN, { start: WINDOW.timeMin, end: WINDOW.timeMax }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe("integration_unavailable");
    }
    expect(getBreakerSnapshots().find((b) => b.provider === "microsoft")?.state).toBe("open");
    await integrations.microsoft.listEvents(MS_TOKEN, { start: WINDOW.timeMin, end: WINDOW.timeMax }).catch(() => undefined);
    expect(microsoftFake.requests).toHaveLength(3);
  });
});
