import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicatePairs, duplicateScanPrefixes, duplicateScanTrigrams } from "../../server/db/schema";
import { withTransaction } from "../../server/db/transaction";
import { findScan, MATCHES_PER_REASON, rescorePairs, startScan } from "../../server/modules/duplicates/duplicate-pairs.repository";
import { duplicatesRebuildJob, rebuildStep } from "../../server/modules/duplicates/duplicates.jobs";
import type { DuplicateEntityType } from "../../shared/contracts/duplicates";
import { buildClient, buildContact, buildLead, buildWorkspace } from "../factories";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Stored = { lo: string; hi: string; reasons: string[]; sim: number | null; score: number };

/** Every stored pair of the workspace and type, in a stable order. */
async function stored(workspaceId: string, entityType: DuplicateEntityType): Promise<Stored[]> {
  const rows = await t.database.db
    .select({ lo: duplicatePairs.lowId, hi: duplicatePairs.highId, reasons: duplicatePairs.reasons, sim: duplicatePairs.similarity, score: duplicatePairs.score })
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.workspaceId, workspaceId), eq(duplicatePairs.entityType, entityType)))
    .orderBy(duplicatePairs.lowId, duplicatePairs.highId);
  return rows;
}

/** A whole rebuild, step by step as the job takes them (small windows, so every phase takes several). */
async function rebuild(workspaceId: string, windows = { names: 4, pairs: 3 }): Promise<void> {
  const scan = await withTransaction(t.database.pool, (tx) => startScan(tx.db, workspaceId, null));
  while (await withTransaction(t.database.pool, (tx) => rebuildStep(tx.db, workspaceId, scan.scanId, windows)));
}

/** Re-scores records one at a time, as separate rescore jobs would. */
async function rescoreEach(workspaceId: string, entityType: DuplicateEntityType, ids: string[]): Promise<void> {
  for (const id of ids) {
    expect(await withTransaction(t.database.pool, (tx) => rescorePairs(tx.db, workspaceId, entityType, [id]))).toBe(true);
  }
}

