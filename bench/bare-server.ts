import express from "express";
import pg from "pg";

// The baseline: bare Express + pg keyset queries over the same tables, no session, auth or validation.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const workspaceId = process.env.BENCH_WORKSPACE_ID!;
const app = express();

app.get("/users", async (req, res) => {
  const after = typeof req.query.after === "string" ? req.query.after.split("|") : null;
  const { rows } = after
    ? await pool.query("SELECT id, email, name, role, status, created_at FROM users WHERE workspace_id = $1 AND (name, id) > ($2, $3) ORDER BY name, id LIMIT 51", [workspaceId, after[0], after[1]])
    : await pool.query("SELECT id, email, name, role, status, created_at FROM users WHERE workspace_id = $1 ORDER BY name, id LIMIT 51", [workspaceId]);
  res.json({ data: rows.slice(0, 50) });
});

app.get("/audit", async (req, res) => {
  const before = typeof req.query.before === "string" ? req.query.before : null;
  const { rows } = before
    ? await pool.query("SELECT * FROM activity_logs WHERE workspace_id = $1 AND id < $2 ORDER BY id DESC LIMIT 51", [workspaceId, before])
    : await pool.query("SELECT * FROM activity_logs WHERE workspace_id = $1 ORDER BY id DESC LIMIT 51", [workspaceId]);
  res.json({ data: rows.slice(0, 50) });
});

// Leads: the same keyset shapes the API runs (newest first), with the filters as plain parameters.
const LEAD_COLS = "id, name, company, email, phone, country, source, status, score, owner_id, tags, created_at, updated_at";
app.get("/leads", async (req, res) => {
  const conds = ["workspace_id = $1"];
  const params: unknown[] = [workspaceId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conds.push(sql.replace("?", `$${params.length}`));
  };
  if (typeof req.query.status === "string") add("status = ?", req.query.status);
  if (typeof req.query.owner === "string") add("owner_id = ?", req.query.owner);
  if (typeof req.query.q === "string") add("lower(name) like ?", `%${req.query.q.toLowerCase()}%`);
  if (typeof req.query.after === "string") {
    const [ts, id] = req.query.after.split("|");
    params.push(ts, id);
    conds.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await pool.query(`SELECT ${LEAD_COLS} FROM leads WHERE ${conds.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT 51`, params);
  res.json({ data: rows.slice(0, 50) });
});

// The board: the first 20 open deals of each stage by position, with each stage's count and value.
app.get("/board", async (req, res) => {
  const pipelineId = String(req.query.pipeline);
  const [cards, totals] = await Promise.all([
    pool.query(
      `SELECT s.id AS stage_id, d.* FROM pipeline_stages s
       CROSS JOIN LATERAL (SELECT id, title, value_minor, currency, owner_id, client_id, position, last_activity_at FROM deals
                           WHERE workspace_id = $1 AND pipeline_id = $2 AND stage_id = s.id AND status = 'open' ORDER BY position, id LIMIT 20) d
       WHERE s.pipeline_id = $2 ORDER BY s.position, d.position`,
      [workspaceId, pipelineId],
    ),
    pool.query("SELECT stage_id, count(*)::int AS n, sum(value_minor)::bigint AS value FROM deals WHERE workspace_id = $1 AND pipeline_id = $2 AND status = 'open' GROUP BY stage_id", [workspaceId, pipelineId]),
  ]);
  res.json({ data: { cards: cards.rows, totals: totals.rows } });
});

const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => {
  process.stdout.write("bare server ready\n");
});
process.on("SIGTERM", () => {
  server.close();
  void pool.end();
});
