import type { AppSessionStore } from "./auth/session-store";
import type { Config } from "./config/env";
import type { Database } from "./db/client";
import type { RateLimiters } from "./http/rate-limit";
import type { Integrations } from "./integrations";
import type { JobRunner } from "./jobs/runner";
import type { CacheService } from "./lib/cache/cache.types";
import type { FileStorage } from "./lib/storage";

/**
 * Everything a service may reach, built once at boot (or per test file) and passed explicitly:
 * no module-level singletons, so every test file can build its own app on its own database.
 */
export interface AppContext {
  config: Config;
  database: Database;
  cache: CacheService;
  jobs: JobRunner<AppContext>;
  integrations: Integrations;
  rateLimits: RateLimiters;
  sessionStore: AppSessionStore;
  /** Uploaded files (local disk under UPLOADS_DIR by default; tests point it at a temp folder). */
  storage: FileStorage;
  startedAt: Date;
}
