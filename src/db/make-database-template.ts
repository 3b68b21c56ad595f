// The template of a new embedded database (`npm run build` runs dist/db/make-database-template.js after tsc; see
// database-template.ts): an empty PGlite cluster with every migration in drizzle/ applied and shut down cleanly, packed as
// dist/pglite-template/template.gz, beside stamp.json (the PGlite version and a hash of drizzle/ it was made from).
// Rewritten only when PGlite or drizzle/ changed, so most builds skip it.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPgliteVersion, packDatabaseTemplate } from './database-template.js';

// dist/db/ → the package root
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATIONS = join(ROOT, 'drizzle');
const TEMPLATE_DIR = join(ROOT, 'dist', 'pglite-template');
const TEMPLATE = join(TEMPLATE_DIR, 'template.gz');
const STAMP = join(TEMPLATE_DIR, 'stamp.json');

/** Every file under dir, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const pglite = installedPgliteVersion();
const hash = createHash('sha256');
for (const file of files(MIGRATIONS))
  hash.update(relative(MIGRATIONS, file)).update('\0').update(readFileSync(file));
const want = JSON.stringify({ pglite, migrations: hash.digest('hex') });
if (existsSync(TEMPLATE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === want) process.exit(0);

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'tupu-template-'));
try {
  const dataDir = join(work, 'pglite');
  const client = await PGlite.create(dataDir);
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
  await client.close();
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  rmSync(STAMP, { force: true });
  writeFileSync(`${TEMPLATE}.tmp`, packDatabaseTemplate(dataDir, pglite));
  renameSync(`${TEMPLATE}.tmp`, TEMPLATE);
  writeFileSync(STAMP, want);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`build: database template in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
