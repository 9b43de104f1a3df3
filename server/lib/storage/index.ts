import path from "node:path";
import type { Config } from "../../config/env";
import { LocalDiskStorage } from "./local-disk-storage";
import type { FileStorage } from "./storage.types";

export { LocalDiskStorage } from "./local-disk-storage";
export { type FileStorage, type StoredObject, StorageNotFoundError } from "./storage.types";

/** The configured file storage (local disk under UPLOADS_DIR, resolved from `rootDir` when relative). */
export function createFileStorage(config: Pick<Config, "UPLOADS_DIR">, rootDir: string): FileStorage {
  return new LocalDiskStorage(path.resolve(rootDir, config.UPLOADS_DIR));
}
