/**
 * The backup file: JSON lines, gzip-compressed unless the file name says otherwise.
 *
 *   line 1     {"format":"tupu-backup","version":1,"createdAt":…,"tupuVersion":…,"migrations":[…]}
 *   lines 2…   {"table":"organisations","row":{…}}   one per row, tables in BACKUP_TABLES order
 *   last line  {"end":true,"rows":{"organisations":6,…}}
 *
 * Rows use the schema's property names. Timestamps are ISO strings and bytea columns base64, decided by the column's
 * SQL type (never by the value), so JSON columns round-trip whatever they hold. The end line lets a restore tell a
 * complete file from a truncated one before it commits anything.
 */
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export const BACKUP_FORMAT = 'tupu-backup';
export const BACKUP_VERSION = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  tupuVersion: z.string(),
  /** migration tags applied to the database the backup was taken from, oldest first */
  migrations: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupRowLine = z.object({
  table: z.string(),
  row: z.record(z.string(), z.unknown()),
});

export const BackupEndLine = z.object({
  end: z.literal(true),
  rows: z.record(z.string(), z.number().int().nonnegative()),
});

type ColumnKind = 'timestamp' | 'bytes' | 'plain';

function columnKinds(table: PgTable): Map<string, ColumnKind> {
  const kinds = new Map<string, ColumnKind>();
  for (const column of getTableConfig(table).columns) {
    const sqlType = column.getSQLType();
    kinds.set(
      column.name,
      sqlType.startsWith('timestamp') ? 'timestamp' : sqlType === 'bytea' ? 'bytes' : 'plain',
    );
  }
  return kinds;
}

/** Property name → SQL column name of a table (rows are keyed by property). */
function propertyColumns(table: PgTable): Map<string, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([property, column]) => [property, column.name]));
}

export interface RowCodec {
  encode(row: Record<string, unknown>): Record<string, unknown>;
  /** Throws an Error naming the column when a value cannot be read back. */
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

export function rowCodec(table: PgTable): RowCodec {
  const kinds = columnKinds(table);
  const properties = propertyColumns(table);
  const kindOf = (property: string): ColumnKind | undefined => {
    const column = properties.get(property);
    return column === undefined ? undefined : kinds.get(column);
  };
  return {
    encode(row) {
      const out: Record<string, unknown> = {};
      for (const [property, value] of Object.entries(row)) {
        if (value instanceof Date) out[property] = value.toISOString();
        else if (value instanceof Uint8Array) out[property] = Buffer.from(value).toString('base64');
        else out[property] = value;
      }
      return out;
    },
    decode(row) {
      const out: Record<string, unknown> = {};
      for (const [property, value] of Object.entries(row)) {
        const kind = kindOf(property);
        if (kind === undefined) throw new Error(`unknown column "${property}"`);
        if (value === null || kind === 'plain') out[property] = value;
        else if (typeof value !== 'string')
          throw new Error(
            `column "${property}" must be ${kind === 'timestamp' ? 'an ISO timestamp' : 'base64'}`,
          );
        else if (kind === 'timestamp') {
          const date = new Date(value);
          if (Number.isNaN(date.getTime()))
            throw new Error(`column "${property}": "${value}" is not a timestamp`);
          out[property] = date;
        } else {
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new Error(`column "${property}" is not base64`);
          out[property] = Buffer.from(value, 'base64');
        }
      }
      return out;
    },
  };
}
