import connectPgSimple from "connect-pg-simple";
import session from "express-session";
import { LRUCache } from "lru-cache";
import type pg from "pg";
import { CacheKeys } from "../lib/cache/cache-keys";
import type { CacheService } from "../lib/cache/cache.types";
import { logger } from "../lib/logger";
import { sessionHandle } from "./tokens";

const PGStore = connectPgSimple(session);

type Callback = (err?: unknown, data?: session.SessionData | null) => void;

interface StoredMeta {
  passport?: { user?: string };
  meta?: { userAgent?: string; ip?: string };
}

interface CachedSession {
  sess: session.SessionData;
  /** Server-side expiry (epoch ms) as stored in the row when it was read. */
  expire: number;
}

/** Left in the cache when a session is revoked, so a read that raced the revocation cannot re-cache it. */
interface RevokedMarker {
  revoked: true;
}

type CacheEntry = CachedSession | RevokedMarker;

// How long a session read is served from the cache before PostgreSQL is asked again.
const READ_CACHE_SECONDS = 60;

/**
 * connect-pg-simple with four changes (see ADR 0007):
 * - destroy() marks the row revoked instead of deleting it, and set() never updates a revoked row,
 *   so a request still in flight after logout cannot upsert the session back to life;
 * - the idle timeout is the row's `expire`, slid forward by touch(), which writes at most once per
 *   `touchIntervalMs` per session per process (no database write on every request); the cookie
 *   carries no expiry, so responses need no Set-Cookie;
 * - reads go through the cache service for up to a minute (revocations delete the entry, so with a
 *   shared Redis cache they apply everywhere at once);
 * - rows carry user id, a public handle, user agent and IP so users can list and revoke sessions.
 */
export class AppSessionStore extends PGStore {
  private readonly touchedAt: LRUCache<string, number>;
  private readonly touchIntervalMs: number;
  private readonly pool: pg.Pool;
  private readonly cache: CacheService;
  private readonly idleMs: number;

  constructor(
    pool: pg.Pool,
    cache: CacheService,
    opts: { idleMs: number; touchIntervalMs?: number; pruneIntervalSeconds?: number | false },
  ) {
    super({ pool, tableName: "session", createTableIfMissing: false, pruneSessionInterval: opts.pruneIntervalSeconds ?? 15 * 60 });
    this.pool = pool;
    this.cache = cache;
    this.idleMs = opts.idleMs;
    this.touchIntervalMs = opts.touchIntervalMs ?? 60_000;
    this.touchedAt = new LRUCache({ max: 100_000 });
  }

  override get(sid: string, cb: Callback): void {
    this.readSession(sid).then((sess) => cb(null, sess), cb);
  }

  private async readSession(sid: string): Promise<session.SessionData | null> {
    const key = CacheKeys.session(sessionHandle(sid));
    const cached = await this.cache.get<CacheEntry>(key);
    if (cached && "revoked" in cached) return null;
    if (cached && cached.expire > Date.now()) return cached.sess;
    const res = await this.pool.query<{ sess: session.SessionData | string; expire: Date }>(
      "SELECT sess, expire FROM session WHERE sid = $1 AND expire >= now() AND revoked_at IS NULL",
      [sid],
    );
    const row = res.rows[0];
    if (!row) return null;
    const sess = typeof row.sess === "string" ? (JSON.parse(row.sess) as session.SessionData) : row.sess;
    // Revoked while we were reading: the marker wins, and the stale row is not cached.
    const marker = await this.cache.get<CacheEntry>(key);
    if (marker && "revoked" in marker) return null;
    await this.cache.set<CacheEntry>(key, { sess, expire: row.expire.getTime() }, READ_CACHE_SECONDS);
    return sess;
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const meta = sess as unknown as StoredMeta;
    // The server-side expiry is the idle timeout from now; the cookie itself is a browser-session cookie.
    const expire = new Date(Date.now() + this.idleMs);
    this.touchedAt.set(sid, Date.now());
    const key = CacheKeys.session(sessionHandle(sid));
    this.pool
      .query(
        `INSERT INTO session (sid, sess, expire, handle, user_id, user_agent, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire,
           user_id = EXCLUDED.user_id,
           user_agent = COALESCE(EXCLUDED.user_agent, session.user_agent),
           ip = COALESCE(EXCLUDED.ip, session.ip)
         WHERE session.revoked_at IS NULL
         RETURNING sid`,
        [
          sid,
          JSON.stringify(sess),
          expire,
          sessionHandle(sid),
          meta.passport?.user ?? null,
          meta.meta?.userAgent?.slice(0, 300) ?? null,
          meta.meta?.ip ?? null,
        ],
      )
      // No row back means the session was revoked meanwhile: it stays dead, in the cache too.
      .then(async (res) => {
        if (res.rowCount) await this.cache.set<CacheEntry>(key, { sess, expire: expire.getTime() }, READ_CACHE_SECONDS);
        else await this.markRevoked([sessionHandle(sid)]);
      })
      .then(
        () => cb?.(),
        (err: unknown) => cb?.(err),
      );
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.touchedAt.delete(sid);
    this.pool
      .query("UPDATE session SET revoked_at = now(), sess = '{}' WHERE sid = $1 AND revoked_at IS NULL", [sid])
      .then(() => this.markRevoked([sessionHandle(sid)]))
      .then(
        () => cb?.(),
        (err: unknown) => cb?.(err),
      );
  }

  override touch(sid: string, _sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const last = this.touchedAt.get(sid);
    if (last !== undefined && Date.now() - last < this.touchIntervalMs) {
      cb?.();
      return;
    }
    this.touchedAt.set(sid, Date.now());
    const expire = new Date(Date.now() + this.idleMs);
    this.pool.query("UPDATE session SET expire = $1 WHERE sid = $2 AND revoked_at IS NULL", [expire, sid]).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }

  /** Replaces cached copies of sessions revoked in bulk (deactivation, password reset, revoke by handle). */
  async forgetHandles(handles: string[]): Promise<void> {
    await this.markRevoked(handles).catch((err: unknown) => logger.warn({ err }, "could not mark revoked sessions in the cache"));
  }

  private async markRevoked(handles: string[]): Promise<void> {
    // Outlives any cached copy (same TTL), so no read cached before the revocation can come back.
    await Promise.all(handles.map((h) => this.cache.set<CacheEntry>(CacheKeys.session(h), { revoked: true }, READ_CACHE_SECONDS)));
  }
}
