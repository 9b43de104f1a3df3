import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../server/db/migrate";
import { pipelineStages, pipelines, savedViews } from "../../server/db/schema";
import { toAppError } from "../../server/http/error-handler";
import { buildTeam, buildWorkspace } from "../factories";
import { createTestApp, type TestApp } from "../setup/test-app";

// The database, not the services' pre-checks, keeps pipeline, stage and saved-view names unique:
// writes that skip the services hit the unique indexes, and the one error mapper turns those into
// the same 409 the services answer. Old duplicates are renamed by the data migration before the
// indexes are built.

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
});
afterAll(async () => {
  await t?.close();
});

/** The error a write throws (fails the test when it succeeds). */
async function failure(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => expect.fail("the duplicate was written"),
    (err: unknown) => err,
  );
}

/** A migration's SQL by its name without the number (the numbers change when branches merge). */
function migrationSql(suffix: string): string {
  const file = readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith(`_${suffix}.sql`));
  if (!file) throw new Error(`no migration *_${suffix}.sql`);
  return readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8");
}

/** Runs a migration file's statements as the migrator does (split on its breakpoints). */
async function runMigrationFile(suffix: string): Promise<void> {
  for (const statement of migrationSql(suffix).split("--> statement-breakpoint")) {
    if (statement.trim()) await t.database.pool.query(statement);
  }
}

describe("unique name indexes", () => {
  it("409 already_exists on body.name from the error mapper when a duplicate pipeline, stage or saved view (other case) reaches the database", async () => {
    const db = t.database.db;
    const workspaceId = team.workspace.id;
    const [pipeline] = await db.insert(pipelines).values({ workspaceId, name: "Direct writes" }).returning();
    await db.insert(pipelineStages).values({ workspaceId, pipelineId: pipeline!.id, name: "Pitch", position: 0 });
    const ownerId = team.users.staff.id;
    await db.insert(savedViews).values({ workspaceId, ownerId, entityType: "client", name: "Hot" });

    const errors = [
      await failure(db.insert(pipelines).values({ workspaceId, name: "DIRECT WRITES" })),
      await failure(db.insert(pipelineStages).values({ workspaceId, pipelineId: pipeline!.id, name: "pitch", position: 1 })),
      await failure(db.insert(savedViews).values({ workspaceId, ownerId, entityType: "client", name: "hOT" })),
    ];
    for (const err of errors) {
      const mapped = toAppError(err);
      expect({ status: mapped?.status, code: mapped?.code, paths: mapped?.details?.issues?.map((i) => i.path) }).toEqual({ status: 409, code: "already_exists", paths: ["body.name"] });
    }
  });

  it("allows the same name in another workspace, pipeline, list or owner, and any number of views whose owner is gone", async () => {
    const db = t.database.db;
    const workspaceId = team.workspace.id;
    const elsewhere = await buildWorkspace(db);
    const [a, b] = await db
      .insert(pipelines)
      .values([
        { workspaceId, name: "Shared name", position: 5 },
        { workspaceId: elsewhere.id, name: "Shared name" },
      ])
      .returning();
    await db.insert(pipelineStages).values([
      { workspaceId, pipelineId: a!.id, name: "Same", position: 0 },
      { workspaceId: elsewhere.id, pipelineId: b!.id, name: "Same", position: 0 },
    ]);
    await db.insert(savedViews).values([
      { workspaceId, ownerId: team.users.staff.id, entityType: "lead", name: "Same" },
      { workspaceId, ownerId: team.users.manager.id, entityType: "lead", name: "Same" },
      { workspaceId, ownerId: null, entityType: "lead", name: "Same", visibility: "shared" },
      { workspaceId, ownerId: null, entityType: "lead", name: "Same", visibility: "shared" },
    ]);
  });
});

