import dns from "node:dns";
import net, { BlockList, type LookupFunction } from "node:net";
import { AppError } from "../../shared/errors";
import { logger } from "./logger";

/**
 * `safeFetch` is the only way to request a URL a user typed (webhook targets, link previews, image
 * imports...). It refuses anything that resolves to loopback, private, link-local (cloud metadata),
 * CGNAT, multicast or reserved space unless the host or network is allowlisted, re-checks every
 * redirect hop, and caps time and response size.
 *
 * DNS rebinding: the name is resolved and checked before the request, and the connection itself is
 * made through an undici Agent whose `connect.lookup` resolves and checks again, so the address the
 * socket connects to is always one that passed the check (a name that answers "public" to the first
 * lookup and "127.0.0.1" to the second is refused at connect time). Node does not export undici's
 * Agent, so it is taken from the global dispatcher; should a future Node hide it, we fall back to the
 * pre-check alone and log the residual rebinding risk once.
 */

export interface SafeFetchInit extends RequestInit {
  /** Whole-request budget including redirects (default 10 s). */
  timeoutMs?: number;
  /** Response bodies larger than this are refused (default 5 MB). */
  maxBytes?: number;
  /** Skip the address checks (only for URLs an administrator configured, never for user input). */
  allowPrivate?: boolean;
}

/** A fully read response. */
export interface SafeResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  statusText: string;
  ok: boolean;
  redirected: boolean;
  headers: Headers;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

type BlockReason =
  | "invalid_url"
  | "unsupported_protocol"
  | "credentials_in_url"
  | "blocked_address"
  | "unresolvable_host"
  | "too_many_redirects"
  | "response_too_large";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

// [network, prefix, range name]
const DENIED_V4: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "cgnat"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link_local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
const DENIED_V6: Array<[string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["100::", 64, "reserved"],
  ["2001:db8::", 32, "reserved"],
  ["fc00::", 7, "unique_local"],
  ["fe80::", 10, "link_local"],
  ["fec0::", 10, "site_local"],
  ["ff00::", 8, "multicast"],
];

class BlockedUrlError extends Error {
  constructor(
    readonly reason: BlockReason,
    readonly range?: string,
  ) {
    super(`Outbound request refused: ${reason}${range ? ` (${range})` : ""}`);
    this.name = "BlockedUrlError";
  }
}

interface Allowlist {
  hosts: Set<string>;
  suffixes: string[];
  networks: BlockList;
}

let allowlist: Allowlist = { hosts: new Set(), suffixes: [], networks: new BlockList() };

/** Splits OUTBOUND_ALLOWLIST ("a.example, 10.1.0.0/16") into entries. */
export function parseAllowlist(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sets the hosts ("hooks.internal", "*.corp.example") and CIDRs/IPs ("10.1.0.0/16", "::1") user URLs may reach even if private. */
export function configureOutbound(opts: { allowlist: string[] }): void {
  const next: Allowlist = { hosts: new Set(), suffixes: [], networks: new BlockList() };
  for (const entry of opts.allowlist.map((e) => e.trim().toLowerCase()).filter(Boolean)) {
    const [address, prefixText] = entry.split("/");
    const family = net.isIP(address);
    if (family) {
      const type = family === 4 ? "ipv4" : "ipv6";
      const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`OUTBOUND_ALLOWLIST: invalid CIDR "${entry}"`);
      }
      next.networks.addSubnet(address, prefix, type);
    } else if (prefixText !== undefined) {
      throw new Error(`OUTBOUND_ALLOWLIST: invalid CIDR "${entry}"`);
    } else if (entry.startsWith("*.")) {
      next.suffixes.push(entry.slice(1));
    } else {
      next.hosts.add(entry.replace(/\.$/, ""));
    }
  }
  allowlist = next;
}

function isHostAllowlisted(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return allowlist.hosts.has(h) || allowlist.suffixes.some((suffix) => h.endsWith(suffix));
}

