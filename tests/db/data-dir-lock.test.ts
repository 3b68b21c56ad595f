import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import { DatabaseInUseError, LOCK_FILE } from '../../src/db/data-dir-lock.ts';
import { runTupu } from '../support/cli.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('embedded database folder lock', () => {
  const temp = useTempDir('tupu-lock-');

  it('refuses a second open of the same folder, names the holder, and frees the folder on close', async () => {
    const dir = join(temp, 'a');
    const first = await openDatabase({ dataDir: dir });
    try {
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
      const error = await openDatabase({ dataDir: dir }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(DatabaseInUseError);
      expect((error as Error).message).toContain(`in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('another process (a tupu command) is refused while the folder is open, and nothing it meant to write is written', async () => {
    const data = join(temp, 'b');
    const database = await openDatabase({ dataDir: join(data, 'pglite') });
    try {
      const run = runTupu(['org', 'add', '--kind', 'authority', '--name', '并发局', '--data', data]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/is in use by process \d+/);
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from organisations`,
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = join(temp, 'c');
    mkdirSync(dir, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone.stdout) }));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
