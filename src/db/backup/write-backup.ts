import { asc, count, inArray, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../client.ts';
import { encryptionStage } from './backup-crypto.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, rowCodec, type BackupHeader } from './backup-format.ts';
import { BACKUP_TABLES, primaryKeyColumns, tableName } from './backup-tables.ts';
import { appliedMigrations } from './migrations.ts';

/** Rows read per query; of a table with binary columns (evidence files), also at most PAGE_BYTES of them. */
const PAGE_SIZE = 200;
const PAGE_BYTES = 8 * 1024 * 1024;

export interface BackupSummary {
  file: string;
  rows: Record<string, number>;
}

export interface BackupOptions {
  /** encrypt the file with this passphrase (see backup-crypto.ts) */
  passphrase?: string | undefined;
}

/**
 * The default name of a backup taken at `date`: tupu-backup-20261125-021530.jsonl.gz (UTC), with `.enc` added when
 * it is encrypted.
 */
export const backupFileName = (date: Date, encrypted = false): string =>
  `tupu-backup-${date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.jsonl.gz${encrypted ? '.enc' : ''}`;

/** Whether a backup file name asks for gzip (`.gz`, or `.gz.enc`); anything else is plain JSON lines. */
export const isGzipName = (file: string): boolean => file.replace(/\.enc$/, '').endsWith('.gz');

/** The binary (bytea) columns of a table. */
const byteColumns = (table: PgTable): PgColumn[] =>
  getTableConfig(table).columns.filter((column) => column.getSQLType() === 'bytea');

/**
 * The rows of a table in primary-key order, a page at a time. A table with binary columns is paged by their size
 * too (its keys and sizes are read first), so that one page of 20 MB evidence files does not hold 200 of them.
 */
async function* tablePages(db: Db, table: PgTable): AsyncGenerator<Record<string, unknown>[]> {
  const keys = primaryKeyColumns(table);
  const order = keys.map((column) => asc(column));
  const binary = byteColumns(table);
  const [key] = keys;
  if (binary.length === 0 || keys.length !== 1 || !key) {
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = (await db
        .select()
        .from(table)
        .orderBy(...order)
        .limit(PAGE_SIZE)
        .offset(offset)) as Record<string, unknown>[];
      if (page.length > 0) yield page;
      if (page.length < PAGE_SIZE) return;
    }
  }
  const size: SQL<number> = sql<number>`(${sql.join(
    binary.map((column) => sql`coalesce(octet_length(${column}), 0)`),
    sql` + `,
  )})::bigint`.mapWith(Number);
  const sizes = await db
    .select({ key, size })
    .from(table)
    .orderBy(...order);
  let ids: unknown[] = [];
  let bytes = 0;
  const page = async (): Promise<Record<string, unknown>[]> => {
    const rows = (await db
      .select()
      .from(table)
      .where(inArray(key, ids))
      .orderBy(...order)) as Record<string, unknown>[];
    ids = [];
    bytes = 0;
    return rows;
  };
  for (const row of sizes) {
    if (ids.length > 0 && (ids.length >= PAGE_SIZE || bytes + row.size > PAGE_BYTES)) yield await page();
    ids.push(row.key);
    bytes += row.size;
  }
  if (ids.length > 0) yield await page();
}

async function* backupLines(
  db: Db,
  tupuVersion: string,
  rows: Record<string, number>,
): AsyncGenerator<string> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    tupuVersion,
    migrations: await appliedMigrations(db),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of BACKUP_TABLES) {
    const name = tableName(table);
    const codec = rowCodec(table);
    let written = 0;
    for await (const page of tablePages(db, table)) {
      for (const row of page) yield `${JSON.stringify({ table: name, row: codec.encode(row) })}\n`;
      written += page.length;
    }
    rows[name] = written;
  }
  yield `${JSON.stringify({ end: true, rows })}\n`;
}

/**
 * Writes every backed-up table to `file` (see backup-format.ts), encrypted when given a passphrase
 * (backup-crypto.ts). The file appears only when complete: it is written beside it under a `.partial` name and
 * renamed at the end, and removed if anything fails. Reads run in one repeatable-read transaction, so the backup is
 * one consistent snapshot while the server keeps running.
 */
export async function writeBackup(
  db: Db,
  file: string,
  tupuVersion: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const rows: Record<string, number> = {};
  const gzip = isGzipName(file);
  const encrypt =
    options.passphrase === undefined ? undefined : await encryptionStage(options.passphrase, { gzip });
  try {
    await db.transaction(
      async (tx) => {
        const source = Readable.from(backupLines(tx, tupuVersion, rows));
        const sink = createWriteStream(partial);
        if (gzip && encrypt) await pipeline(source, createGzip(), encrypt, sink);
        else if (gzip) await pipeline(source, createGzip(), sink);
        else if (encrypt) await pipeline(source, encrypt, sink);
        else await pipeline(source, sink);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { file, rows };
}

/** Rows per backed-up table, for a quick look at what a database holds. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of BACKUP_TABLES) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[tableName(table)] = row?.n ?? 0;
  }
  return counts;
}
