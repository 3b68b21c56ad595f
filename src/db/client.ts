import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { lockDataDir } from './data-dir-lock.ts';
import { installedPgliteVersion, unpackDatabaseTemplate } from './database-template.ts';
import type { Config } from '../config.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbEngine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: DbEngine;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used */
  url?: string | undefined;
  /** PGlite data folder; `memory://` (or undefined) keeps it in memory */
  dataDir?: string | undefined;
  /**
   * An in-memory PGlite starts from this dump of a data folder (PGlite's dumpDataDir, e.g. of a migrated empty
   * database) instead of running initdb and every migration: the database tests open one per file this way.
   */
  loadDataDir?: Blob | undefined;
}

/**
 * PGlite's PostgreSQL, with 16 MB of shared buffers instead of PostgreSQL's 128 MB: the buffers live in the WASM
 * heap for the life of the process (about 130 MB of resident memory saved), and a pilot's database fits.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'wal_buffers=1MB',
];

/** The build's template of a new database (dist/pglite-template, see database-template.ts); none from sources. */
const TEMPLATE = new URL('../pglite-template/template.gz', import.meta.url);

/**
 * Makes sure a data folder holds a PostgreSQL cluster. A new folder is unpacked from the build's template when there
 * is one written by the PGlite installed now (about 0.2 s instead of 6 s; the migrations then applied are only those
 * newer than the template, none for the same build). Else the cluster is created (initdb) in a short-lived
 * child process: in-process, initdb's WASM heap (about 500 MB) stays resident in the server for its whole life; the
 * child gives it back when it exits.
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  if (
    existsSync(TEMPLATE) &&
    unpackDatabaseTemplate(readFileSync(TEMPLATE), dataDir, installedPgliteVersion())
  )
    return;
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const code = `const { PGlite } = await import(${JSON.stringify(pglite)});
const client = await PGlite.create(${JSON.stringify(dataDir)}, { startParams: ${JSON.stringify(PGLITE_START_PARAMS)} });
await client.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { maxBuffer: 16 << 20 });
}

/** Open the database and run pending migrations (forward only). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    // pg and its driver (~60 ms, ~14 MB) load only when a PostgreSQL server is configured
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return { db: db as unknown as Db, engine: 'postgres', close: () => pool.end() };
  }
  const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    if (dataDir) await initialiseDataDir(dataDir);
    const client = await PGlite.create(dataDir, {
      startParams: PGLITE_START_PARAMS,
      ...(!dataDir && options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder }).catch(async (err: unknown) => {
      await client.close();
      throw err;
    });
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      close: () => client.close().finally(unlock),
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** The database a configuration names: its DATABASE_URL, else the embedded PGlite in `<data folder>/pglite`. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
}

/** Run raw SQL and get its rows typed; both drivers answer `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
