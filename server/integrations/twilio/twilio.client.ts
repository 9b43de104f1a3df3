import twilio from "twilio";
import { AppError } from "../../../shared/errors";
import type { Config } from "../../config/env";
import { executeWithCircuit } from "../../lib/circuit-breaker";
import { notConfigured, probe } from "../integration-support";
import type { IntegrationClient } from "../integration.types";

export type TwilioConfig = Pick<
  Config,
  "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN" | "TWILIO_FROM_NUMBER" | "TWILIO_API_BASE_URL" | "INTEGRATION_TIMEOUT_MS"
>;

export interface TwilioClient extends IntegrationClient {
  /** Sends one SMS (never retried: a retry could send it twice). */
  sendSms(message: { to: string; body: string; from?: string }): Promise<{ sid: string; status: string }>;
  /** True when `signature` (X-Twilio-Signature) matches the webhook URL and its POST parameters. */
  validateWebhookSignature(url: string, params: Record<string, string>, signature: string): boolean;
}

/**
 * twilio-node has no base-URL option: every resource builds absolute `https://<product>.twilio.com`
 * URIs. The documented extension point is a custom `httpClient`, so this one keeps the SDK's own
 * RequestClient (auth, form encoding, errors) and only swaps the origin for TWILIO_API_BASE_URL.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: URL,
    opts: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(opts);
  }

  override request<TData>(opts: Parameters<twilio.RequestClient["request"]>[0] & { data?: TData }) {
    const original = new URL(opts.uri);
    const basePath = this.baseUrl.pathname.replace(/\/$/, "");
    const target = new URL(`${basePath}${original.pathname}${original.search}`, this.baseUrl.origin);
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

/** Twilio client (SMS + webhook signatures); the SDK client is created on first use. */
export function createTwilioClient(config: TwilioConfig): TwilioClient {
  const sid = config.TWILIO_ACCOUNT_SID;
  const token = config.TWILIO_AUTH_TOKEN;
  const configured = Boolean(sid && token);
  const host = config.TWILIO_API_BASE_URL ? new URL(config.TWILIO_API_BASE_URL).host : "api.twilio.com";
  let sdk: twilio.Twilio | undefined;

  const client = () => {
    if (!sid || !token) throw notConfigured("SMS (Twilio)", "twilio");
    const requestOptions = { timeout: config.INTEGRATION_TIMEOUT_MS, autoRetry: false };
    sdk ??= twilio(sid, token, {
      ...requestOptions,
      httpClient: config.TWILIO_API_BASE_URL
        ? new BaseUrlRequestClient(new URL(config.TWILIO_API_BASE_URL), requestOptions)
        : undefined,
    });
    return sdk;
  };

  return {
    provider: "twilio",
    configured,
    status: () => ({
      provider: "twilio",
      label: "SMS (Twilio)",
      configured,
      detail: configured ? `${host}${config.TWILIO_FROM_NUMBER ? ", default sender set" : ", no default sender"}` : "not configured",
    }),
    healthCheck: async () => {
      if (!configured || !sid) return { ok: true, detail: "not configured" };
      return probe("twilio", async () => {
        const api = client().api.v2010;
        const account = await executeWithCircuit("twilio", () => api.accounts(sid).fetch(), { idempotent: true });
        return `account ${account.status} via ${host}`;
      });
    },
    sendSms: async ({ to, body, from }) => {
      const messages = client().messages;
      const sender = from ?? config.TWILIO_FROM_NUMBER;
      if (!sender) throw new AppError("service_unavailable", "SMS has no sender number: set TWILIO_FROM_NUMBER.", { provider: "twilio" });
      const message = await executeWithCircuit("twilio", () => messages.create({ to, from: sender, body }));
      return { sid: message.sid, status: message.status };
    },
    validateWebhookSignature: (url, params, signature) => {
      if (!token || !signature) return false;
      return twilio.validateRequest(token, signature, url, params);
    },
  };
}
