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

const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => {
  process.stdout.write("bare server ready\n");
});
process.on("SIGTERM", () => {
  server.close();
  void pool.end();
});
