import connectPgSimple from "connect-pg-simple";
import session from "express-session";
import { LRUCache } from "lru-cache";
import type pg from "pg";
import { sessionHandle } from "./tokens";

const PGStore = connectPgSimple(session);

type Callback = (err?: unknown, data?: session.SessionData | null) => void;

interface StoredMeta {
  passport?: { user?: string };
  meta?: { userAgent?: string; ip?: string };
}

/**
 * connect-pg-simple with three changes (see ADR 0007):
 * - destroy() marks the row revoked instead of deleting it, and set() never updates a revoked row,
 *   so a request still in flight after logout cannot upsert the session back to life;
 * - touch() writes at most once per `touchIntervalMs` per session per process, keeping the idle
 *   timeout honest without a database write on every request;
 * - rows carry user id, a public handle, user agent and IP so users can list and revoke sessions.
 */
export class AppSessionStore extends PGStore {
  private readonly touchedAt: LRUCache<string, number>;
  private readonly touchIntervalMs: number;
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool, opts: { touchIntervalMs?: number; pruneIntervalSeconds?: number | false } = {}) {
    super({ pool, tableName: "session", createTableIfMissing: false, pruneSessionInterval: opts.pruneIntervalSeconds ?? 15 * 60 });
    this.pool = pool;
    this.touchIntervalMs = opts.touchIntervalMs ?? 60_000;
    this.touchedAt = new LRUCache({ max: 100_000 });
  }

  override get(sid: string, cb: Callback): void {
    this.pool
      .query<{ sess: session.SessionData | string }>(
        "SELECT sess FROM session WHERE sid = $1 AND expire >= now() AND revoked_at IS NULL",
        [sid],
      )
      .then((res) => {
        const row = res.rows[0];
        cb(null, row ? (typeof row.sess === "string" ? JSON.parse(row.sess) : row.sess) : null);
      }, cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const meta = sess as unknown as StoredMeta;
    const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + 86_400_000);
    this.touchedAt.set(sid, Date.now());
    this.pool.query(
      `INSERT INTO session (sid, sess, expire, handle, user_id, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire,
         user_id = EXCLUDED.user_id,
         user_agent = COALESCE(EXCLUDED.user_agent, session.user_agent),
         ip = COALESCE(EXCLUDED.ip, session.ip)
       WHERE session.revoked_at IS NULL`,
      [
        sid,
        JSON.stringify(sess),
        expire,
        sessionHandle(sid),
        meta.passport?.user ?? null,
        meta.meta?.userAgent?.slice(0, 300) ?? null,
        meta.meta?.ip ?? null,
      ],
    ).then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.touchedAt.delete(sid);
    this.pool
      .query("UPDATE session SET revoked_at = now(), sess = '{}' WHERE sid = $1 AND revoked_at IS NULL", [sid])
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const last = this.touchedAt.get(sid);
    if (last !== undefined && Date.now() - last < this.touchIntervalMs) {
      cb?.();
      return;
    }
    this.touchedAt.set(sid, Date.now());
    const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + 86_400_000);
    this.pool
      .query("UPDATE session SET expire = $1 WHERE sid = $2 AND revoked_at IS NULL", [expire, sid])
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }
}
