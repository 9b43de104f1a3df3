import dns from "node:dns";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { configureLogger } from "../../server/lib/logger";
import { configureOutbound, deniedRange, parseAllowlist, safeFetch } from "../../server/lib/outbound-http";
import { AppError } from "../../shared/errors";

configureLogger({ level: "silent", pretty: false });

interface TestServer {
  server: Server;
  port: number;
  hits: string[];
}

async function listen(host: string, handler: RequestListener): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let target: TestServer; // 127.0.0.1: the "internal" service an attacker wants to reach
let relay: TestServer; // 127.0.0.2: stands in for a public host once allowlisted

beforeAll(async () => {
  target = await listen("127.0.0.1", (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/big") {
      res.writeHead(200, { "content-length": String(2 * 1024 * 1024) });
      res.end(Buffer.alloc(2 * 1024 * 1024, 97));
    } else if (url.pathname === "/big-chunked") {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024, 98);
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent++;
          if (!res.write(chunk) && sent < 40) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      pump();
    } else if (url.pathname === "/hang") {
      // never answers
    } else if (url.pathname === "/loop") {
      res.writeHead(302, { location: "/loop" }).end();
    } else if (url.pathname === "/see-other") {
      res.writeHead(303, { location: "/echo" }).end();
    } else if (url.pathname === "/echo") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null }));
    } else {
      res.writeHead(200, { "content-type": "text/plain" }).end("internal secret");
    }
  });
  relay = await listen("127.0.0.2", (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to") ?? "/";
    res.writeHead(302, { location: to }).end();
  });
});

afterAll(async () => {
  for (const s of [target, relay]) {
    s.server.closeAllConnections();
    await new Promise<void>((resolve) => s.server.close(() => resolve()));
  }
});

afterEach(() => {
  configureOutbound({ allowlist: [] });
  vi.restoreAllMocks();
  target.hits.length = 0;
  relay.hits.length = 0;
});

describe("safeFetch refuses private and special addresses", () => {
  it.each([
    ["loopback 127.0.0.1", () => `http://127.0.0.1:${target.port}/`, "loopback"],
    ["private 10.x", () => "http://10.1.2.3/", "private"],
    ["private 192.168.x", () => "http://192.168.1.1/", "private"],
    ["cloud metadata 169.254.169.254", () => "http://169.254.169.254/latest/meta-data/", "link_local"],
    ["CGNAT 100.64.x", () => "http://100.64.0.1/", "cgnat"],
    ["0.0.0.0", () => `http://0.0.0.0:${target.port}/`, "unspecified"],
    ["IPv6 loopback [::1]", () => `http://[::1]:${target.port}/`, "loopback"],
    ["IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${target.port}/`, "loopback"],
    ["IPv6 link-local", () => "http://[fe80::1]/", "link_local"],
    ["IPv6 unique local", () => "http://[fd00::1]/", "unique_local"],
    ["decimal-encoded loopback", () => `http://2130706433:${target.port}/`, "loopback"],
  ])("refuses %s with bad_request blocked_address", async (_label, url, range) => {
    const error = await rejection(safeFetch(url()));
    expect(error.code).toBe("bad_request");
    expect(error.details).toEqual({ reason: "blocked_address", range });
    expect(target.hits).toHaveLength(0);
  });

  it("refuses a hostname that resolves to loopback (http://localhost)", async () => {
    const error = await rejection(safeFetch(`http://localhost:${target.port}/`));
    expect(error.code).toBe("bad_request");
    expect(error.details?.reason).toBe("blocked_address");
    expect(target.hits).toHaveLength(0);
  });

  it("refuses a redirect from an allowed host to loopback, re-checking each hop", async () => {
    configureOutbound({ allowlist: ["127.0.0.2"] });
    const error = await rejection(safeFetch(`http://127.0.0.2:${relay.port}/?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/`)}`));
    expect(error.details).toEqual({ reason: "blocked_address", range: "loopback" });
    expect(relay.hits).toHaveLength(1);
    expect(target.hits).toHaveLength(0);
  });

  it("refuses at connect time when DNS answers differently than at the check (rebinding)", async () => {
    // First answer (the pre-check) looks public; the connection's own lookup gets the real 127.0.0.1.
    const precheck = vi.spyOn(dns.promises, "lookup").mockResolvedValue([{ address: "93.184.216.34", family: 4 }] as never);
    const error = await rejection(safeFetch(`http://localhost:${target.port}/`));
    expect(precheck).toHaveBeenCalledWith("localhost", expect.objectContaining({ all: true }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.reason).toBe("blocked_address");
    expect(target.hits).toHaveLength(0);
  });

  it.each([
    ["file:///etc/passwd", "unsupported_protocol"],
    ["ftp://example.com/x", "unsupported_protocol"],
    ["gopher://127.0.0.1:6379/_PING", "unsupported_protocol"],
    ["http://user:pass@example.com/", "credentials_in_url"],
    ["not a url", "invalid_url"],
  ])("refuses %s (%s)", async (url, reason) => {
    const error = await rejection(safeFetch(url));
    expect(error.code).toBe("bad_request");
    expect(error.details?.reason).toBe(reason);
  });
});

describe("safeFetch with an allowlist", () => {
  it("reaches an allowlisted loopback IP", async () => {
    configureOutbound({ allowlist: parseAllowlist(" 127.0.0.1 , hooks.internal") });
    const res = await safeFetch(`http://127.0.0.1:${target.port}/`);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.text()).toBe("internal secret");
    expect(res.redirected).toBe(false);
  });

  it("reaches an allowlisted CIDR and an allowlisted hostname", async () => {
    configureOutbound({ allowlist: ["127.0.0.0/8"] });
    expect((await safeFetch(`http://127.0.0.1:${target.port}/`)).status).toBe(200);
    configureOutbound({ allowlist: ["localhost"] });
    expect((await safeFetch(`http://localhost:${target.port}/`)).text()).toBe("internal secret");
  });

  it("reaches private addresses when the caller passes allowPrivate", async () => {
    expect((await safeFetch(`http://127.0.0.1:${target.port}/`, { allowPrivate: true })).status).toBe(200);
  });

  it("follows allowed redirects, reporting the final URL, turning POST into GET and dropping credentials across origins", async () => {
    configureOutbound({ allowlist: ["127.0.0.1", "127.0.0.2"] });
    const res = await safeFetch(`http://127.0.0.2:${relay.port}/?to=${encodeURIComponent(`http://127.0.0.1:${target.port}/see-other`)}`, {
      method: "POST",
      body: "x=1",
      headers: { authorization: "Bearer user-token" },
    });
    expect(res.redirected).toBe(true);
    expect(res.url).toBe(`http://127.0.0.1:${target.port}/echo`);
    // 301/302/303 turn a POST into a GET (only 307/308 keep it); the token never crosses origins.
    expect(res.json()).toEqual({ method: "GET", auth: null });
  });

  it("gives up after 5 redirects", async () => {
    configureOutbound({ allowlist: ["127.0.0.1"] });
    const error = await rejection(safeFetch(`http://127.0.0.1:${target.port}/loop`));
    expect(error.details?.reason).toBe("too_many_redirects");
    expect(target.hits).toHaveLength(6);
  });

  it("rejects an invalid allowlist entry", () => {
    expect(() => configureOutbound({ allowlist: ["10.0.0.0/33"] })).toThrow(/invalid CIDR/);
    expect(() => configureOutbound({ allowlist: ["example.com/8"] })).toThrow(/invalid CIDR/);
  });
});