const deniedV4 = new BlockList();
for (const [address, prefix] of DENIED_V4) deniedV4.addSubnet(address, prefix, "ipv4");

function ipv6Words(ip: string): number[] {
  let text = ip.split("%")[0];
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const [a, b, c, d] = tail.split(".").map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split("::");
  const headWords = head ? head.split(":") : [];
  const restWords = rest === undefined ? [] : rest ? rest.split(":") : [];
  const fill = rest === undefined ? 0 : 8 - headWords.length - restWords.length;
  return [...headWords, ...Array<string>(fill).fill("0"), ...restWords].map((w) => Number.parseInt(w, 16));
}

function v4FromWords(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function inRange(ip: string, family: 4 | 6, network: string, prefix: number): boolean {
  const list = new BlockList();
  list.addSubnet(network, prefix, family === 4 ? "ipv4" : "ipv6");
  return list.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** The denied range an IP falls in (e.g. "loopback"), or null when it is public. */
export function deniedRange(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 4) {
    if (!deniedV4.check(ip, "ipv4")) return null;
    return DENIED_V4.find(([network, prefix]) => inRange(ip, 4, network, prefix))?.[2] ?? "reserved";
  }
  if (family !== 6) return "invalid";
  const w = ipv6Words(ip);
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  // IPv4 carried inside IPv6 is judged as the IPv4 it reaches: mapped (::ffff:a.b.c.d), the old
  // compatible form (::a.b.c.d, which also covers :: and ::1), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
  if (zeros(0, 5) && w[5] === 0xffff) return deniedRange(v4FromWords(w[6], w[7]));
  if (zeros(0, 6)) return w[6] === 0 && w[7] <= 1 ? (w[7] === 1 ? "loopback" : "unspecified") : deniedRange(v4FromWords(w[6], w[7]));
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return deniedRange(v4FromWords(w[6], w[7]));
  if (w[0] === 0x2002) return deniedRange(v4FromWords(w[1], w[2]));
  const plain = ip.split("%")[0];
  return DENIED_V6.find(([network, prefix]) => inRange(plain, 6, network, prefix))?.[2] ?? null;
}

function checkAddress(ip: string): void {
  const family = net.isIP(ip);
  if (family && allowlist.networks.check(ip.split("%")[0], family === 4 ? "ipv4" : "ipv6")) return;
  const range = deniedRange(ip);
  if (range) throw new BlockedUrlError("blocked_address", range);
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    const answers = await dns.promises.lookup(host, { all: true, verbatim: true });
    return answers.map((a) => a.address);
  } catch {
    throw new BlockedUrlError("unresolvable_host");
  }
}

// Connect-time check: the socket only ever connects to addresses that passed `checkAddress`.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    try {
      if (!isHostAllowlisted(hostname)) for (const a of addresses) checkAddress(a.address);
    } catch (blocked) {
      return callback(blocked as NodeJS.ErrnoException, "", 4);
    }
    if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    return callback(null, first.address, first.family);
  });
};

interface DispatcherLike {
  close(): Promise<void>;
}
type AgentConstructor = new (opts: { connect: { lookup: LookupFunction } }) => DispatcherLike;

let guardedAgent: Promise<DispatcherLike | null> | undefined;

async function getGuardedAgent(): Promise<DispatcherLike | null> {
  guardedAgent ??= (async () => {
    const key = Symbol.for("undici.globalDispatcher.1");
    const holder = globalThis as unknown as Record<symbol, object | undefined>;
    // undici creates its global dispatcher on first use; a data: URL fetch touches no network.
    if (!holder[key]) await (await fetch("data:,")).arrayBuffer();
    const Agent = holder[key]?.constructor as AgentConstructor | undefined;
    if (Agent?.name !== "Agent") {
      logger.warn("undici Agent unavailable: outbound requests are checked before connecting only (DNS rebinding window)");
      return null;
    }
    return new Agent({ connect: { lookup: guardedLookup } });
  })();
  return guardedAgent;
}

