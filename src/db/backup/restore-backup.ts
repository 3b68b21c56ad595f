import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { BackupEndLine, BackupHeader, BackupRowLine, rowCodec, type RowCodec } from './backup-format.ts';
import { BACKUP_TABLES, backupTable, tableName } from './backup-tables.ts';
import { appliedMigrations } from './migrations.ts';
import { countRows } from './write-backup.ts';

/** A problem with the backup file or with restoring it, naming the file and, where known, the line. */
export class BackupError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'BackupError';
  }
}

const BATCH_SIZE = 200;

async function isGzipFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function parseJson(file: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BackupError(
      file,
      line,
      `not a JSON line (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(line)'}: ${issue.message}`)
    .join('; ');
}

interface Pending {
  table: PgTable;
  rows: Record<string, unknown>[];
  lines: number[];
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
}

/**
 * Restores a backup into an empty database (no organisations, no users), all in one transaction: a damaged,
 * truncated or inconsistent file, or a row the database refuses, rolls everything back and names the file and
 * line. The backup's migrations must be the first migrations of this version (a newer backup is refused).
 */
export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  const present = await countRows(db);
  const held = Object.entries(present).filter(([, n]) => n > 0);
  if (held.length > 0)
    throw new BackupError(
      file,
      undefined,
      `the database is not empty (${held.map(([t, n]) => `${n} ${t}`).join(', ')}): restore into a new data folder ` +
        `(--data) or an empty PostgreSQL database`,
    );
  const applied = await appliedMigrations(db);
  const gzip = await isGzipFile(file);

  let header: BackupHeader | undefined;
  let end: { rows: Record<string, number> } | undefined;
  const order = BACKUP_TABLES.map(tableName);
  const counted: Record<string, number> = Object.fromEntries(order.map((name) => [name, 0]));
  let tableIndex = 0;
  let lineNo = 0;

  await db.transaction(async (tx) => {
    let pending: Pending | undefined;
    const flush = async (): Promise<void> => {
      if (!pending || pending.rows.length === 0) return;
      const { table, rows, lines: at } = pending;
      pending = { table, rows: [], lines: [] };
      try {
        await tx.transaction(async (batch) => {
          await batch.insert(table).values(rows);
        });
      } catch {
        // Find the row the database refuses, one savepoint each, to name its line.
        for (const [k, row] of rows.entries()) {
          try {
            await tx.transaction(async (single) => {
              await single.insert(table).values(row);
            });
          } catch (err) {
            const cause =
              err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
            throw new BackupError(
              file,
              at[k],
              `${tableName(table)}: the database refuses this row (${cause})`,
            );
          }
        }
      }
    };
    const codecs = new Map<PgTable, RowCodec>();
    // Opened here, right before reading: lines a readline interface emits before its iterator exists are lost.
    const input: Readable = gzip ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const text of lines) {
        lineNo++;
        if (text.trim() === '') continue;
        const json = parseJson(file, lineNo, text);
        if (!header) {
          const parsed = BackupHeader.safeParse(json);
          if (!parsed.success)
            throw new BackupError(
              file,
              lineNo,
              `not a Tupu backup header (${formatIssues(parsed.error.issues)})`,
            );
          header = parsed.data;
          const newer = header.migrations.find((tag, k) => applied[k] !== tag);
          if (newer !== undefined)
            throw new BackupError(
              file,
              lineNo,
              `the backup's database schema (${header.migrations.join(', ')}) is not one this version knows ` +
                `(${applied.join(', ')}): restore it with Tupu ${header.tupuVersion} or newer`,
            );
          continue;
        }
        if (end) throw new BackupError(file, lineNo, 'text after the end line');
        if (typeof json === 'object' && json !== null && 'end' in json) {
          const parsed = BackupEndLine.safeParse(json);
          if (!parsed.success) throw new BackupError(file, lineNo, formatIssues(parsed.error.issues));
          end = parsed.data;
          continue;
        }
        const parsed = BackupRowLine.safeParse(json);
        if (!parsed.success) throw new BackupError(file, lineNo, formatIssues(parsed.error.issues));
        const table = backupTable(parsed.data.table);
        if (!table) throw new BackupError(file, lineNo, `unknown table "${parsed.data.table}"`);
        const position = order.indexOf(parsed.data.table);
        if (position < tableIndex)
          throw new BackupError(
            file,
            lineNo,
            `rows of "${parsed.data.table}" after rows of "${order[tableIndex]}"`,
          );
        tableIndex = position;
        let codec = codecs.get(table);
        if (!codec) codecs.set(table, (codec = rowCodec(table)));
        let row: Record<string, unknown>;
        try {
          row = codec.decode(parsed.data.row);
        } catch (err) {
          throw new BackupError(
            file,
            lineNo,
            `${parsed.data.table}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        if (pending?.table !== table) {
          await flush();
          pending = { table, rows: [], lines: [] };
        }
        pending.rows.push(row);
        pending.lines.push(lineNo);
        counted[parsed.data.table] = (counted[parsed.data.table] ?? 0) + 1;
        if (pending.rows.length >= BATCH_SIZE) await flush();
      }
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError(
        file,
        undefined,
        `cannot be read after line ${lineNo}: the file is damaged or truncated (${err instanceof Error ? err.message : String(err)})`,
      );
    } finally {
      lines.close();
      input.destroy();
    }
    await flush();
    if (!header) throw new BackupError(file, undefined, 'the file is empty');
    if (!end) throw new BackupError(file, lineNo, 'the file ends before its end line: it is truncated');
    for (const name of new Set([...Object.keys(end.rows), ...Object.keys(counted)])) {
      if ((end.rows[name] ?? 0) !== (counted[name] ?? 0))
        throw new BackupError(
          file,
          undefined,
          `the end line counts ${end.rows[name] ?? 0} rows of "${name}" but the file holds ${counted[name] ?? 0}`,
        );
    }
  });
  return { header: header as BackupHeader, rows: counted };
}
