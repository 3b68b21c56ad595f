import { eq, sql } from 'drizzle-orm';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, TABLES_NOT_BACKED_UP, tableName } from '../../src/db/backup/backup-tables.ts';
import { BackupError, restoreBackup } from '../../src/db/backup/restore-backup.ts';
import { countRows, writeBackup } from '../../src/db/backup/write-backup.ts';
import { queryRows, type Database, type DbEngine } from '../../src/db/client.ts';
import { evidenceFiles } from '../../src/db/schema.ts';
import { seedDemoRegion } from '../../src/db/seed/demo-region.ts';
import { openTestDatabase, testEngines } from '../support/databases.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { evidenceContent, findEvidence } from '../../src/features/assessments/repositories/evidence.ts';
import { testTenant } from '../support/tenant.ts';
import { allBytes, CHUNKED_NAME, chunkedBytes, fakeHash, fill, snapshot } from './backup-fixtures.ts';

const engines = testEngines();
const workDir = useTempDir('tupu-backup-');

describe.each(engines)('backup taken on %s', (engine: DbEngine) => {
  let source: Database;
  let original: Record<string, unknown[]>;
  const file = join(workDir, `${engine}.jsonl.gz`);
  beforeAll(async () => {
    source = await openTestDatabase(engine);
    await fill(source.db);
    original = await snapshot(source.db);
    await writeBackup(source.db, file, '9.9.9');
  });
  afterAll(async () => {
    await source?.close();
  });

  it('holds every table but sessions, each row once, and an end line with the counts', () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { format: string; tupuVersion: string; migrations: string[] };
    expect(header).toMatchObject({ format: 'tupu-backup', tupuVersion: '9.9.9' });
    expect(header.migrations.length).toBeGreaterThan(0);
    const end = JSON.parse(lines.at(-1)!) as { rows: Record<string, number> };
    const rows = lines.slice(1, -1).map((l) => JSON.parse(l) as { table: string });
    expect(rows.some((r) => r.table === 'sessions')).toBe(false);
    for (const [name, list] of Object.entries(original)) {
      expect(rows.filter((r) => r.table === name)).toHaveLength(list.length);
      expect(end.rows[name]).toBe(list.length);
      expect(list.length).toBeGreaterThan(0);
    }
  });

  it.each(engines)(
    'restores into an empty %s database row for row, bytes and timestamps included',
    async (target) => {
      const restored = await openTestDatabase(target);
      try {
        const summary = await restoreBackup(restored.db, file);
        expect(summary.header.tupuVersion).toBe('9.9.9');
        expect(await snapshot(restored.db)).toEqual(original);
        const [evidence] = await restored.db
          .select()
          .from(evidenceFiles)
          .where(eq(evidenceFiles.fileName, '现场照片.png'));
        expect(Buffer.compare(evidence!.content, allBytes)).toBe(0);
        // a file stored in chunks comes back byte for byte too
        const [chunked] = await restored.db
          .select()
          .from(evidenceFiles)
          .where(eq(evidenceFiles.fileName, CHUNKED_NAME));
        const stored = await findEvidence(
          restored.db,
          testTenant(chunked!.orgId),
          chunked!.assessmentId!,
          chunked!.id,
        );
        const bytes: Buffer[] = [];
        for await (const piece of evidenceContent(restored.db, testTenant(chunked!.orgId), stored!))
          bytes.push(piece);
        expect(Buffer.concat(bytes).equals(chunkedBytes)).toBe(true);
        const sessions = await queryRows<{ n: number }>(
          restored.db,
          sql`select count(*)::int as n from sessions`,
        );
        expect(sessions[0]?.n).toBe(0);
      } finally {
        await restored.close();
      }
    },
  );
});

