import { createReadStream } from 'node:fs';
import { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { BackupError } from './backup-error.ts';
import { HEADER_LENGTH, isEncryptedHead, openEncryptedBackup, readFileHead } from './backup-crypto.ts';
import { BackupEndLine, BackupHeader, BackupRowLine, rowCodec, type RowCodec } from './backup-format.ts';
import { BACKUP_TABLES, backupTable, tableName } from './backup-tables.ts';
import { inBatches } from './batches.ts';
import { appliedMigrations } from './migrations.ts';
import { readLines } from './read-lines.ts';
import { countRows } from './write-backup.ts';

export { BackupError } from './backup-error.ts';

/** Rows inserted per statement, and the most their JSON text may weigh (evidence files carry their content). */
const BATCH_ROWS = 200;
const BATCH_BYTES = 8 * 1024 * 1024;

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

interface RestoreRow {
  table: PgTable;
  row: Record<string, unknown>;
  line: number;
  /** length of its line, the measure of a batch */
  size: number;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
}

export interface RestoreOptions {
  /** the passphrase of an encrypted backup (TUPU_BACKUP_PASSPHRASE); plain backups need none */
  passphrase?: string | undefined;
}

/** What a backup file's bytes go through before they are JSON lines: decryption, gunzip, either or none. */
async function decodingStages(
  file: string,
  passphrase: string | undefined,
): Promise<[] | [Duplex] | [Duplex, Duplex]> {
  const head = await readFileHead(file, HEADER_LENGTH);
  if (isEncryptedHead(head)) {
    const opened = await openEncryptedBackup(file, passphrase);
    const decrypt = Duplex.from(opened.decrypt);
    return opened.gzip ? [decrypt, createGunzip()] : [decrypt];
  }
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b ? [createGunzip()] : [];
}

/** The state of reading one backup file's lines: what has been seen so far. */
class BackupLines {
  header: BackupHeader | undefined;
  end: { rows: Record<string, number> } | undefined;
  lineNo = 0;
  readonly counted: Record<string, number>;
  private readonly order = BACKUP_TABLES.map(tableName);
  private tableIndex = 0;
  private readonly codecs = new Map<PgTable, RowCodec>();

  constructor(
    private readonly file: string,
    private readonly applied: readonly string[],
  ) {
    this.counted = Object.fromEntries(this.order.map((name) => [name, 0]));
  }

  /** The rows of the file's lines, checked and decoded; header and end line are taken in passing. */
  async *rows(lines: AsyncIterable<string>): AsyncGenerator<RestoreRow> {
    const { file } = this;
    for await (const text of lines) {
      const lineNo = ++this.lineNo;
      if (text.trim() === '') continue;
      const json = parseJson(file, lineNo, text);
      if (!this.header) {
        this.takeHeader(json, lineNo);
        continue;
      }
      if (this.end) throw new BackupError(file, lineNo, 'text after the end line');
      if (typeof json === 'object' && json !== null && 'end' in json) {
        const parsed = BackupEndLine.safeParse(json);
        if (!parsed.success) throw new BackupError(file, lineNo, formatIssues(parsed.error.issues));
        this.end = parsed.data;
        continue;
      }
      yield { ...this.decodeRow(json, lineNo), line: lineNo, size: text.length };
    }
  }

  private takeHeader(json: unknown, lineNo: number): void {
    const parsed = BackupHeader.safeParse(json);
    if (!parsed.success)
      throw new BackupError(
        this.file,
        lineNo,
        `not a Tupu backup header (${formatIssues(parsed.error.issues)})`,
      );
    const header = parsed.data;
    const newer = header.migrations.find((tag, k) => this.applied[k] !== tag);
    if (newer !== undefined)
      throw new BackupError(
        this.file,
        lineNo,
        `the backup's database schema (${header.migrations.join(', ')}) is not one this version knows ` +
          `(${this.applied.join(', ')}): restore it with Tupu ${header.tupuVersion} or newer`,
      );
    this.header = header;
  }

  private decodeRow(json: unknown, lineNo: number): { table: PgTable; row: Record<string, unknown> } {
    const { file, order } = this;
    const parsed = BackupRowLine.safeParse(json);
    if (!parsed.success) throw new BackupError(file, lineNo, formatIssues(parsed.error.issues));
    const table = backupTable(parsed.data.table);
    if (!table) throw new BackupError(file, lineNo, `unknown table "${parsed.data.table}"`);
    const position = order.indexOf(parsed.data.table);
    if (position < this.tableIndex)
      throw new BackupError(
        file,
        lineNo,
        `rows of "${parsed.data.table}" after rows of "${order[this.tableIndex]}"`,
      );
    this.tableIndex = position;
    let codec = this.codecs.get(table);
    if (!codec) this.codecs.set(table, (codec = rowCodec(table)));
    try {
      const row = codec.decode(parsed.data.row);
      this.counted[parsed.data.table] = (this.counted[parsed.data.table] ?? 0) + 1;
      return { table, row };
    } catch (err) {
      throw new BackupError(
        file,
        lineNo,
        `${parsed.data.table}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Throws unless the file had a header and an end line whose counts match the rows read. */
  checkComplete(): BackupHeader {
    const { file, header, end, counted } = this;
    if (!header) throw new BackupError(file, undefined, 'the file is empty');
    if (!end) throw new BackupError(file, this.lineNo, 'the file ends before its end line: it is truncated');
    for (const name of new Set([...Object.keys(end.rows), ...Object.keys(counted)])) {
      if ((end.rows[name] ?? 0) !== (counted[name] ?? 0))
        throw new BackupError(
          file,
          undefined,
          `the end line counts ${end.rows[name] ?? 0} rows of "${name}" but the file holds ${counted[name] ?? 0}`,
        );
    }
    return header;
  }
}

/** Inserts one batch of rows of one table; when the database refuses it, names the line of the row it refuses. */
async function insertBatch(tx: Db, file: string, batch: RestoreRow[]): Promise<void> {
  const table = batch[0]?.table;
  if (!table) return;
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.insert(table).values(batch.map((item) => item.row));
    });
  } catch {
    // Find the row the database refuses, one savepoint each, to name its line.
    for (const item of batch) {
      try {
        await tx.transaction(async (single) => {
          await single.insert(table).values(item.row);
        });
      } catch (err) {
        const cause =
          err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
        throw new BackupError(
          file,
          item.line,
          `${tableName(table)}: the database refuses this row (${cause})`,
        );
      }
    }
  }
}

/**
 * Restores a backup into an empty database (no organisations, no users), all in one transaction: a damaged,
 * truncated or inconsistent file, or a row the database refuses, rolls everything back and names the file and
 * line. The backup's migrations must be the first migrations of this version (a newer backup is refused). An
 * encrypted backup (backup-crypto.ts) needs its passphrase; a missing or wrong one is refused before the
 * transaction starts, a damaged or truncated chunk rolls it back.
 *
 * The file is read as it is stored: reading waits while a batch of rows (at most BATCH_ROWS rows, or BATCH_BYTES of
 * JSON plus one row) is inserted, so a backup of any size restores in bounded memory.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const present = await countRows(db);
  const held = Object.entries(present).filter(([, n]) => n > 0);
  if (held.length > 0)
    throw new BackupError(
      file,
      undefined,
      `the database is not empty (${held.map(([t, n]) => `${n} ${t}`).join(', ')}): restore into a new data folder ` +
        `(--data) or an empty PostgreSQL database`,
    );
  const backup = new BackupLines(file, await appliedMigrations(db));
  const stages = await decodingStages(file, options.passphrase);

  const header = await db.transaction(async (tx) => {
    const insertAll = async (source: AsyncIterable<Uint8Array>): Promise<void> => {
      const batches = inBatches(backup.rows(readLines(source)), {
        maxItems: BATCH_ROWS,
        maxWeight: BATCH_BYTES,
        weight: (item) => item.size,
        group: (item) => item.table,
      });
      for await (const batch of batches) await insertBatch(tx, file, batch);
    };
    // A stream that fails rejects the pipeline at once, while an insert may still be running: the transaction must
    // not end (and the connection go back to autocommit) before the inserting loop has stopped.
    let inserting: Promise<void> | undefined;
    const consume = (source: AsyncIterable<Uint8Array>): Promise<void> => (inserting = insertAll(source));
    try {
      const input = createReadStream(file);
      if (stages.length === 0) await pipeline(input, consume);
      else if (stages.length === 1) await pipeline(input, stages[0], consume);
      else await pipeline(input, stages[0], stages[1], consume);
    } catch (err) {
      await inserting?.catch(() => undefined);
      if (err instanceof BackupError) throw err;
      throw new BackupError(
        file,
        undefined,
        `cannot be read after line ${backup.lineNo}: the file is damaged or truncated (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    return backup.checkComplete();
  });
  return { header, rows: backup.counted };
}
