import supertest from "supertest";
import type { TestApp } from "./test-app";

type Agent = ReturnType<typeof supertest.agent>;

/**
 * A cookie-keeping HTTP client against the real server. After `login` it sends the CSRF token on
 * every non-GET request, like the browser app does; `withoutCsrf()` gives a client that doesn't.
 */
export class ApiClient {
  readonly agent: Agent;
  csrfToken: string | undefined;
  private sendCsrf = true;

  constructor(readonly testApp: TestApp) {
    this.agent = supertest.agent(testApp.url);
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.withCsrf(this.agent.post(path)).send(body ?? {});
  }
  patch(path: string, body?: object) {
    return this.withCsrf(this.agent.patch(path)).send(body ?? {});
  }
  put(path: string, body?: object) {
    return this.withCsrf(this.agent.put(path)).send(body ?? {});
  }
  delete(path: string) {
    return this.withCsrf(this.agent.delete(path));
  }
  /** Sends an arbitrary method (for the authorization matrix). */
  request(method: "get" | "post" | "put" | "patch" | "delete", path: string, body?: object) {
    if (method === "get") return this.get(path);
    const req = this.withCsrf(this.agent[method](path));
    return body === undefined ? req : req.send(body);
  }

  /** Uploads one file as multipart/form-data (field `file`), with optional extra form fields. */
  upload(path: string, file: { name: string; bytes: Buffer; contentType?: string }, fields: Record<string, string> = {}) {
    let req = this.withCsrf(this.agent.post(path));
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach("file", file.bytes, { filename: file.name, contentType: file.contentType ?? "application/octet-stream" });
  }

  /** Downloads a file, keeping the body as raw bytes in `res.body`. */
  download(path: string) {
    return this.agent
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          // Errors are still JSON envelopes.
          done(null, String(res.headers["content-type"]).startsWith("application/json") ? JSON.parse(bytes.toString("utf8")) : bytes);
        });
      });
  }

  /** Signs in; throws with the response body if it fails. */
  async login(email: string, password: string): Promise<this> {
    const res = await this.agent.post("/api/auth/login").send({ email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrfToken = res.body.csrfToken;
    return this;
  }

  /** Stop sending the CSRF header (for CSRF tests). */
  withoutCsrf(): this {
    this.sendCsrf = false;
    return this;
  }

  /** The raw Cookie header the agent holds for the app (for session tests). */
  cookieHeader(): string {
    const jar = (this.agent as unknown as { jar: { getCookies(a: object): { toValueString(): string }[] } }).jar;
    const url = new URL(this.testApp.url);
    return jar
      .getCookies({ domain: url.hostname, path: "/", secure: false, script: false })
      .map((c) => c.toValueString())
      .join("; ");
  }

  private withCsrf<T extends { set(name: string, value: string): T }>(req: T): T {
    return this.sendCsrf && this.csrfToken ? req.set("X-CSRF-Token", this.csrfToken) : req;
  }
}

/** A new anonymous client. */
export function anonymous(testApp: TestApp): ApiClient {
  return new ApiClient(testApp);
}

/** A client signed in as the given user. */
export async function loginAs(testApp: TestApp, user: { email: string; password: string }): Promise<ApiClient> {
  return new ApiClient(testApp).login(user.email, user.password);
}
