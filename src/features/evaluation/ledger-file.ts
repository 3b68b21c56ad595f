/**
 * A ledger file on its way in: its format from its name and first bytes, its bytes written to a private temporary
 * file for the reader thread (and removed after), and the read's refusal as an AppError naming the row and column.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, badRequest } from '../../server/app-error.ts';
import type { LedgerFormat, LedgerRead } from './read-ledger.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** .csv/.txt/.tsv is a CSV, .xlsx a workbook; a zip's bytes are a workbook whatever the name. Old .xls is refused. */
export function ledgerFormat(fileName: string, head: Uint8Array): LedgerFormat {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (ext === 'xls' || ext === 'et')
    throw new AppError(
      415,
      'unsupported_ledger',
      `${fileName}: an old binary Excel workbook (.xls) cannot be read; save it as .xlsx or CSV and upload that`,
    );
  const zip = ZIP.every((b, k) => head[k] === b);
  if (zip || ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv' || ext === '') return 'csv';
  throw new AppError(
    415,
    'unsupported_ledger',
    `${fileName}: a ledger is a CSV file (.csv) or an Excel workbook (.xlsx), not .${ext}`,
  );
}

/** Runs `read` on the bytes written to a temporary file of its own, removed afterwards whatever happens. */
export async function withTempFile<T>(
  bytes: Uint8Array,
  format: LedgerFormat,
  read: (path: string) => Promise<T>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'tupu-ledger-'));
  try {
    const path = join(dir, `${randomUUID()}.${format}`);
    await writeFile(path, bytes);
    return await read(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** 422 ledger_unreadable naming the file and where it goes wrong. */
export function unreadable(fileName: string, read: LedgerRead & { ok: false }): AppError {
  return new AppError(422, 'ledger_unreadable', `${fileName}: ${read.message}`, {
    row: read.row ?? null,
    column: read.column ?? null,
  });
}

export const noFile = () =>
  badRequest('Send the ledger file as the request body (application/octet-stream), its name in ?fileName=');