describe("safeFetch limits", () => {
  it("refuses a response whose Content-Length exceeds maxBytes", async () => {
    const error = await rejection(safeFetch(`http://127.0.0.1:${target.port}/big`, { allowPrivate: true, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.reason).toBe("response_too_large");
  });

  it("aborts a streamed response once it passes maxBytes", async () => {
    const error = await rejection(safeFetch(`http://127.0.0.1:${target.port}/big-chunked`, { allowPrivate: true, maxBytes: 256 * 1024 }));
    expect(error.details?.reason).toBe("response_too_large");
  });

  it("reads a body under the cap completely", async () => {
    const res = await safeFetch(`http://127.0.0.1:${target.port}/big-chunked`, { allowPrivate: true, maxBytes: 5 * 1024 * 1024 });
    expect(res.body.byteLength).toBe(40 * 64 * 1024);
  });

  it("times out a server that never answers with integration_unavailable", async () => {
    const started = performance.now();
    const error = await rejection(safeFetch(`http://127.0.0.1:${target.port}/hang`, { allowPrivate: true, timeoutMs: 150 }));
    expect(error.code).toBe("integration_unavailable");
    expect(error.details?.reason).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("reports an unreachable server as integration_unavailable", async () => {
    const error = await rejection(safeFetch("http://127.0.0.1:1/", { allowPrivate: true }));
    expect(error.code).toBe("integration_unavailable");
    expect(error.details?.reason).toBe("unreachable");
  });
});

describe("deniedRange", () => {
  it.each([
    ["8.8.8.8", null],
    ["172.15.255.255", null],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", null],
    ["100.63.255.255", null],
    ["100.127.255.255", "cgnat"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["2606:4700:4700::1111", null],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fc00::1", "unique_local"],
    ["fe80::1%eth0", "link_local"],
    ["ff02::1", "multicast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "link_local"],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:c0a8:0101::1", "private"],
  ])("classifies %s as %s", (ip, expected) => {
    expect(deniedRange(ip)).toBe(expected);
  });
});
