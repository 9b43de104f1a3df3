import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import type { Db } from "../../server/db/client";
import { type AttachmentRow, type DealRow, deals, pipelineStages, pipelines } from "../../server/db/schema";
import type { FileStorage } from "../../server/lib/storage";
import { insertAttachment } from "../../server/modules/attachments/attachments.repository";

const unique = () => randomBytes(4).toString("hex");

/** A valid 1×1 PNG. */
export const PNG_BYTES = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A minimal one-page PDF. */
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

/** The start of a Windows executable (MZ header, PE signature at the offset it names). */
export function exeBytes(): Buffer {
  const buf = Buffer.alloc(512);
  buf.write("MZ", 0, "latin1");
  buf.writeUInt32LE(0x80, 0x3c);
  buf.write("PE\0\0", 0x80, "latin1");
  return buf;
}

/** A stored (uncompressed) ZIP of the given entries. */
export function zipBytes(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A minimal DOCX (the OOXML parts file-type looks at). */
export function docxBytes(): Buffer {
  return zipBytes({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  });
}

/** A deal (with its own pipeline and stage) written straight to the tables (the deals API is another module's). */
export async function buildDeal(db: Db, overrides: Partial<DealRow> & { workspaceId: string }): Promise<DealRow> {
  const [pipeline] = await db.insert(pipelines).values({ workspaceId: overrides.workspaceId, name: `Pipeline ${unique()}` }).returning();
  const [stage] = await db.insert(pipelineStages).values({ workspaceId: overrides.workspaceId, pipelineId: pipeline!.id, name: "Qualified", position: 0 }).returning();
  const [row] = await db
    .insert(deals)
    .values({ title: `Deal ${unique()}`, currency: "USD", pipelineId: pipeline!.id, stageId: stage!.id, ...overrides })
    .returning();
  return row!;
}

/** An attachment with real stored bytes (a PNG unless told otherwise). */
export async function buildAttachment(
  db: Db,
  storage: FileStorage,
  parent: { workspaceId: string; entityType: AttachmentRow["entityType"]; entityId: string },
  overrides: Partial<AttachmentRow> & { bytes?: Buffer } = {},
): Promise<AttachmentRow> {
  const { bytes = PNG_BYTES, ...rest } = overrides;
  const stored = await storage.put(Readable.from([bytes]));
  return insertAttachment(db, {
    fileName: `file-${unique()}.png`,
    contentType: "image/png",
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.key,
    ...rest,
    ...parent,
  });
}