describe('restore refuses bad input and writes nothing', () => {
  let good: string;
  let lines: string[];
  let target: Database;
  beforeAll(async () => {
    const source = await openTestDatabase('pglite');
    await fill(source.db);
    good = join(workDir, 'good.jsonl');
    await writeBackup(source.db, good, '1.0.0');
    await source.close();
    lines = readFileSync(good, 'utf8').trimEnd().split('\n');
    target = await openTestDatabase(engines.at(-1) ?? 'pglite');
  });
  afterAll(async () => {
    await target?.close();
  });

  const variant = (name: string, text: string | Buffer): string => {
    const path = join(workDir, name);
    writeFileSync(path, text);
    return path;
  };
  const expectRefused = async (path: string, message: RegExp): Promise<void> => {
    const error = await restoreBackup(target.db, path).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect(Object.values(await countRows(target.db)).every((n) => n === 0)).toBe(true);
  };

  it('writes plain JSON lines when the name does not end in .gz', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(() => lines.map((l) => JSON.parse(l) as unknown)).not.toThrow();
  });

  it('a file cut short: by its missing end line, or a damaged gzip stream', async () => {
    await expectRefused(variant('cut.jsonl', lines.slice(0, -3).join('\n')), /truncated/);
    const gz = gzipSync(Buffer.from(lines.join('\n')));
    await expectRefused(
      variant('cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.8))),
      /damaged or truncated/,
    );
  });

  it('a line that is not JSON, or a header that is not a backup, named by file and line', async () => {
    const broken = [...lines];
    broken[5] = '{"table": "users", "row": ';
    await expectRefused(variant('broken.jsonl', broken.join('\n')), /broken\.jsonl:6: not a JSON line/);
    await expectRefused(
      variant('header.jsonl', ['{"format":"other"}', ...lines.slice(1)].join('\n')),
      /header\.jsonl:1: not a Tupu backup header/,
    );
  });

  it('a backup from a newer schema', async () => {
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push('9999_from_the_future');
    await expectRefused(
      variant('newer.jsonl', [JSON.stringify(header), ...lines.slice(1)].join('\n')),
      /not one this version knows/,
    );
  });

  it('an unknown table or column, a bad timestamp, counts that do not add up', async () => {
    const at = lines.findIndex((l) => l.includes('"table":"assessments"'));
    const row = JSON.parse(lines[at]!) as { table: string; row: Record<string, unknown> };
    const replaceAt = (k: number, text: string) => lines.map((l, j) => (j === k ? text : l)).join('\n');
    await expectRefused(
      variant('t.jsonl', replaceAt(at, JSON.stringify({ ...row, table: 'secrets' }))),
      new RegExp(`t\\.jsonl:${at + 1}: unknown table "secrets"`),
    );
    await expectRefused(
      variant('c.jsonl', replaceAt(at, JSON.stringify({ ...row, row: { ...row.row, owner: 1 } }))),
      /unknown column "owner"/,
    );
    await expectRefused(
      variant(
        'd.jsonl',
        replaceAt(at, JSON.stringify({ ...row, row: { ...row.row, createdAt: 'yesterday' } })),
      ),
      /"yesterday" is not a timestamp/,
    );
    await expectRefused(
      variant('n.jsonl', lines.filter((l) => !l.includes('"table":"assessment_events"')).join('\n')),
      /counts 1 rows of "assessment_events" but the file holds 0/,
    );
  });

  it('a row the database refuses (a member of an organisation not in the file), by its line', async () => {
    const at = lines.findIndex((l) => l.includes('"table":"memberships"'));
    const row = JSON.parse(lines[at]!) as { table: string; row: Record<string, unknown> };
    const text = lines
      .map((l, j) =>
        j === at
          ? JSON.stringify({ ...row, row: { ...row.row, orgId: '00000000-0000-4000-8000-000000000000' } })
          : l,
      )
      .join('\n');
    await expectRefused(
      variant('fk.jsonl', text),
      new RegExp(`fk\\.jsonl:${at + 1}: memberships: the database refuses this row`),
    );
  });

  it('a database that already holds data is left as it was', async () => {
    const occupied = await openTestDatabase('pglite');
    try {
      await seedDemoRegion(occupied.db, fakeHash);
      const before = await snapshot(occupied.db);
      await expect(restoreBackup(occupied.db, good)).rejects.toThrow(/the database is not empty/);
      expect(await snapshot(occupied.db)).toEqual(before);
    } finally {
      await occupied.close();
    }
  });
});

describe('coverage', () => {
  it('every table of the schema is backed up or left out with a reason', async () => {
    const database = await openTestDatabase('pglite');
    try {
      const tables = await queryRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const covered = new Set([...BACKUP_TABLES.map(tableName), ...Object.keys(TABLES_NOT_BACKED_UP)]);
      expect(tables.map((t) => t.table_name).filter((name) => !covered.has(name))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
