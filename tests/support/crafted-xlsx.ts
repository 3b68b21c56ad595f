/**
 * Hostile workbooks for the upload tests and bench/uploads.bench.ts: a Tupu answer template with one part (the
 * answers sheet, the shared strings) replaced, written by a small zip writer of our own so that a part can be a
 * deflate stream of gigabytes of spaces (a zip bomb) or carry a header that lies about its size.
 */
import JSZip from 'jszip';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** A zip entry already deflated, with the CRC and size of its content, and the size its headers claim. */
export interface DeflatedPart {
  deflated: Buffer;
  crc: number;
  size: number;
  /** the uncompressed size written in the headers (default: the true size) */
  declaredSize?: number;
}

export const deflatePart = (content: Buffer | string, declaredSize?: number): DeflatedPart => {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    deflated: deflateRawSync(data),
    crc: crc32(data),
    size: data.length,
    ...(declaredSize !== undefined ? { declaredSize } : {}),
  };
};

/** `head`, then `bytes` spaces, then `tail`, deflated as a stream (never held in memory whole). */
export async function deflatedSpaces(head: string, bytes: number, tail: string): Promise<DeflatedPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (piece: Buffer) => out.push(piece));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  const write = async (piece: Buffer) => {
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  const block = Buffer.alloc(1024 * 1024, ' ');
  for (let left = bytes; left > 0; left -= block.length)
    await write(left >= block.length ? block : block.subarray(0, left));
  await write(Buffer.from(tail));
  deflate.end();
  await ended;
  return { deflated: Buffer.concat(out), crc, size };
}

/** A zip of `parts` in order (deflated, no zip64), as Excel and exceljs write them. */
export function writeZip(parts: [string, DeflatedPart][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of parts) {
    const fileName = Buffer.from(name);
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.deflated.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, part.deflated);
    central.push(entry, fileName);
    offset += local.length + fileName.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The zip path of the worksheet named `sheet` in an .xlsx. */
export async function sheetPath(xlsx: Buffer, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
  if (!target) throw new Error(`sheet "${sheet}" not found in the workbook`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The workbook `xlsx` with the parts named in `replace` swapped for the given ones (or added). */
export async function replaceParts(xlsx: Buffer, replace: Record<string, DeflatedPart>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: [string, DeflatedPart][] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    parts.push([name, replace[name] ?? deflatePart(await file.async('nodebuffer'))]);
  }
  for (const [name, part] of Object.entries(replace))
    if (!parts.some(([n]) => n === name)) parts.push([name, part]);
  return writeZip(parts);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const column = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/** Worksheet XML of `rows` rows of `cols` numeric cells each. */
export function manyCellsSheet(rows: number, cols: number): string {
  const parts = [SHEET_HEAD];
  const letters = Array.from({ length: cols }, (_, i) => column(i + 1));
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`);
    for (const c of letters) parts.push(`<c r="${c}${r}"><v>${r}</v></c>`);
    parts.push('</row>');
  }
  parts.push(SHEET_TAIL);
  return parts.join('');
}

/** Worksheet XML whose `sheetData` holds `bytes` spaces: a zip bomb once deflated (about 1,000 to 1). */
export const spacesSheet = (bytes: number): Promise<DeflatedPart> =>
  deflatedSpaces(SHEET_HEAD, bytes, SHEET_TAIL);

/** Shared strings XML with one string of `chars` characters. */
export const longSharedString = (chars: number): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'x'.repeat(chars)}</t></si></sst>`;