const shuffled = <T>(xs: T[]): T[] =>
  xs
    .map((x, i) => ({ x, k: (i * 7919) % 31 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);

/** A mix of look-alike leads: similar names, shared emails, phones and a company domain shared by more than 21. */
async function seedLookAlikes(workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  const names = ["Amber Coffee Ltd", "Amber Coffee Ltd.", "Amber Coffee Limited", "Amber Coffe Ltd", "Azure Coffee Ltd", "Amber Bakery Ltd", "Bright Dental Group", "Bright Dental Grp", "Brite Dental Group"];
  for (let i = 0; i < 30; i++) {
    const lead = await buildLead(t.database.db, {
      workspaceId,
      name: `${names[i % names.length]}${i % 4 === 0 ? "" : ` ${i % 3}`}`,
      // 24 share the company domain (more than 21: the group's lowest ids pair with everyone); a few share a whole address.
      email: i < 24 ? `person${i % 20}@shared-domain.example` : `solo${i}@own${i}.example`,
      phone: i % 5 === 0 ? "+441632960100" : null,
    });
    ids.push(lead.id);
  }
  return ids;
}

describe("closest partners (duplicates.rebuild and duplicates.rescore keep each record's 20 closest per reason)", () => {
  it("200 a name shared by 21 leads is not paired with a less similar family of 21 found first: each keeps its 20 identical names", async () => {
    const ws = (await buildWorkspace(t.database.db)).id;
    // The less similar family is inserted first, so "first found" (the heap's order) would pick it.
    const worx = [];
    for (let i = 0; i < 21; i++) worx.push(await buildLead(t.database.db, { workspaceId: ws, name: "Harrowgate Pickle Worx", email: null }));
    const works = [];
    for (let i = 0; i < 21; i++) works.push(await buildLead(t.database.db, { workspaceId: ws, name: "Harrowgate Pickle Works", email: null }));
    const family = new Map([...worx.map((l) => [l.id, "worx"] as const), ...works.map((l) => [l.id, "works"] as const)]);
    const crossFamily = (pairs: Stored[]) => pairs.filter((p) => family.get(p.lo) !== family.get(p.hi));

    await rebuild(ws);
    const rebuilt = await stored(ws, "lead");
    expect(crossFamily(rebuilt)).toEqual([]);
    // Within a family every pair is kept (each lists the other 20), similarity 1.
    expect(rebuilt).toHaveLength(2 * ((21 * 20) / 2));
    expect(rebuilt.every((p) => p.reasons.join() === "name" && p.sim === 1)).toBe(true);

    // A rescore of the newest "Works" lead (a probe that meets the "Worx" family first) keeps the same.
    await rescoreEach(ws, "lead", [works[20]!.id, worx[0]!.id]);
    expect(await stored(ws, "lead")).toEqual(rebuilt);
  });

  it("200 ties are broken by id: of 23 identical names, only the pairs among the three highest ids are left out", async () => {
    const ws = (await buildWorkspace(t.database.db)).id;
    const leads = [];
    for (let i = 0; i < 23; i++) leads.push(await buildLead(t.database.db, { workspaceId: ws, name: "Quillon Brassworks", email: null }));
    const ids = leads.map((l) => l.id).sort();
    const top3 = new Set(ids.slice(MATCHES_PER_REASON));
    const expected = ids.flatMap((a, i) => ids.slice(i + 1).filter((b) => !(top3.has(a) && top3.has(b))).map((b) => `${a}|${b}`));

    await rebuild(ws);
    expect((await stored(ws, "lead")).map((p) => `${p.lo}|${p.hi}`)).toEqual(expected);
    await rescoreEach(ws, "lead", shuffled(ids));
    expect((await stored(ws, "lead")).map((p) => `${p.lo}|${p.hi}`)).toEqual(expected);
  });
});

describe("rebuild and rescore agree", () => {
  it("200 the rebuild stores exactly the pairs that re-scoring every lead one by one stores (from the rebuilt table, and from an empty one in two passes)", async () => {
    const ws = (await buildWorkspace(t.database.db)).id;
    const ids = await seedLookAlikes(ws);
    await rebuild(ws);
    const rebuilt = await stored(ws, "lead");
    expect(rebuilt.length).toBeGreaterThan(50);
    expect(new Set(rebuilt.flatMap((p) => p.reasons))).toEqual(new Set(["domain", "email", "name", "phone"]));

    await rescoreEach(ws, "lead", shuffled(ids));
    expect(await stored(ws, "lead")).toEqual(rebuilt);

    // From nothing, a first pass can keep a pair too many (a partner's closer pairs are not stored
    // yet); the second pass, with every record's closest stored, lands on the rebuild's pairs.
    await t.database.db.delete(duplicatePairs).where(eq(duplicatePairs.workspaceId, ws));
    await rescoreEach(ws, "lead", ids);
    await rescoreEach(ws, "lead", [...ids].reverse());
    expect(await stored(ws, "lead")).toEqual(rebuilt);
  });

  it("200 clients and contacts too: rebuild = one-by-one rescore (website hosts, phones, emails, similar names)", async () => {
    const ws = (await buildWorkspace(t.database.db)).id;
    const clientIds: string[] = [];
    for (const [name, website] of [
      ["Rescan Roasters Ltd", "https://www.roasters.example/about"],
      ["Rescan Roaster Ltd", "http://roasters.example"],
      ["Rescan Roasters", null],
      ["Nothing Alike Bakery", "roasters.example"],
    ] as const) {
      clientIds.push((await buildClient(t.database.db, { workspaceId: ws, name, website, phone: "+441632960200" })).id);
    }
    const contactIds: string[] = [];
    for (const [firstName, lastName, email] of [
      ["Dana", "Lee", "dana@roasters.example"],
      ["Dana", "Leigh", "DANA@roasters.example"],
      ["Dana", "Lee", null],
    ] as const) {
      contactIds.push((await buildContact(t.database.db, { workspaceId: ws, clientId: clientIds[0]!, firstName, lastName, email })).id);
    }
    await rebuild(ws);
    const clientsRebuilt = await stored(ws, "client");
    const contactsRebuilt = await stored(ws, "contact");
    expect(clientsRebuilt).toHaveLength(6);
    // Same email in another case; the same full name ("Dana Leigh" is not similar enough).
    expect(contactsRebuilt.map((p) => p.reasons.join())).toEqual(expect.arrayContaining(["email", "name"]));
    expect(contactsRebuilt).toHaveLength(2);
    await rescoreEach(ws, "client", shuffled(clientIds));
    await rescoreEach(ws, "contact", shuffled(contactIds));
    expect(await stored(ws, "client")).toEqual(clientsRebuilt);
    expect(await stored(ws, "contact")).toEqual(contactsRebuilt);
  });
});

describe("rebuild checkpoints", () => {
  it("200 a rebuild whose transaction dies mid-way resumes after the last committed step: same pairs, progress counted once, name index dropped", async () => {
    const ws = (await buildWorkspace(t.database.db)).id;
    await seedLookAlikes(ws);
    await rebuild(ws);
    const expected = await stored(ws, "lead");

    // Every stored pair predates the new scan: it must re-find each one (or sweep it).
    await t.database.db.execute(sql`update ${duplicatePairs} set computed_at = now() - interval '1 day' where workspace_id = ${ws}`);
    const scan = await withTransaction(t.database.pool, (tx) => startScan(tx.db, ws, null));
    const windows = { names: 4, pairs: 3 };
    // Into the leads' pairs phase, a few windows in.
    for (let i = 0; i < 200; i++) {
      const s = await findScan(t.database.db, ws);
      if (s?.cursorType === "lead" && s.phase === "pairs" && s.processed >= 6) break;
      await withTransaction(t.database.pool, (tx) => rebuildStep(tx.db, ws, scan.scanId, windows));
    }
    const mid = (await findScan(t.database.db, ws))!;
    expect(mid).toMatchObject({ cursorType: "lead", phase: "pairs", status: "running" });
    // The process dies inside a step: its work and its checkpoint roll back together.
    await expect(
      withTransaction(t.database.pool, async (tx) => {
        await rebuildStep(tx.db, ws, scan.scanId, windows);
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    expect(await findScan(t.database.db, ws)).toMatchObject({ processed: mid.processed, cursorId: mid.cursorId, phase: "pairs" });

    // The job is enqueued again (a retry) and runs to the end.
    await t.ctx.jobs.enqueue(duplicatesRebuildJob, { workspaceId: ws, scanId: scan.scanId });
    await t.drainJobs();
    const done = (await findScan(t.database.db, ws))!;
    expect(done).toMatchObject({ status: "done", processed: done.total });
    expect(await stored(ws, "lead")).toEqual(expected);
    const [left] = await t.database.db
      .select({ n: sql<number>`(select count(*) from ${duplicateScanPrefixes} where workspace_id = ${ws}) + (select count(*) from ${duplicateScanTrigrams} where workspace_id = ${ws})` })
      .from(sql`(select 1) x`);
    expect(Number(left!.n)).toBe(0);
  });
});
