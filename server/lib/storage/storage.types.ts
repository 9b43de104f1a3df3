import type { Readable } from "node:stream";

/** What a stored object is: its server-chosen key, byte size and SHA-256 (hex). */
export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where uploaded files live. Keys are chosen by the storage (never derived from user input), so a
 * backend may map them to paths or object names safely. Local disk is the default; an S3 or GCS
 * backend implements the same four calls.
 */
export interface FileStorage {
  /** Stores a stream under a new key; nothing is visible under the key unless the whole stream was written. A stream error rejects and leaves nothing behind. */
  put(source: Readable): Promise<StoredObject>;
  /** Reads a stored object; rejects with StorageNotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes an object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** True when the key holds an object. */
  exists(key: string): Promise<boolean>;
}

/** A key that holds nothing (or is not a key this storage could have made). */
export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object under key ${JSON.stringify(key)}`);
    this.name = "StorageNotFoundError";
  }
}
