import type pg from "pg";
import { hashPassword } from "../server/auth/password";
import { createBenchAdmin } from "./support";

/** Seeds one workspace with 1,000 users (the bench admin of ./support and 999 others) and N audit rows with time-ordered UUIDv7-shaped ids. */
export async function seedBench(pool: pg.Pool, auditRows: number): Promise<{ workspaceId: string; email: string; password: string }> {
  const { workspaceId, userId, email, password } = await createBenchAdmin(pool);
  const hash = await hashPassword(password);
  await pool.query(
    `INSERT INTO users (id, workspace_id, email, name, role, status, password_hash)
     SELECT gen_random_uuid(), $1, 'bench-user-' || g || '@bench.test', 'Bench User ' || lpad(g::text, 4, '0'),
            (ARRAY['manager','staff','sales_agent','creator'])[1 + g % 4], 'active', $2
     FROM generate_series(1, 999) g`,
    [workspaceId, hash],
  );
  // UUIDv7 layout: 48-bit ms timestamp, version 7, variant 8, random tail (PostgreSQL 15 has no uuidv7()).
  const batch = 250_000;
  for (let start = 0; start < auditRows; start += batch) {
    const end = Math.min(auditRows, start + batch);
    await pool.query(
      `INSERT INTO activity_logs (id, workspace_id, actor_id, action, entity_type, entity_id, changes, request_id, ip, created_at)
       SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
              $1, $2, (ARRAY['user.updated','user.invited','auth.login','workspace.updated'])[1 + g % 4], 'user', g::text,
              jsonb_build_object('name', jsonb_build_object('from', 'a', 'to', 'b')), md5(g::text), '127.0.0.1', to_timestamp(ms / 1000.0)
       FROM (SELECT g, (extract(epoch FROM now()) * 1000)::bigint - ($3::bigint - g) * 1000 AS ms, md5(g::text || 'x') AS h
             FROM generate_series($4::bigint, $5::bigint) g) s`,
      [workspaceId, userId, auditRows, start + 1, end],
    );
  }
  await pool.query("ANALYZE users; ANALYZE activity_logs;");
  return { workspaceId, email, password };
}
