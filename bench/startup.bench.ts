/**
 * Start-up of the compiled product (`npm run bench startup`), each figure beside its baseline from the same run:
 * - `tupu --help` as a ratio to `node -e 0` (target ≤ 5×, < 0.3 s);
 * - `tupu plan --input examples/plan/sme-12.json` (target < 1 s), beside the solve time it reports;
 * - `tupu serve` until /api/health answers, on a new and on an existing data folder (targets < 5 s and < 2 s),
 *   beside a bare node HTTP server's time to first answer;
 * - resident memory (the whole process: main thread and worker threads) of an idle `tupu serve --demo` after
 *   start, once idle (its solver threads ended) and after 1,000 mixed API requests (target < 250 MB), beside an idle
 *   `node` process.
 * Runs bin/tupu.js (dist/, built first when stale), as a user does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDLE_THREAD_SECONDS } from '../src/solver/solver-thread.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TUPU = join(ROOT, 'bin/tupu.js');
const EXAMPLE = join(ROOT, 'examples/plan/sme-12.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function wall(args: string[], runs = RUNS): { seconds: number; stdout: string } {
  const times: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    stdout = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: median(times), stdout };
}

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in MB (Linux /proc; the whole process, its threads included). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

interface Started {
  child: ChildProcess;
  seconds: number;
  base: string;
  stop(): Promise<void>;
}

/** Starts `node <args>` with TUPU_PORT set and waits until GET <path> answers 200; seconds from spawn. */
async function startUntil(args: string[], env: NodeJS.ProcessEnv, path: string): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', TUPU_LOG_LEVEL: 'silent', ...env, TUPU_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${base}${path}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await sleep(20);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    child,
    seconds,
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** 1,000 requests over the signed-in user's reads, 8 at a time. */
async function mixedRequests(base: string): Promise<{ count: number; failed: number }> {
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'cio@demo.tupu.local', password: 'tupu-demo-2024' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } });
  const packs = (await (await get('/api/atlas/packs')).json()) as
    { id: string }[] | { packs?: { id: string }[] };
  const packIds = (Array.isArray(packs) ? packs : (packs.packs ?? [])).map((p) => p.id);
  const paths = [
    '/api/health',
    '/api/auth/me',
    '/api/atlas/packs',
    '/api/models',
    '/api/assessments',
    '/api/plans',
    '/api/organisations',
    ...packIds.flatMap((id) => [`/api/atlas/packs/${id}/scenarios`, `/api/atlas/packs/${id}/graph`]),
    '/', // the web app's index.html
  ];
  let failed = 0;
  let next = 0;
  const failures = new Set<string>();
  const worker = async () => {
    while (next < 1000) {
      const path = paths[next++ % paths.length] ?? '/api/health';
      const r = await get(path);
      await r.arrayBuffer();
      if (!r.ok) {
        failed++;
        failures.add(`${path} ${r.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (failures.size > 0) console.log(`failed: ${[...failures].join(', ')}`);
  return { count: 1000, failed };
}

const row = (name: string, value: string, baseline: string, target: string) =>
  console.log(`${name.padEnd(44)} ${value.padStart(10)}   baseline ${baseline.padEnd(26)} target ${target}`);
const s = (x: number) => `${x.toFixed(3)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

export default async function bench(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.js'), '--if-stale'], { stdio: 'inherit' });

  const node = wall(['-e', '0']).seconds;
  const help = wall([TUPU, '--help']).seconds;
  row('tupu --help', s(help), `node -e 0 ${s(node)}`, `≤ 5× (${(help / node).toFixed(1)}×), < 0.3 s`);

  const plan = wall([TUPU, 'plan', '--input', EXAMPLE], Math.min(RUNS, 3));
  const solve = (JSON.parse(plan.stdout) as { stats?: { seconds?: number } }).stats?.seconds ?? NaN;
  row('tupu plan --input examples/plan/sme-12.json', s(plan.seconds), `its solve ${s(solve)}`, '< 1 s');

  const bareCode =
    "require('node:http').createServer((q,r)=>r.end('ok')).listen(Number(process.env.TUPU_PORT),'127.0.0.1')";
  const bare = await startUntil(['-e', bareCode], {}, '/');
  await bare.stop();
  const bareBaseline = `bare node HTTP ${s(bare.seconds)}`;

  const data = mkdtempSync(join(tmpdir(), 'tupu-bench-startup-'));
  try {
    const fresh = await startUntil([TUPU, 'serve'], { TUPU_DATA_DIR: join(data, 'plain') }, '/api/health');
    await fresh.stop();
    row('tupu serve → /api/health, new data folder', s(fresh.seconds), bareBaseline, '< 5 s');
    const again = await startUntil([TUPU, 'serve'], { TUPU_DATA_DIR: join(data, 'plain') }, '/api/health');
    await again.stop();
    row('tupu serve → /api/health, existing folder', s(again.seconds), bareBaseline, '< 2 s');

    const idleNode = await startUntil(['-e', bareCode], {}, '/');
    await sleep(1000);
    const nodeRss = rssMb(idleNode.child.pid ?? 0);
    await idleNode.stop();

    const demo = await startUntil(
      [TUPU, 'serve', '--demo'],
      { TUPU_DATA_DIR: join(data, 'demo') },
      '/api/health',
    );
    row(
      'tupu serve --demo → /api/health, new folder',
      s(demo.seconds),
      bareBaseline,
      '(demo seeding included)',
    );
    await sleep(2000);
    row(
      'RSS, demo server 2 s after start',
      mb(rssMb(demo.child.pid ?? 0)),
      `idle node ${mb(nodeRss)}`,
      '< 250 MB',
    );
    // the demo seeding solved a plan: its solver thread ends after IDLE_THREAD_SECONDS without a job
    await sleep((IDLE_THREAD_SECONDS + 3) * 1000);
    row(
      `RSS, idle, ${IDLE_THREAD_SECONDS + 5} s after start`,
      mb(rssMb(demo.child.pid ?? 0)),
      `idle node ${mb(nodeRss)}`,
      '< 250 MB (solver thread ended)',
    );
    const mixed = await mixedRequests(demo.base);
    await sleep(2000);
    row(
      `RSS after ${mixed.count} mixed API requests`,
      mb(rssMb(demo.child.pid ?? 0)),
      `idle node ${mb(nodeRss)}`,
      `< 250 MB (${mixed.failed} failed)`,
    );
    await demo.stop();
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