describe("the data migration before the unique indexes", () => {
  it("renames old duplicates to “Name (n)” (skipping taken names, the oldest keeps its name) so the indexes build, and changes nothing when run again", async () => {
    const db = t.database.db;
    const pool = t.database.pool;
    const ws = await buildWorkspace(db);
    const other = await buildWorkspace(db);
    const owner = team.users.staff.id;
    const colleague = team.users.manager.id;
    // Old data, written before the indexes existed.
    await pool.query("DROP INDEX pipelines_workspace_name_uq, pipeline_stages_pipeline_name_uq, saved_views_owner_name_uq");
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));
    const made = await db
      .insert(pipelines)
      .values([
        { workspaceId: ws.id, name: "Sales", createdAt: at(0) },
        { workspaceId: ws.id, name: "Sales (2)", createdAt: at(1) },
        { workspaceId: ws.id, name: "sales", createdAt: at(2) },
        { workspaceId: ws.id, name: "SALES", createdAt: at(3) },
        { workspaceId: other.id, name: "Sales", createdAt: at(4) },
      ])
      .returning();
    const pipelineIds = made.map((p) => p.id);
    const [first, , , , foreign] = made;
    await db.insert(pipelineStages).values([
      { workspaceId: ws.id, pipelineId: first!.id, name: "Pitch", position: 0, createdAt: at(0) },
      { workspaceId: ws.id, pipelineId: first!.id, name: "pitch", position: 1, createdAt: at(1) },
      { workspaceId: other.id, pipelineId: foreign!.id, name: "Pitch", position: 0, createdAt: at(2) },
    ]);
    const views = await db
      .insert(savedViews)
      .values([
        { workspaceId: team.workspace.id, ownerId: owner, entityType: "deal", name: "Hot", createdAt: at(0) },
        { workspaceId: team.workspace.id, ownerId: owner, entityType: "deal", name: "HOT", createdAt: at(1) },
        { workspaceId: team.workspace.id, ownerId: owner, entityType: "contact", name: "Hot", createdAt: at(2) },
        { workspaceId: team.workspace.id, ownerId: colleague, entityType: "deal", name: "Hot", createdAt: at(3) },
        { workspaceId: team.workspace.id, ownerId: null, entityType: "deal", name: "Orphan", visibility: "shared", createdAt: at(4) },
        { workspaceId: team.workspace.id, ownerId: null, entityType: "deal", name: "Orphan", visibility: "shared", createdAt: at(5) },
      ])
      .returning();
    const viewIds = views.map((v) => v.id);

    const names = async () => ({
      pipelines: (await db.select().from(pipelines).where(inArray(pipelines.id, pipelineIds))).map((p) => [p.createdAt.toISOString(), p.name]).sort(),
      stages: (await db.select().from(pipelineStages).where(inArray(pipelineStages.pipelineId, pipelineIds))).map((s) => [s.createdAt.toISOString(), s.name]).sort(),
      views: (await db.select().from(savedViews).where(inArray(savedViews.id, viewIds))).map((v) => [v.createdAt.toISOString(), v.name]).sort(),
    });

    await runMigrationFile("dedupe-names");
    const expected = {
      pipelines: [
        [at(0).toISOString(), "Sales"],
        [at(1).toISOString(), "Sales (2)"],
        [at(2).toISOString(), "sales (3)"],
        [at(3).toISOString(), "SALES (4)"],
        [at(4).toISOString(), "Sales"],
      ],
      stages: [
        [at(0).toISOString(), "Pitch"],
        [at(1).toISOString(), "pitch (2)"],
        [at(2).toISOString(), "Pitch"],
      ],
      views: [
        [at(0).toISOString(), "Hot"],
        [at(1).toISOString(), "HOT (2)"],
        [at(2).toISOString(), "Hot"],
        [at(3).toISOString(), "Hot"],
        [at(4).toISOString(), "Orphan"],
        [at(5).toISOString(), "Orphan"],
      ],
    };
    expect(await names()).toEqual(expected);

    // The index migration builds on the renamed data; the data step is a no-op the second time.
    await runMigrationFile("unique-names");
    await runMigrationFile("dedupe-names");
    expect(await names()).toEqual(expected);
    const indexes = await db.execute<{ indexname: string }>(
      sql`select indexname from pg_indexes where indexname in ('pipelines_workspace_name_uq', 'pipeline_stages_pipeline_name_uq', 'saved_views_owner_name_uq') order by indexname`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(["pipeline_stages_pipeline_name_uq", "pipelines_workspace_name_uq", "saved_views_owner_name_uq"]);
    await failure(db.insert(pipelines).values({ workspaceId: ws.id, name: "sales (2)" }));
    expect((await db.select().from(pipelines).where(eq(pipelines.workspaceId, ws.id))).length).toBe(4);
  });
});
