// Is dist/ (the compiled CLI, server and workers, `npm run build`) there and newer than every source it is built
// from? Plain JavaScript: bin/tupu.js asks before it loads anything, and scripts/build.js before it builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** written by scripts/build.js after each build, dated when that build started */
export const STAMP = join(DIST, '.build-stamp');

/** A file tsconfig.build.json compiles (tests, fixtures and test helpers are not). */
const compiled = (/** @type {string} */ name) =>
  name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('test-');

/**
 * The newest modification time (ms) among the compiled sources under dir, and the file that has it.
 * @param {string} dir
 * @param {{ mtimeMs: number, file: string }} found
 * @returns {{ mtimeMs: number, file: string }}
 */
function newest(dir, found = { mtimeMs: 0, file: '' }) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') newest(path, found);
    } else if (compiled(entry.name)) {
      const { mtimeMs } = statSync(path);
      if (mtimeMs > found.mtimeMs) Object.assign(found, { mtimeMs, file: path });
    }
  }
  return found;
}

/**
 * Why dist/ cannot be run, or null when it can: missing, or older than a source (a developer forgot to build). An
 * installed product ships dist/ without src/: nothing to compare, dist/ is what there is.
 * @returns {string | null}
 */
export function distProblem() {
  const missing = 'the compiled code (dist/) is missing';
  const src = join(ROOT, 'src');
  if (!existsSync(src)) return existsSync(join(DIST, 'cli', 'main.js')) ? null : missing;
  if (!existsSync(STAMP)) return missing;
  const stamp = statSync(STAMP).mtimeMs;
  const sources = [newest(src)];
  for (const config of ['tsconfig.json', 'tsconfig.build.json']) {
    const path = join(ROOT, config);
    if (existsSync(path)) sources.push({ mtimeMs: statSync(path).mtimeMs, file: path });
  }
  const stale = sources.find((s) => s.mtimeMs > stamp);
  return stale ? `dist/ is older than ${relative(ROOT, stale.file)}` : null;
}
