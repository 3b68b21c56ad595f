/**
 * Reads a ledger file (CSV in UTF-8, UTF-8 with a BOM or GBK/GB18030, or the first sheet of an .xlsx) with the
 * streaming readers of src/ledgers: its header, its first rows for a preview and the number of rows; with a mapping,
 * every row mapped onto the catalogue's data fields (src/core/ledger/map-rows.ts), each problem naming its row and
 * column. Runs in a worker thread (ledger-worker.ts), so the answer is plain data: a file that cannot be read is a
 * result naming where, not an exception.
 */
import type { DataField } from '../../core/kpi/catalogue-schema.ts';
import type { LedgerRow } from '../../core/kpi/compute.ts';
import type { LedgerEncoding } from '../../core/ledger/encoding.ts';
import { mapLedgerRows, type ColumnMapping, type LedgerProblem } from '../../core/ledger/map-rows.ts';
import { streamCsv } from '../../ledgers/csv-stream.ts';
import { LedgerReadError, WorkbookRefused } from '../../ledgers/errors.ts';
import { streamXlsx } from '../../ledgers/xlsx-stream.ts';

export type LedgerFormat = 'csv' | 'xlsx';

export interface LedgerReadJob {
  path: string;
  format: LedgerFormat;
  /** rows kept for the preview */
  sample: number;
  /** map every row onto the fields */
  mapping?: ColumnMapping;
  fields?: Pick<DataField, 'id' | 'unit'>[];
}

export type LedgerRead =
  | {
      ok: true;
      encoding: LedgerEncoding | null;
      sheet: string | null;
      headers: string[];
      sample: (string | null)[][];
      /** data rows, blank rows not counted */
      rows: number;
      mapped?: { rows: LedgerRow[]; problems: LedgerProblem[] };
    }
  | { ok: false; message: string; row?: number; column?: number };

const blank = (cells: readonly (string | null)[]) => cells.every((c) => c === null || c.trim() === '');

/** A header cell as a column name: trimmed, an empty one named by its position. */
export const headerName = (cell: string | null | undefined, k: number) =>
  cell && cell.trim() !== '' ? cell.trim() : `(${k + 1})`;

/**
 * exceljs's streaming reader now and then loses the workbook part (xl/workbook.xml) of a sound file on a busy
 * machine, then fails on `model.sheets` (reproduced: 2 reads of 200, four at a time, of one small workbook); the
 * same file reads at the next attempt. Such a read is tried again, at most this many times in all.
 */
const XLSX_ATTEMPTS = 3;
const lostWorkbookPart = (r: LedgerRead) => !r.ok && /reading 'sheets'/.test(r.message);

export async function readLedger(job: LedgerReadJob): Promise<LedgerRead> {
  let read = await readOnce(job);
  for (let k = 1; k < XLSX_ATTEMPTS && job.format === 'xlsx' && lostWorkbookPart(read); k++)
    read = await readOnce(job);
  return read;
}

async function readOnce(job: LedgerReadJob): Promise<LedgerRead> {
  let headers: string[] | undefined;
  const sample: (string | null)[][] = [];
  const all: { cells: (string | null)[]; row: number }[] = [];
  let rows = 0;
  const onRecord = (cells: (string | null)[], row: number) => {
    if (headers === undefined) {
      headers = cells.map(headerName);
      return;
    }
    if (blank(cells)) return;
    rows++;
    if (sample.length < job.sample) sample.push(cells.slice(0, headers.length));
    if (job.mapping) all.push({ cells, row });
  };
  let encoding: LedgerEncoding | null = null;
  let sheet: string | null = null;
  try {
    if (job.format === 'csv') encoding = (await streamCsv(job.path, onRecord)).encoding;
    else sheet = (await streamXlsx(job.path, onRecord)).sheet;
  } catch (err) {
    if (err instanceof LedgerReadError)
      return { ok: false, message: err.message, row: err.row, ...(err.column ? { column: err.column } : {}) };
    if (err instanceof WorkbookRefused) return { ok: false, message: err.message };
    throw err;
  }
  if (headers === undefined) return { ok: false, message: 'the file is empty: no header row' };
  const read = { ok: true as const, encoding, sheet, headers, sample, rows };
  if (!job.mapping) return read;
  const mapping = job.format === 'xlsx' ? { ...job.mapping, serialDates: true } : job.mapping;
  return { ...read, mapped: mapLedgerRows(headers, all, mapping, job.fields ?? []) };
}
