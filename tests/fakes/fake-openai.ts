import { bearerToken, type FakeReply, fakeId, type HttpFake, startHttpFake, unixNow } from "./http-fake";

interface ChatMessage {
  role: string;
  content: string;
}

function openAiError(status: number, type: string, message: string, code: string | null = null): FakeReply {
  return { status, body: { error: { message, type, param: null, code } } };
}

export interface FakeOpenAi extends HttpFake {
  /** Replaces the reply (default: "Echo: <last user message>"). */
  setReply(reply: (messages: ChatMessage[]) => string): void;
}

/** A loopback OpenAI-compatible API (models, chat completions); `url` ends in /v1 like OPENAI_BASE_URL. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let reply = (messages: ChatMessage[]) => `Echo: ${messages.filter((m) => m.role === "user").at(-1)?.content ?? ""}`;
  const unauthorized = () => openAiError(401, "invalid_request_error", "Incorrect API key provided.", "invalid_api_key");
  const fake = await startHttpFake({
    basePath: "/v1",
    failure: openAiError(500, "server_error", "The server had an error while processing your request."),
    notFound: (req) => openAiError(404, "invalid_request_error", `Invalid URL (${req.method} ${req.path})`),
    routes: [
      [
        "GET",
        /^\/v1\/models$/,
        (req) =>
          bearerToken(req)
            ? {
                body: {
                  object: "list",
                  data: ["gpt-4o-mini", "gpt-4o"].map((id) => ({ id, object: "model", created: 1715367049, owned_by: "system" })),
                },
              }
            : unauthorized(),
      ],
      [
        "POST",
        /^\/v1\/chat\/completions$/,
        (req) => {
          if (!bearerToken(req)) return unauthorized();
          const payload = JSON.parse(req.body) as { model?: string; messages?: ChatMessage[] };
          if (!payload.model || !payload.messages?.length) return openAiError(400, "invalid_request_error", "'model' and 'messages' are required.");
          const content = reply(payload.messages);
          return {
            body: {
              id: fakeId("chatcmpl-", 29),
              object: "chat.completion",
              created: unixNow(),
              model: payload.model,
              choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
              usage: { prompt_tokens: 12, completion_tokens: content.split(/\s+/).length, total_tokens: 12 + content.split(/\s+/).length },
              system_fingerprint: "fp_fake",
            },
          };
        },
      ],
    ],
  });
  return {
    ...fake,
    setReply: (next) => {
      reply = next;
    },
  };
}
