import { z } from "zod";

/**
 * Every environment variable the server reads, with its description. This is the only module that
 * touches process.env (through `loadConfig(process.env)` at boot); everything else receives `Config`.
 */
const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes");
const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);
const optionalUrl = z.url().optional();
const optionalString = z.string().min(1).optional();

const DEV_SESSION_SECRET = "development-only-session-secret-do-not-use-in-production";

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("Runtime mode"),
  PORT: int(5000, 0, 65535).describe("HTTP port"),
  HOST: z.string().default("0.0.0.0").describe("Interface to bind"),
  APP_URL: optionalUrl.describe("Public base URL used in emails (required in production)"),
  DATABASE_URL: optionalUrl.describe("PostgreSQL URL; when unset outside production an embedded PostgreSQL starts under .data/"),
  DATABASE_POOL_MAX: int(10, 1, 200).describe("Maximum pool connections"),
  DATABASE_CONNECT_TIMEOUT_MS: int(5000, 100).describe("Connection timeout"),
  DATABASE_STATEMENT_TIMEOUT_MS: int(15000, 100).describe("Statement timeout for application queries"),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres").describe("Data folder of the embedded PostgreSQL"),
  EMBEDDED_PG_PORT: int(0, 0, 65535).describe("Port of the embedded PostgreSQL (0 = a free port)"),
  SEED_DEMO: bool(true).describe("Seed the demo workspace when the database has none"),
  SESSION_SECRET: z.string().optional().describe("Signs session cookies and CSRF tokens (≥ 32 chars, required in production)"),
  SESSION_IDLE_MINUTES: int(30, 1, 24 * 60).describe("Sliding idle timeout"),
  SESSION_ABSOLUTE_HOURS: int(12, 1, 24 * 30).describe("Absolute session lifetime"),
  TRUST_PROXY: z
    .string()
    .default("false")
    .describe("Express trust proxy: false, true, a hop count, or a list of proxy addresses/CIDRs"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info").describe("Log level"),
  LOG_PRETTY: bool(false).describe("Human-readable logs (development)"),
  REDIS_URL: optionalUrl.describe("Redis for cache and rate limits; in-memory cache and PostgreSQL counters when unset"),
  CACHE_TTL_SECONDS: int(300, 1).describe("Default cache entry lifetime"),
  CACHE_MAX_ENTRIES: int(10000, 10).describe("In-memory cache capacity"),
  METRICS_TOKEN: optionalString.describe("Bearer token required by /metrics when set"),
  RATE_LIMIT_ANON_MAX: int(100, 1).describe("Anonymous/public API requests per IP per window"),
  RATE_LIMIT_ANON_WINDOW_SECONDS: int(900, 1).describe("Window of the anonymous limit"),
  RATE_LIMIT_SENSITIVE_MAX: int(10, 1).describe("Login/reset/invite-accept requests per IP per window"),
  RATE_LIMIT_SENSITIVE_WINDOW_SECONDS: int(300, 1).describe("Window of the sensitive limit"),
  RATE_LIMIT_USER_MAX: int(6000, 1).describe("Requests per signed-in user per window (well above real use)"),
  RATE_LIMIT_USER_WINDOW_SECONDS: int(900, 1).describe("Window of the per-user limit"),
  RATE_LIMIT_FORM_MAX: int(10, 1).describe("Public web-to-lead form submissions per IP per form per window"),
  RATE_LIMIT_FORM_WINDOW_SECONDS: int(3600, 1).describe("Window of the form submission limit"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(100, 1).describe("Failed sign-ins per account per hour"),
  LOGIN_BACKOFF_AFTER: int(5, 1).describe("Consecutive failures before exponential backoff starts"),
  EMAIL_PER_USER_PER_HOUR: int(50, 1).describe("One-to-one emails a user may send per hour"),
  INVITE_TTL_HOURS: int(72, 1).describe("Invitation link lifetime"),
  RESET_TTL_MINUTES: int(60, 5).describe("Password reset link lifetime"),
  JOBS_ENABLED: bool(true).describe("Run the job worker in this process"),
  HEAP_GROWING_PERCENT: int(25, 0, 400).describe(
    "While an import or dry run runs: how far V8 may grow the old generation past the live heap before a full collection (percent; 0 keeps V8's adaptive factor, up to 300%)",
  ),
  JOBS_BATCH_SIZE: int(20, 1, 500).describe("Jobs fetched per poll"),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(1).describe("Worker polling interval"),
  SMTP_URL: optionalUrl.describe("smtp(s)://user:pass@host:port; when unset, mail is captured to Admin → Outbox"),
  MAIL_FROM: z.string().default("Agency OS <no-reply@agency-os.local>").describe("From address of system email"),
  TWILIO_ACCOUNT_SID: optionalString.describe("Twilio account SID"),
  TWILIO_AUTH_TOKEN: optionalString.describe("Twilio auth token (also verifies webhook signatures)"),
  TWILIO_FROM_NUMBER: optionalString.describe("Default sender number"),
  TWILIO_API_BASE_URL: optionalUrl.describe("Override Twilio's API host (tests point it at a local fake)"),
  STRIPE_SECRET_KEY: optionalString.describe("Stripe secret key"),
  STRIPE_WEBHOOK_SECRET: optionalString.describe("Stripe webhook signing secret"),
  STRIPE_API_BASE_URL: optionalUrl.describe("Override Stripe's API host (tests point it at a local fake)"),
  OPENAI_API_KEY: optionalString.describe("OpenAI (or compatible) API key"),
  OPENAI_BASE_URL: optionalUrl.describe("OpenAI-compatible base URL"),
  OPENAI_MODEL: z.string().default("gpt-4o-mini").describe("Default model"),
  GOOGLE_CLIENT_ID: optionalString.describe("Google OAuth client id (Calendar)"),
  GOOGLE_CLIENT_SECRET: optionalString.describe("Google OAuth client secret"),
  GOOGLE_API_BASE_URL: z.url().default("https://www.googleapis.com").describe("Google API base URL"),
  MICROSOFT_CLIENT_ID: optionalString.describe("Microsoft app (client) id (Graph calendar)"),
  MICROSOFT_CLIENT_SECRET: optionalString.describe("Microsoft client secret"),
  MICROSOFT_TENANT_ID: z.string().default("common").describe("Microsoft tenant"),
  MICROSOFT_GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com").describe("Microsoft Graph base URL"),
  INTEGRATION_TIMEOUT_MS: int(10000, 100).describe("Timeout of one call to an external provider"),
  OUTBOUND_ALLOWLIST: z.string().default("").describe("Comma-separated hosts or CIDRs that user-supplied URLs may reach even if private"),
  UPLOADS_DIR: z.string().default(".data/uploads").describe("Folder of uploaded files (local disk storage; relative paths are from the project root)"),
  UPLOAD_MAX_BYTES: int(25 * 1024 * 1024, 1, 1024 * 1024 * 1024).describe("Largest accepted upload in bytes (attachments)"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, "SESSION_SECRET" | "APP_URL" | "TRUST_PROXY"> {
  SESSION_SECRET: string;
  APP_URL: string;
  TRUST_PROXY: boolean | number | string[];
  isProduction: boolean;
  isTest: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function parseTrustProxy(raw: string): boolean | number | string[] {
  if (raw === "false" || raw === "") return false;
  if (raw === "true") return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses and checks the environment; throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === "production";
  if (isProduction) {
    if (!env.DATABASE_URL) problems.push("DATABASE_URL: required in production");
    if (!env.APP_URL) problems.push("APP_URL: required in production");
    if (!env.SESSION_SECRET) problems.push("SESSION_SECRET: required in production");
  }
  if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) problems.push("SESSION_SECRET: must be at least 32 characters");
  if (problems.length) throw new ConfigError(problems);
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    TRUST_PROXY: parseTrustProxy(env.TRUST_PROXY),
    isProduction,
    isTest: env.NODE_ENV === "test",
  };
}
