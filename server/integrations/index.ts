import type { IntegrationStatusDto } from "../../shared/contracts/admin";
import type { Config } from "../config/env";
import { createGoogleClient } from "./google/google.client";
import type { HealthResult } from "./integration.types";
import { createMicrosoftClient } from "./microsoft/microsoft.client";
import { createOpenAiClient } from "./openai/openai.client";
import { createSmtpClient } from "./smtp/smtp.client";
import { createStripeClient } from "./stripe/stripe.client";
import { createTwilioClient } from "./twilio/twilio.client";

export type { CalendarWindow, ExternalCalendarEvent, HealthResult, IntegrationClient } from "./integration.types";

/** Every provider client; creating them makes no network call. */
export function createIntegrations(config: Config) {
  return {
    smtp: createSmtpClient(config),
    twilio: createTwilioClient(config),
    stripe: createStripeClient(config),
    openai: createOpenAiClient(config),
    google: createGoogleClient(config),
    microsoft: createMicrosoftClient(config),
  };
}

export type Integrations = ReturnType<typeof createIntegrations>;

/** Status of every integration (no network calls; details never contain secrets). */
export function integrationStatuses(integrations: Integrations): IntegrationStatusDto[] {
  return Object.values(integrations).map((client) => client.status());
}

/** Runs every configured integration's health check in parallel. */
export async function integrationHealth(integrations: Integrations): Promise<Array<HealthResult & { provider: string }>> {
  return Promise.all(Object.values(integrations).map(async (client) => ({ provider: client.provider, ...(await client.healthCheck()) })));
}
