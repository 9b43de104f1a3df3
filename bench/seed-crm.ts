import type pg from "pg";

/**
 * Bulk CRM data for the benchmark and `npm run seed:big`, made in SQL (generate_series) so a million
 * rows take seconds, not minutes: clients, leads spread over a year in every status and source
 * (owned round-robin by the workspace's sales agents and staff, some unassigned), and one pipeline
 * with a board of deals. Ids are UUIDv7-shaped from each row's creation time, like the app's.
 */
export interface BigCrmOptions {
  clients: number;
  leads: number;
  /** Deals on the "Big board" pipeline (5 stages). */
  deals: number;
  log?: (line: string) => void;
}

const FIRST = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Katherine", "Tim", "Radia", "Edsger", "Frances", "John", "Hedy", "Donald", "Sophie", "Niklaus", "Karen", "Guido", "Mary", "James", "Olivia", "Noah", "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Jack", "Freya", "Leo", "Lily", "Oscar", "Emily", "Arthur", "Ella", "Muhammad"];
const LAST = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Johnson", "Berners-Lee", "Perlman", "Dijkstra", "Allen", "McCarthy", "Lamarr", "Knuth", "Wilson", "Wirth", "Jones", "Rossum", "Smith", "Brown", "Taylor", "Davies", "Evans", "Walker", "Wright", "Robinson", "Thomas", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Patel", "Khan", "Lewis", "Jackson"];
const WORDS = ["Acme", "Blue", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbour", "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orchid", "Pioneer", "Quartz", "Riverside", "Summit", "Tidal", "Union", "Vertex", "Willow", "Yellowstone", "Zephyr"];
const KINDS = ["Coffee", "Dental", "Realty", "Surf Co.", "Yoga", "Bakery", "Legal", "Studio", "Motors", "Fitness", "Labs", "Travel", "Florists", "Brewing", "Design"];

const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]`;
// UUIDv7 layout from a millisecond timestamp and a hash (PostgreSQL 15 has no uuidv7()).
const uuid7 = (ms: string, hash: string) => `(lpad(to_hex(${ms}), 12, '0') || '7' || substr(${hash}, 1, 3) || '8' || substr(${hash}, 4, 15))::uuid`;

export async function seedBigCrm(pool: pg.Pool, workspaceId: string, opts: BigCrmOptions): Promise<{ pipelineId: string }> {
  const log = opts.log ?? (() => undefined);
  const owners = await pool.query<{ id: string }>("SELECT id FROM users WHERE workspace_id = $1 AND role IN ('sales_agent', 'staff') AND status = 'active' ORDER BY id", [workspaceId]);
  const ownerIds = owners.rows.map((r) => r.id);
  const batch = 250_000;
  const now = Date.now();

  for (let start = 0; start < opts.clients; start += batch) {
    const end = Math.min(opts.clients, start + batch);
    await pool.query(
      `INSERT INTO clients (id, workspace_id, name, status, industry, website, tags, owner_id, created_at, updated_at)
       SELECT ${uuid7("ms", "h")}, $1,
              (${arr(WORDS)})[1 + g % ${WORDS.length}] || ' ' || (${arr(KINDS)})[1 + (g / ${WORDS.length}) % ${KINDS.length}] || ' ' || g,
              (ARRAY['prospect','active','paused','churned'])[1 + g % 4], (${arr(KINDS)})[1 + g % ${KINDS.length}],
              'https://client-' || g || '.example', ARRAY[(ARRAY['retainer','seo','ads','social'])[1 + g % 4]],
              CASE WHEN g % 5 = 0 THEN NULL ELSE ($2::uuid[])[1 + g % greatest(1, cardinality($2::uuid[]))] END,
              to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
       FROM (SELECT g, $3::bigint - ($4::bigint - g) * 300 AS ms, md5(g::text || 'c') AS h FROM generate_series($5::bigint, $6::bigint) g) s`,
      [workspaceId, ownerIds, now, opts.clients, start + 1, end],
    );
    log(`clients ${end.toLocaleString()} / ${opts.clients.toLocaleString()}`);
  }

  // Leads over the last year: one every ~30 s at a million.
  const spacing = Math.max(1, Math.floor((365 * 86_400_000) / Math.max(1, opts.leads)));
  for (let start = 0; start < opts.leads; start += batch) {
    const end = Math.min(opts.leads, start + batch);
    await pool.query(
      `INSERT INTO leads (id, workspace_id, name, company, email, phone, country, source, status, score, owner_id, tags, last_activity_at, created_at, updated_at)
       SELECT ${uuid7("ms", "h")}, $1, fname || ' ' || lname,
              (${arr(WORDS)})[1 + (g / 7) % ${WORDS.length}] || ' ' || (${arr(KINDS)})[1 + g % ${KINDS.length}],
              lower(fname || '.' || lname || '.' || g || '@example.test'),
              '+4420' || lpad((g % 100000000)::text, 8, '0'),
              (ARRAY['GB','GB','IE','US','DE','FR'])[1 + g % 6],
              (ARRAY['form','import','manual','api'])[1 + g % 4],
              (ARRAY['new','new','contacted','contacted','qualified','unqualified','converted'])[1 + (g / 3) % 7],
              (g * 37) % 101,
              CASE WHEN g % 10 = 0 THEN NULL ELSE ($2::uuid[])[1 + g % greatest(1, cardinality($2::uuid[]))] END,
              CASE WHEN g % 3 = 0 THEN ARRAY['hot'] ELSE '{}'::text[] END,
              to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
       FROM (SELECT g, $3::bigint - ($4::bigint - g) * $7::bigint AS ms, md5(g::text || 'l') AS h,
                    (${arr(FIRST)})[1 + g % ${FIRST.length}] AS fname, (${arr(LAST)})[1 + (g / ${FIRST.length}) % ${LAST.length}] AS lname
             FROM generate_series($5::bigint, $6::bigint) g) s`,
      [workspaceId, ownerIds, now, opts.leads, start + 1, end, spacing],
    );
    log(`leads ${end.toLocaleString()} / ${opts.leads.toLocaleString()}`);
  }

  // Pipeline names are unique per workspace (any case): a second seed into the same workspace
  // (npm run seed:big twice) gets "Big board (2)", and so on.
  const pipeline = await pool.query<{ id: string }>(
    `INSERT INTO pipelines (id, workspace_id, name, position, rotting_days)
     SELECT gen_random_uuid(), $1, c.name, 99, 14
     FROM (SELECT 'Big board' AS name, 1 AS n UNION ALL SELECT 'Big board (' || n || ')', n FROM generate_series(2, 1000) n) c
     WHERE NOT EXISTS (SELECT 1 FROM pipelines p WHERE p.workspace_id = $1 AND lower(p.name) = lower(c.name))
     ORDER BY c.n LIMIT 1
     RETURNING id`,
    [workspaceId],
  );
  const pipelineId = pipeline.rows[0]!.id;
  await pool.query(
    `INSERT INTO pipeline_stages (id, workspace_id, pipeline_id, name, position, probability)
     SELECT gen_random_uuid(), $1, $2, s.name, s.pos, s.prob
     FROM (VALUES ('Lead in', 0, 10), ('Qualified', 1, 25), ('Proposal', 2, 50), ('Negotiation', 3, 75), ('Closing', 4, 90)) AS s(name, pos, prob)`,
    [workspaceId, pipelineId],
  );
  await pool.query(
    `INSERT INTO deals (id, workspace_id, pipeline_id, stage_id, title, client_id, value_minor, currency, expected_close_date, owner_id, status, position, stage_entered_at, last_activity_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, st.id, 'Deal ' || g, c.id, (g % 500 + 1) * 10000, 'GBP', current_date + (g % 180),
            CASE WHEN g % 10 = 0 THEN NULL ELSE ($3::uuid[])[1 + g % greatest(1, cardinality($3::uuid[]))] END,
            'open', g, now() - (g % 60) * interval '1 day', now() - (g % 40) * interval '1 day', now(), now()
     FROM generate_series(1, $4::int) g
     JOIN LATERAL (SELECT id FROM pipeline_stages WHERE pipeline_id = $2 ORDER BY position OFFSET (g % 5) LIMIT 1) st ON true
     LEFT JOIN LATERAL (SELECT id FROM clients WHERE workspace_id = $1 ORDER BY id OFFSET (g % 1000) LIMIT 1) c ON true`,
    [workspaceId, pipelineId, ownerIds, opts.deals],
  );
  log(`deals ${opts.deals.toLocaleString()} on the "Big board" pipeline`);
  await pool.query("ANALYZE clients; ANALYZE leads; ANALYZE deals;");
  return { pipelineId };
}
