import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { newId } from "../ids";
import { type FileStorage, type StoredObject, StorageNotFoundError } from "./storage.types";

// Keys are UUIDs we generated; anything else is refused before it can reach the file system.
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files on the local disk under one root folder: `<root>/<last two hex digits>/<key>`, written to
 * `<root>/.tmp/` first and renamed into place, so a reader never sees a half-written file.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute path of a key; throws StorageNotFoundError for anything that is not one of our keys. */
  pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new StorageNotFoundError(key);
    return path.join(this.root, key.slice(-2), key);
  }

  async put(source: Readable): Promise<StoredObject> {
    const key = newId();
    const tmpDir = path.join(this.root, ".tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${key}.part`);
    const hash = createHash("sha256");
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(tmp, { flags: "wx" }));
      const final = this.pathOf(key);
      await mkdir(path.dirname(final), { recursive: true });
      await rename(tmp, final);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new StorageNotFoundError(key);
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    let file: string;
    try {
      file = this.pathOf(key);
    } catch {
      return;
    }
    await rm(file, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }
}
