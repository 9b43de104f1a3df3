import OpenAI from "openai";
import type { Config } from "../../config/env";
import { executeWithCircuit } from "../../lib/circuit-breaker";
import { notConfigured, probe } from "../integration-support";
import type { IntegrationClient } from "../integration.types";

export type OpenAiConfig = Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "INTEGRATION_TIMEOUT_MS">;

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** One completion request. */
export interface CompletionRequest {
  system?: string;
  prompt: string;
  /** Defaults to OPENAI_MODEL. */
  model?: string;
  maxTokens?: number;
  temperature?: number;
  /** Overrides the integration timeout (generations can be slow). */
  timeoutMs?: number;
}

export interface OpenAiClient extends IntegrationClient {
  /** The assistant's text for one system + user prompt (retried on failure: it has no side effects). */
  complete(request: CompletionRequest): Promise<string>;
}

/** OpenAI (or compatible) chat client; the SDK instance is created on first use. */
export function createOpenAiClient(config: OpenAiConfig): OpenAiClient {
  const key = config.OPENAI_API_KEY;
  const configured = Boolean(key);
  // Passed explicitly so the SDK never falls back to reading process.env.
  const baseURL = config.OPENAI_BASE_URL ?? DEFAULT_BASE_URL;
  const host = new URL(baseURL).host;
  let sdk: OpenAI | undefined;

  const client = (): OpenAI => {
    if (!key) throw notConfigured("AI (OpenAI)", "openai");
    // The breaker owns retries and timeouts.
    sdk ??= new OpenAI({ apiKey: key, baseURL, maxRetries: 0, timeout: config.INTEGRATION_TIMEOUT_MS });
    return sdk;
  };

  return {
    provider: "openai",
    configured,
    status: () => ({
      provider: "openai",
      label: "AI (OpenAI)",
      configured,
      detail: configured ? `${host}, model ${config.OPENAI_MODEL}` : "not configured",
    }),
    healthCheck: async () => {
      if (!configured) return { ok: true, detail: "not configured" };
      return probe("openai", async () => {
        const openai = client();
        const page = await executeWithCircuit("openai", (signal) => openai.models.list({ signal }), { idempotent: true });
        return `${page.data.length} models available via ${host}`;
      });
    },
    complete: async ({ system, prompt, model, maxTokens, temperature, timeoutMs }) => {
      const openai = client();
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [];
      if (system) messages.push({ role: "system", content: system });
      messages.push({ role: "user", content: prompt });
      const completion = await executeWithCircuit(
        "openai",
        (signal) =>
          openai.chat.completions.create(
            { model: model ?? config.OPENAI_MODEL, messages, max_completion_tokens: maxTokens, temperature },
            // The SDK rejects an explicit `timeout: undefined`.
            timeoutMs === undefined ? { signal } : { signal, timeout: timeoutMs },
          ),
        { idempotent: true, timeoutMs },
      );
      return completion.choices[0]?.message.content ?? "";
    },
  };
}
