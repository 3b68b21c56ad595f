import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DbEngine } from '../../src/db/client.ts';

/** Both engines every database test runs on; PostgreSQL only when a server could be had (always in CI). */
export function testEngines(): DbEngine[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database of the given engine; `close()` also drops it. */
export async function openTestDatabase(engine: DbEngine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = inject('pgliteDump');
    return openDatabase({
      dataDir: 'memory://',
      loadDataDir: dump ? new Blob([readFileSync(dump)]) : undefined,
    });
  }
  const adminUrl = inject('postgresUrl');
  const name = `tupu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}
