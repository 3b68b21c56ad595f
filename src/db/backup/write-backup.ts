import { asc, count } from 'drizzle-orm';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../client.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, rowCodec, type BackupHeader } from './backup-format.ts';
import { BACKUP_TABLES, primaryKeyColumns, tableName } from './backup-tables.ts';
import { appliedMigrations } from './migrations.ts';

/** Rows read per query: evidence files carry their content, so pages stay small. */
const PAGE_SIZE = 200;

export interface BackupSummary {
  file: string;
  rows: Record<string, number>;
}

/** The default name of a backup taken at `date`: tupu-backup-20261125-021530.jsonl.gz (UTC). */
export const backupFileName = (date: Date): string =>
  `tupu-backup-${date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.jsonl.gz`;

/** Whether a backup file name asks for gzip (`.gz`); anything else is plain JSON lines. */
export const isGzipName = (file: string): boolean => file.endsWith('.gz');

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
    const order = primaryKeyColumns(table).map((column) => asc(column));
    let written = 0;
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = (await db
        .select()
        .from(table)
        .orderBy(...order)
        .limit(PAGE_SIZE)
        .offset(offset)) as Record<string, unknown>[];
      for (const row of page) yield `${JSON.stringify({ table: name, row: codec.encode(row) })}\n`;
      written += page.length;
      if (page.length < PAGE_SIZE) break;
    }
    rows[name] = written;
  }
  yield `${JSON.stringify({ end: true, rows })}\n`;
}

/**
 * Writes every backed-up table to `file` (see backup-format.ts). The file appears only when complete: it is written
 * beside it under a `.partial` name and renamed at the end, and removed if anything fails. Reads run in one
 * repeatable-read transaction, so the backup is one consistent snapshot while the server keeps running.
 */
export async function writeBackup(db: Db, file: string, tupuVersion: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const rows: Record<string, number> = {};
  try {
    await db.transaction(
      async (tx) => {
        const source = Readable.from(backupLines(tx, tupuVersion, rows));
        const sink = createWriteStream(partial);
        if (isGzipName(file)) await pipeline(source, createGzip(), sink);
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
