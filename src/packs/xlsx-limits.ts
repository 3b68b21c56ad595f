/**
 * Checks an .xlsx answer workbook against ANSWER_SHEET_LIMITS before exceljs parses it, so that a crafted file is
 * refused in milliseconds with the limit and the sheet named instead of taking minutes and gigabytes: the zip's own
 * directory (number of files, declared sizes), then each XML part inflated with a hard cap on its output (a header
 * that lies about the size cannot get past it), then in each sheet the rows, the cells and the longest text, and in
 * the shared strings the longest text. Reads the zip itself (the end record and the central directory, deflate or
 * stored, no zip64): an answer workbook never needs more.
 */
import { inflateRawSync } from 'node:zlib';
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';

export type SheetLimits = { readonly [K in keyof typeof ANSWER_SHEET_LIMITS]: number };

/** A limit the workbook goes over (413), or a zip that cannot be read (400, `limit` undefined). */
export interface WorkbookRefusal {
  /** the sheet's name, or '' for a part that is not a sheet */
  sheet: string;
  row: number | null;
  /** which of ANSWER_SHEET_LIMITS, or undefined when the zip itself is damaged */
  limit: keyof SheetLimits | undefined;
  message: string;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MB = 1024 * 1024;
const n = (x: number) => x.toLocaleString('en');
const mb = (x: number) => `${Math.round(x / MB)} MB`;

class ZipError extends Error {}
class TooManyEntries extends Error {
  constructor(readonly count: number) {
    super(`${count} entries`);
  }
}
class PartTooLarge extends Error {}

/** The entries of a zip's central directory. Throws ZipError when the zip is damaged or uses zip64. */
export function readZipDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipError('no zip directory found (the file is cut short or not an .xlsx)');
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipError('the workbook is a zip64 archive, which an answer sheet never needs');
  if (count > maxEntries) throw new TooManyEntries(count);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      throw new ZipError('the zip directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's content, inflated to at most `max` bytes (PartTooLarge beyond, ZipError when damaged). */
function entryContent(zip: Buffer, entry: ZipEntry, max: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50)
    throw new ZipError(`the zip entry ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > max) throw new PartTooLarge(entry.name);
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`the zip entry ${entry.name} uses an unknown compression`);
  try {
    return inflateRawSync(data, { maxOutputLength: max });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new PartTooLarge(entry.name);
    throw new ZipError(
      `the zip entry ${entry.name} is damaged (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

const decodeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag)?.[1];

/** Sheet name by the zip path of its XML, from xl/workbook.xml and its relationships. */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) names.set(path, decodeXml(name));
  }
  return names;
}

interface XmlCounts {
  rows: number;
  cells: number;
  /** the longest text between two tags, in characters (entities counted as one), and the row it is in */
  longest: { chars: number; row: number | null };
}

const isNameEnd = (code: number) =>
  code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** One pass over the XML: `<row>` and `<c>` tags, and text runs longer than `cellChars`. */
export function scanXml(xml: string, cellChars: number): XmlCounts {
  let rows = 0;
  let cells = 0;
  let row: number | null = null;
  const longest: XmlCounts['longest'] = { chars: 0, row: null };
  for (let i = 0; ;) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd - i > cellChars) {
      const text = xml.slice(i, textEnd);
      const chars = text.length - (text.match(/&#?\w{1,10};/g) ?? []).reduce((s, e) => s + e.length - 1, 0);
      if (chars > longest.chars) Object.assign(longest, { chars, row });
    }
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) break;
    if (xml.startsWith('row', lt + 1) && isNameEnd(xml.charCodeAt(lt + 4))) {
      rows++;
      const r = Number(attribute(xml.slice(lt + 4, gt), 'r'));
      row = Number.isInteger(r) && r > 0 ? r : (row ?? 0) + 1;
    } else if (xml.charCodeAt(lt + 1) === 99 && isNameEnd(xml.charCodeAt(lt + 2))) cells++;
    i = gt + 1;
  }
  return { rows, cells, longest };
}