function fail(reason: BlockReason, range?: string): AppError {
  const message = reason === "response_too_large" ? "The remote response is too large." : "That URL is not allowed.";
  return new AppError("bad_request", message, range ? { reason, range } : { reason });
}

function unavailable(reason: "timeout" | "unreachable"): AppError {
  const message = reason === "timeout" ? "The remote server did not answer in time." : "The remote server could not be reached.";
  return new AppError("integration_unavailable", message, { reason });
}

function findBlocked(error: unknown): BlockedUrlError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof BlockedUrlError) return e;
  return undefined;
}

/** Validates one hop's URL and its resolved addresses; returns whether the guarded agent is needed. */
async function vetUrl(url: URL, allowPrivate: boolean): Promise<boolean> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new BlockedUrlError("unsupported_protocol");
  if (url.username || url.password) throw new BlockedUrlError("credentials_in_url");
  if (allowPrivate) return false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isHostAllowlisted(host)) return false;
  const addresses = net.isIP(host) ? [host] : await resolveAll(host);
  for (const address of addresses) checkAddress(address);
  return true;
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new BlockedUrlError("response_too_large");
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BlockedUrlError("response_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function nextRequest(init: RequestInit, status: number, from: URL, to: URL): RequestInit {
  const headers = new Headers(init.headers);
  let { method = "GET", body } = init;
  if (status === 303 ? method !== "HEAD" : (status === 301 || status === 302) && method === "POST") {
    method = "GET";
    body = undefined;
    headers.delete("content-type");
    headers.delete("content-length");
  }
  if (from.origin !== to.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return { ...init, method, body, headers };
}

/** Follows up to MAX_REDIRECTS hops, vetting each URL before connecting; returns the final response. */
async function fetchVetted(url: URL, init: RequestInit, allowPrivate: boolean): Promise<{ response: Response; url: URL; hops: number }> {
  let current = url;
  let requestInit = init;
  for (let hop = 0; ; hop++) {
    const dispatcher = (await vetUrl(current, allowPrivate)) ? await getGuardedAgent() : null;
    // `dispatcher` is undici's extension of RequestInit; the DOM typings do not know it.
    const response = await fetch(current, (dispatcher ? { ...requestInit, dispatcher } : requestInit) as RequestInit);
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || !location) return { response, url: current, hops: hop };
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new BlockedUrlError("too_many_redirects");
    if (!URL.canParse(location, current)) throw new BlockedUrlError("invalid_url");
    const next = new URL(location, current);
    requestInit = nextRequest(requestInit, response.status, current, next);
    current = next;
  }
}

/** Fetches a user-supplied URL with SSRF protection, manual redirects (≤ 5, each re-checked), a timeout and a size cap. */
export async function safeFetch(input: string | URL, init: SafeFetchInit = {}): Promise<SafeResponse> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, allowPrivate = false, signal: callerSignal, ...rest } = init;
  const timer = new AbortController();
  const timeoutHandle = setTimeout(() => timer.abort(new Error("timeout")), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
  try {
    if (!URL.canParse(input)) throw new BlockedUrlError("invalid_url");
    const { response, url, hops } = await fetchVetted(new URL(input), { ...rest, redirect: "manual", signal }, allowPrivate);
    const body = await readCapped(response, maxBytes);
    return {
      url: url.href,
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      redirected: hops > 0,
      headers: response.headers,
      body,
      text: () => body.toString("utf8"),
      json: <T>() => JSON.parse(body.toString("utf8")) as T,
    };
  } catch (error) {
    const blocked = findBlocked(error);
    if (blocked) throw fail(blocked.reason, blocked.range);
    if (timer.signal.aborted) throw unavailable("timeout");
    if (callerSignal?.aborted) throw error;
    if (error instanceof AppError) throw error;
    logger.debug({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, "outbound request failed");
    throw unavailable("unreachable");
  } finally {
    clearTimeout(timeoutHandle);
  }
}
