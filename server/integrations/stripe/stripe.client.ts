import Stripe from "stripe";
import { AppError } from "../../../shared/errors";
import type { Config } from "../../config/env";
import { type ExecuteOptions, executeWithCircuit } from "../../lib/circuit-breaker";
import { notConfigured, probe } from "../integration-support";
import type { IntegrationClient } from "../integration.types";

export type StripeConfig = Pick<Config, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE_URL" | "INTEGRATION_TIMEOUT_MS">;

export interface StripeClient extends IntegrationClient {
  /** The SDK instance (throws when not configured). Make network calls through `call`, never directly. */
  readonly client: Stripe;
  /**
   * Runs SDK calls behind the Stripe breaker. Pass `idempotent: true` for reads, and for writes only
   * when they carry an `idempotencyKey` request option (then Stripe deduplicates the retries).
   */
  call<T>(fn: (stripe: Stripe) => Promise<T>, opts?: ExecuteOptions): Promise<T>;
  /** Verifies a webhook's Stripe-Signature against the raw body; throws `bad_request` when it does not match. */
  constructWebhookEvent(rawBody: string | Buffer, signature: string | undefined): Stripe.Event;
}

/** Stripe SDK options pointing at STRIPE_API_BASE_URL when set. */
function hostOptions(baseUrl: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!baseUrl) return {};
  const url = new URL(baseUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

/** Stripe client (API calls + webhook verification); the SDK instance is created on first use. */
export function createStripeClient(config: StripeConfig): StripeClient {
  const key = config.STRIPE_SECRET_KEY;
  const configured = Boolean(key);
  const host = config.STRIPE_API_BASE_URL ? new URL(config.STRIPE_API_BASE_URL).host : "api.stripe.com";
  let sdk: Stripe | undefined;

  const client = (): Stripe => {
    if (!key) throw notConfigured("Payments (Stripe)", "stripe");
    // Retries belong to the breaker (and only for idempotent calls), not to the SDK.
    sdk ??= new Stripe(key, {
      ...hostOptions(config.STRIPE_API_BASE_URL),
      maxNetworkRetries: 0,
      timeout: config.INTEGRATION_TIMEOUT_MS,
      telemetry: false,
      appInfo: { name: "Agency OS" },
    });
    return sdk;
  };

  const call = <T>(fn: (stripe: Stripe) => Promise<T>, opts?: ExecuteOptions): Promise<T> => {
    const stripe = client();
    return executeWithCircuit("stripe", () => fn(stripe), opts);
  };

  return {
    provider: "stripe",
    configured,
    get client() {
      return client();
    },
    call,
    status: () => ({
      provider: "stripe",
      label: "Payments (Stripe)",
      configured,
      detail: configured ? `${host}, ${key?.startsWith("sk_live_") || key?.startsWith("rk_live_") ? "live" : "test"} mode` : "not configured",
    }),
    healthCheck: async () => {
      if (!configured) return { ok: true, detail: "not configured" };
      return probe("stripe", async () => {
        const balance = await call((stripe) => stripe.balance.retrieve(), { idempotent: true });
        return `balance readable (${balance.livemode ? "live" : "test"} mode) via ${host}`;
      });
    },
    constructWebhookEvent: (rawBody, signature) => {
      const secret = config.STRIPE_WEBHOOK_SECRET;
      if (!secret) throw notConfigured("Stripe webhooks", "stripe");
      if (!signature) throw new AppError("bad_request", "Missing Stripe-Signature header.", { reason: "missing_signature" });
      try {
        // Static webhooks: verifying a signature needs the signing secret, not an API key.
        return Stripe.webhooks.constructEvent(rawBody, signature, secret);
      } catch (err) {
        const error = new AppError("bad_request", "Invalid Stripe signature.", { reason: "invalid_signature" });
        error.cause = err;
        throw error;
      }
    },
  };
}
