/**
 * Streams the first sheet of an .xlsx ledger row by row with exceljs's streaming reader, after checking the zip's
 * own directory (read from the end of the file, not the whole file): the number of entries (the limit of
 * src/packs/xlsx-limits.ts, ANSWER_SHEET_LIMITS.entries), the declared uncompressed size, and the compression ratio
 * of each part — a zip bomb named .xlsx is refused before anything is inflated. While streaming, rows, cells and
 * the characters of a cell are counted against LEDGER_XLSX_LIMITS too, since a header may lie about sizes.
 *
 * Cells come as text: numbers as written by String(), dates (cells styled as dates) as YYYY-MM-DD (with the time
 * when it is not midnight), a formula as its cached result (none: empty), rich text joined, an error as its code
 * (#DIV/0!). A merged range's value is in its first cell only; the others read as empty.
 */
import ExcelJS from 'exceljs';
import { open, stat } from 'node:fs/promises';
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';
import { LedgerReadError, WorkbookRefused } from './errors.ts';

export const LEDGER_XLSX_LIMITS = {
  entries: ANSWER_SHEET_LIMITS.entries,
  cellChars: ANSWER_SHEET_LIMITS.cellChars,
  /** declared uncompressed bytes of the whole workbook */
  totalBytes: 8 * 1024 ** 3,
  /** uncompressed ÷ compressed size of one part over 10 MB: sheet XML compresses ~10–30×, a bomb ~1000× */
  ratio: 200,
  rows: 5_000_000,
  cells: 200_000_000,
} as const;

/** Read the zip's end record and central directory from the end of the file; refuse what goes over the limits. */
export async function checkLedgerZip(path: string, limits = LEDGER_XLSX_LIMITS): Promise<void> {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tail.length - 22; at >= 0; at--)
      if (tail.readUInt32LE(at) === 0x06054b50) {
        end = at;
        break;
      }
    if (end < 0)
      throw new WorkbookRefused(
        'not an .xlsx workbook: no zip directory found (cut short, or another kind of file)',
      );
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff)
      throw new WorkbookRefused(
        'the workbook is a zip64 archive (over 4 GB or 65,535 files): too large to profile',
      );
    if (count > limits.entries)
      throw new WorkbookRefused(
        `the workbook holds ${count} files, over the limit of ${limits.entries}; refused before reading`,
      );
    if (directoryOffset + directorySize > size) throw new WorkbookRefused('the zip directory is damaged');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let total = 0;
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
        throw new WorkbookRefused('the zip directory is damaged');
      const compressed = directory.readUInt32LE(at + 20);
      const inflated = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      total += inflated;
      if (inflated > 10 * 1024 * 1024 && inflated > limits.ratio * Math.max(1, compressed))
        throw new WorkbookRefused(
          `${name} inflates ${Math.round(inflated / Math.max(1, compressed))}× (${inflated} bytes from ${compressed}): a zip bomb, refused before reading`,
        );
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    if (total > limits.totalBytes)
      throw new WorkbookRefused(
        `the workbook declares ${total} bytes uncompressed, over the limit of ${limits.totalBytes}`,
      );
  } finally {
    await handle.close();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a CSV would hold; null when empty. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
    if ('hyperlink' in v && 'text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}

/** Calls `onRecord` for each row of the first sheet (the first non-empty row is the header) with its row number. */
export async function streamXlsx(
  path: string,
  onRecord: (cells: (string | null)[], row: number) => void,
  limits = LEDGER_XLSX_LIMITS,
): Promise<{ sheet: string; records: number }> {
  await checkLedgerZip(path, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let records = 0;
  let cells = 0;
  let width = 0;
  let sheet = '';
  try {
    for await (const worksheet of reader) {
      sheet = (worksheet as unknown as { name?: string }).name ?? 'Sheet1';
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const out: (string | null)[] = [];
        for (let k = 1; k < values.length; k++) {
          const t = cellText(values[k]);
          if (t !== null && t.length > limits.cellChars)
            throw new LedgerReadError(
              `a cell of ${t.length} characters, over the limit of ${limits.cellChars}`,
              row.number,
              k,
            );
          out.push(t);
        }
        if (records === 0) {
          if (out.every((c) => c === null || c.trim() === '')) continue;
          width = out.length;
        }
        while (out.length < width) out.push(null);
        records++;
        cells += out.length;
        if (records > limits.rows)
          throw new LedgerReadError(`over ${limits.rows} rows: too many to profile`, row.number, undefined);
        if (cells > limits.cells)
          throw new LedgerReadError(`over ${limits.cells} cells: too many to profile`, row.number, undefined);
        onRecord(out, row.number);
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof LedgerReadError) throw err;
    throw new WorkbookRefused(
      `cannot read the workbook: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return { sheet, records };
}
