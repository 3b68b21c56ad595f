// `npm run build`: compiles src/ (tests excepted) to dist/ with tsc (tsconfig.build.json), no type check — that is
// `npm run typecheck`'s job, so a build is a plain transpile of ~10 s. dist/web (the web app, `npm run build:web`) is
// kept, and so is dist/pglite-template (a new database, src/db/make-database-template.ts: rewritten only when PGlite or
// drizzle/ changed). `--if-stale` builds only when dist/ is missing or older than a source (npm start, the test setup).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT, STAMP, distProblem } from '../bin/dist-state.js';

const ifStale = process.argv.includes('--if-stale');
const problem = distProblem();
if (ifStale && problem === null) process.exit(0);

const KEPT = new Set(['web', 'pglite-template']);
const started = new Date();
mkdirSync(DIST, { recursive: true });
// a full build: files whose source was removed or renamed must not linger in dist/
for (const entry of readdirSync(DIST, { withFileTypes: true }).filter((e) => !KEPT.has(e.name))) {
  rmSync(join(DIST, entry.name), { recursive: true, force: true });
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noCheck'], {
  stdio: 'inherit',
});
if (run.status !== 0) {
  process.stderr.write(`build: tsc exited ${run.status ?? run.signal}\n`);
  process.exit(1);
}
const template = spawnSync(process.execPath, [join(DIST, 'db/make-database-template.js')], {
  stdio: 'inherit',
});
if (template.status !== 0) {
  process.stderr.write(`build: the database template failed (${template.status ?? template.signal})\n`);
  process.exit(1);
}
// dated when the build started: a source saved during the build is newer, so the next start rebuilds
writeFileSync(STAMP, `built ${started.toISOString()}\n`);
utimesSync(STAMP, started, started);
