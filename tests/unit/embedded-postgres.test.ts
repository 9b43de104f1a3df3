import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "../../server/db/embedded";

const dirs: string[] = [];
async function tmp(mode = 0o755): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "aos-embedded-"));
  await chmod(dir, mode);
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("startEmbeddedPostgres refuses an unusable data folder with a one-line explanation", () => {
  it("when the path is a file", async () => {
    const file = path.join(await tmp(), "not-a-folder");
    await writeFile(file, "x");
    const err = await startEmbeddedPostgres({ dataDir: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toMatch(/is a file, not a folder/);
    expect((err as Error).message).not.toContain("\n");
  });

  it("when the folder holds something that is not a PostgreSQL cluster", async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, "notes.txt"), "mine");
    const err = await startEmbeddedPostgres({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toMatch(/not empty and is not a PostgreSQL data folder/);
  });

  it.skipIf(process.getuid?.() !== 0)("when, as root, a parent folder is not traversable by the postgres user", async () => {
    const parent = await tmp(0o700);
    const err = await startEmbeddedPostgres({ dataDir: path.join(parent, "pg") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toMatch(/not traversable by the 'postgres' user/);
  });
});
