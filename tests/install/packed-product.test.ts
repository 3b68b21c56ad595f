/**
 * The product as a user installs it: `npm pack`, then `npm install <tarball>
 * --omit=dev` in an empty folder — no devDependencies, no sources, no tsx — and the installed `tupu` answers
 * `--help`, solves a plan and serves until /api/health answers (with the web app and packs it ships). Needs the npm
 * registry; about 1–3 minutes.
 *
 * The pack runs with --ignore-scripts: prepack would rebuild dist/web in place while the browser tests run on it in
 * parallel (its chunks renamed under an open page, and under vitest's NODE_ENV=test a development build), so the
 * test packs the build that `npm test` made before vitest, and builds the web app only when there is none.
 */
import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir = '';
let tupu = '';
let product = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tupu-install-'));
  const webBuilt = await access(join(ROOT, 'dist', 'web', 'index.html')).then(
    () => true,
    () => false,
  );
  if (!webBuilt)
    await run(NPM, ['run', 'build:web'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
  // dist/ itself is fresh: the project's globalSetup builds it when stale
  await run(NPM, ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball in ${dir}`);
  await run(NPM, ['install', join(dir, tarball), '--omit=dev', '--no-audit', '--no-fund', '--silent'], {
    cwd: dir,
    maxBuffer: 64 << 20,
  });
  tupu = join(dir, 'node_modules', '.bin', 'tupu');
  product = join(dir, 'node_modules', 'tupu');
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed product, installed without devDependencies', () => {
  it('has no development tools and no sources', async () => {
    const installed = await readdir(join(dir, 'node_modules'));
    expect(installed).toContain('playwright-core');
    for (const devOnly of ['tsx', 'typescript', 'vite', 'vitest']) expect(installed).not.toContain(devOnly);
    expect(await readdir(product)).not.toContain('src');
  });

  it('answers tupu --help', async () => {
    const { stdout } = await run(tupu, ['--help'], { cwd: dir });
    expect(stdout).toMatch(/^Usage: tupu /);
    expect(stdout).toContain('plan [options]');
  });

  it('solves tupu plan on the example it ships', async () => {
    const { stdout } = await run(tupu, ['plan', '--input', join(product, 'examples/plan/sme-12.json')], {
      cwd: dir,
    });
    const result = JSON.parse(stdout) as { status: string };
    expect(result.status).toBe('optimal');
  }, 60_000);

  it('serves until /api/health answers, with the web app it ships', async () => {
    const port = await freePort();
    const server = spawn(tupu, ['serve'], {
      cwd: dir,
      env: { ...process.env, TUPU_PORT: String(port), TUPU_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      let health: unknown = null;
      const deadline = Date.now() + 90_000;
      while (health === null && Date.now() < deadline && server.exitCode === null) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null);
        if (health === null) await new Promise((r) => setTimeout(r, 250));
      }
      expect(health, output).toMatchObject({ status: 'ok', db: 'pglite' });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toContain('<!doctype html>');
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
