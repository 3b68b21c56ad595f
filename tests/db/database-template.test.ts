import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import {
  installedPgliteVersion,
  packDatabaseTemplate,
  unpackDatabaseTemplate,
} from '../../src/db/database-template.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('the template of a new embedded database', () => {
  const temp = useTempDir('tupu-template-');

  it('unpacks a migrated cluster that opens with every table and every migration recorded, PG_VERSION last', async () => {
    const source = join(temp, 'source');
    const made = await openDatabase({ dataDir: source });
    const tables = await queryRows<{ n: number }>(
      made.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    const migrations = await queryRows<{ n: number }>(
      made.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await made.close();
    expect(readdirSync(source)).not.toContain('postmaster.pid');
    const version = installedPgliteVersion();
    const packed = packDatabaseTemplate(source, version);

    const target = join(temp, 'target');
    expect(unpackDatabaseTemplate(packed, target, version)).toBe(true);
    expect(readdirSync(join(target, 'pg_tblspc'))).toEqual([]); // empty folders PostgreSQL needs are kept
    const opened = await openDatabase({ dataDir: target });
    try {
      expect(
        await queryRows(
          opened.db,
          sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
        ),
      ).toEqual(tables);
      expect(
        await queryRows(opened.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      ).toEqual(migrations);
      expect(await queryRows(opened.db, sql`select count(*)::int as n from users`)).toEqual([{ n: 0 }]);
    } finally {
      await opened.close();
    }

    // the header lists PG_VERSION among the files, but it is written after every other file
    const raw = gunzipSync(packed);
    const header = JSON.parse(raw.subarray(4, 4 + raw.readUInt32BE(0)).toString('utf8')) as {
      entries: [string, number?][];
    };
    expect(header.entries.map((e) => e[0])).toContain('PG_VERSION');
    rmSync(target, { recursive: true, force: true });
    const cut = Buffer.from(raw.subarray(0, raw.length - 10));
    expect(() => unpackDatabaseTemplate(gzipSync(cut), target, version)).toThrow(/truncated/);
    expect(existsSync(join(target, 'PG_VERSION'))).toBe(false);
  }, 120_000);

  it('is refused, with nothing written, when another PGlite version wrote it', () => {
    const cluster = join(temp, 'small');
    mkdirSync(cluster);
    writeFileSync(join(cluster, 'PG_VERSION'), '18\n');
    const packed = packDatabaseTemplate(cluster, '0.0.1');
    const target = join(temp, 'other');
    expect(unpackDatabaseTemplate(packed, target, installedPgliteVersion())).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