/**
 * The first limit `zip` (an .xlsx) goes over, or a damaged zip; null when it is within every limit. Inflates each
 * XML part once, at most `partBytes` of it, one at a time.
 */
export function checkWorkbookLimits(
  zip: Buffer,
  limits: SheetLimits = ANSWER_SHEET_LIMITS,
): WorkbookRefusal | null {
  const refuse = (
    limit: WorkbookRefusal['limit'],
    message: string,
    sheet = '',
    row: number | null = null,
  ) => ({
    sheet,
    row,
    limit,
    message,
  });
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip, limits.entries);
  } catch (err) {
    if (err instanceof TooManyEntries)
      return refuse(
        'entries',
        `the workbook holds ${n(err.count)} files, over the limit of ${n(limits.entries)}; refused before parsing`,
      );
    return refuse(undefined, `cannot read workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  const xmlParts = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const read = (entry: ZipEntry) => entryContent(zip, entry, limits.partBytes).toString('utf8');
  const byName = (name: string) => xmlParts.find((e) => e.name === name);
  let names = new Map<string, string>();
  try {
    const workbook = byName('xl/workbook.xml');
    const rels = byName('xl/_rels/workbook.xml.rels');
    if (workbook && rels) names = sheetNames(read(workbook), read(rels));
  } catch {
    // reported below with the part it concerns
  }
  const partOf = (entry: ZipEntry) => {
    const sheet = names.get(entry.name) ?? '';
    const part =
      sheet !== '' ? 'the sheet' : entry.name === 'xl/sharedStrings.xml' ? 'the shared strings' : entry.name;
    return { sheet, part };
  };
  const limit = `${mb(limits.partBytes)} for one part of an answer workbook`;
  for (const entry of xmlParts) {
    const { sheet, part } = partOf(entry);
    if (entry.size > limits.partBytes)
      return refuse(
        'partBytes',
        `${part} declares ${mb(entry.size)} uncompressed, over the limit of ${limit} (a zip bomb?); refused before parsing`,
        sheet,
      );
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.totalBytes)
    return refuse(
      'totalBytes',
      `the workbook is ${mb(declared)} uncompressed, over the limit of ${mb(limits.totalBytes)} for an answer workbook; refused before parsing`,
    );
  let total = entries.filter((e) => !xmlParts.includes(e)).reduce((sum, e) => sum + e.size, 0);
  for (const entry of xmlParts) {
    const { sheet, part } = partOf(entry);
    let content: Buffer;
    try {
      content = entryContent(zip, entry, limits.partBytes);
    } catch (err) {
      if (err instanceof PartTooLarge)
        return refuse(
          'partBytes',
          `${part} is over ${mb(limits.partBytes)} uncompressed (its zip header claims ${n(entry.size)} bytes), over the limit of ${limit} (a zip bomb?); refused before parsing`,
          sheet,
        );
      return refuse(
        undefined,
        `cannot read workbook: ${err instanceof Error ? err.message : String(err)}`,
        sheet,
      );
    }
    total += content.length;
    if (total > limits.totalBytes)
      return refuse(
        'totalBytes',
        `the workbook is over ${mb(limits.totalBytes)} uncompressed, the limit for an answer workbook; refused before parsing`,
      );
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    if (!isSheet && entry.name !== 'xl/sharedStrings.xml') continue;
    const counts = scanXml(content.toString('utf8'), limits.cellChars);
    const over = (what: 'rows' | 'cells', count: number) =>
      refuse(
        what,
        `${part} has ${n(count)} ${what}, over the limit of ${n(limits[what])} ${what} for one sheet of an answer workbook; refused before parsing`,
        sheet,
      );
    if (counts.rows > limits.rows) return over('rows', counts.rows);
    if (counts.cells > limits.cells) return over('cells', counts.cells);
    if (counts.longest.chars > limits.cellChars)
      return refuse(
        'cellChars',
        `${part} ${part === 'the shared strings' ? 'hold' : 'holds'} a text of ${n(counts.longest.chars)} characters, over the ${n(limits.cellChars)} characters a cell can hold; refused before parsing`,
        sheet,
        isSheet ? counts.longest.row : null,
      );
  }
  return null;
}
