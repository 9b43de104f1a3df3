import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage, StorageNotFoundError } from "../../server/lib/storage";
import { sanitizeFileName } from "../../server/modules/attachments/attachment-content";
import { contentDisposition } from "../../server/modules/attachments/attachments.presenter";

let root: string;
let storage: LocalDiskStorage;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "aos-storage-"));
  storage = new LocalDiskStorage(root);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const allFiles = () => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalDiskStorage", () => {
  it("stores a stream under a new UUID key with its size and SHA-256, and reads it back", async () => {
    const stored = await storage.put(Readable.from([Buffer.from("hello "), Buffer.from("world")]));
    expect(stored).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), size: 11, sha256: "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" });
    expect(await storage.exists(stored.key)).toBe(true);
    expect((await readAll(await storage.get(stored.key))).toString()).toBe("hello world");
    expect(storage.pathOf(stored.key)).toBe(path.join(root, stored.key.slice(-2), stored.key));
    await storage.delete(stored.key);
    expect(await storage.exists(stored.key)).toBe(false);
    await storage.delete(stored.key);
  });

  it("leaves nothing behind when the source stream fails mid-way", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put(failing)).rejects.toThrow("client went away");
    expect(allFiles()).toEqual([]);
  });

  it("refuses keys it could not have made, so no path escapes the root", async () => {
    for (const key of ["../../etc/passwd", "..", "/etc/passwd", "a/b", "0190aaaa-0000-7000-8000-00000000000g", ""]) {
      expect(() => storage.pathOf(key)).toThrow(StorageNotFoundError);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
      await storage.delete(key);
    }
  });
});

describe("sanitizeFileName", () => {
  it("keeps the base name only, strips control, quote and bidi characters, and never returns empty", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName('a"b\r\n<c>.txt')).toBe("abc.txt");
    expect(sanitizeFileName("invoice\u202Etxt.exe")).toBe("invoicetxt.exe");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName(undefined)).toBe("file");
    expect(sanitizeFileName("  Résumé  final .docx ")).toBe("Résumé final .docx");
  });

  it("shortens a long name to 200 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"x".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("plan.pdf")).toBe(`attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`);
    expect(contentDisposition("Smith's (v2) €.pdf")).toBe(`attachment; filename="Smith's (v2) _.pdf"; filename*=UTF-8''Smith%27s%20%28v2%29%20%E2%82%AC.pdf`);
  });
});
