import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How a fake answers: normally, with a provider-side 5xx, or never (for timeout tests). */
export type FakeMode = "ok" | "fail" | "hang";

/** One request a fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  /** The body parsed as a form (Stripe, Twilio) — empty when it is not one. */
  form: URLSearchParams;
}

/** What a route handler returns. */
export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = (req: RecordedRequest, match: RegExpMatchArray) => FakeReply | Promise<FakeReply>;

/** The handle every HTTP fake returns. */
export interface HttpFake {
  /** The value to put in the provider's base-URL config variable. */
  url: string;
  /** Scheme, host and port of the server. */
  origin: string;
  requests: RecordedRequest[];
  setMode(mode: FakeMode): void;
  close(): Promise<void>;
}

export interface HttpFakeOptions {
  routes: Array<[method: string, path: RegExp, handler: FakeRoute]>;
  /** Body of the 5xx answered in "fail" mode, in the provider's error format. */
  failure: FakeReply;
  /** Answer when no route matches, in the provider's error format. */
  notFound: (req: RecordedRequest) => FakeReply;
  /** Appended to the origin to form `url` (e.g. "/v1" for OpenAI). */
  basePath?: string;
}

function send(res: ServerResponse, reply: FakeReply): void {
  const status = reply.status ?? 200;
  const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(status, {
    "content-type": typeof reply.body === "string" ? "text/plain" : "application/json",
    "content-length": Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
}

/** Starts a loopback HTTP server on a free port that answers `routes` and records every request. */
export async function startHttpFake(opts: HttpFakeOptions): Promise<HttpFake> {
  const requests: RecordedRequest[] = [];
  let mode: FakeMode = "ok";
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake.local");
    const body = Buffer.concat(chunks).toString("utf8");
    const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      form: new URLSearchParams(isForm ? body : ""),
    };
    requests.push(recorded);
    if (mode === "hang") return; // never answer; close() destroys the socket
    if (mode === "fail") return send(res, opts.failure);
    for (const [method, pattern, handler] of opts.routes) {
      const match = recorded.path.match(pattern);
      if (method === recorded.method && match) {
        try {
          return send(res, await handler(recorded, match));
        } catch (err) {
          return send(res, { status: 500, body: { error: { message: String(err) } } });
        }
      }
    }
    send(res, opts.notFound(recorded));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + (opts.basePath ?? ""),
    origin,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A random id like the providers' (prefix + 24 alphanumerics). */
export function fakeId(prefix: string, length = 24): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let id = prefix;
  for (let i = 0; i < length; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

/** Seconds since the epoch, as Stripe and OpenAI timestamp objects. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** The bearer token of a request, if any. */
export function bearerToken(req: RecordedRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7) : undefined;
}
