import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

/** One message the fake accepted. */
export interface ReceivedMail {
  /** Envelope MAIL FROM. */
  from: string;
  /** Envelope RCPT TO addresses. */
  to: string[];
  /** Decoded Subject header. */
  subject: string;
  /** Header names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  /** The whole message as transmitted (headers + body). */
  raw: string;
  /** Authenticated user, if the client logged in. */
  user?: string;
}

export interface FakeSmtp {
  /** smtp://127.0.0.1:<port> for SMTP_URL (add user:pass@ to exercise AUTH). */
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message matching `predicate`, waiting for it to arrive. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** "fail" answers 451 (transient) to MAIL FROM; "hang" never answers it. */
  setMode(mode: "ok" | "fail" | "hang"): void;
  close(): Promise<void>;
}

/** RFC 2047 encoded-words (=?utf-8?B?...?= / =?utf-8?Q?...?=) → text. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_all, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** Header block of a raw message → lower-cased name → unfolded value. */
export function parseHeaders(raw: string): Record<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Starts a loopback SMTP server (smtp-server) that accepts and records every message; AUTH optional, no TLS. */
export async function startFakeSmtp(): Promise<FakeSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let mode: "ok" | "fail" | "hang" = "ok";

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    closeTimeout: 200,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, _session, callback) {
      if (mode === "hang") return;
      if (mode === "fail") {
        const error = Object.assign(new Error("Requested action aborted: local error in processing"), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = parseHeaders(raw);
        const from = session.envelope.mailFrom;
        messages.push({
          from: from ? from.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(headers.subject ?? ""),
          headers,
          raw,
          user: typeof session.user === "string" ? session.user : undefined,
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setMode: (next) => {
      mode = next;
    },
    waitFor: (predicate, timeoutMs = 2_000) =>
      new Promise<ReceivedMail>((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No matching message within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
