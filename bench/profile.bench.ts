/**
 * Data quality profiling of a generated 1,000,000-row ledger CSV (BENCH_PROFILE_ROWS to change it): `tupu profile`'s
 * streamed profiler (src/cli/commands/profile.ts) — time, rows per second and peak resident memory (target: under
 * 300 MB) — beside two baselines measured in the same run on the same file: DuckDB (@duckdb/node-api, a development
 * dependency) summarising it (`SUMMARIZE read_csv(…)`: per column min, max, approximate distinct, nulls), and a
 * naive profiler that reads the whole file into memory and counts distinct values in a Set per column.
 *
 * Peak RSS is sampled every 10 ms during each phase and printed as the process's peak and the growth over the
 * phase's start; DuckDB runs last, in its own native memory, so its figures do not inflate ours.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as DuckDB from '@duckdb/node-api';
import { profileFile } from '../src/cli/commands/profile.ts';

const ROWS = Number(process.env.BENCH_PROFILE_ROWS ?? 1_000_000);
const TARGET_MB = 300;
const MB = 1024 * 1024;

const PRODUCTS = ['齿轮箱', '联轴器', '减速机', '轴承座', '法兰盘', '电机壳'];
const TEAMS = ['甲班', '乙班', '丙班'];

/** A production ledger as a plant's MES exports it: mixed date forms, thousands separators, some blanks. */
async function writeLedger(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    '单号,日期,产品,班组,计划时间（分钟）,运行时间（分钟）,产量（件）,合格数（件）,金额（元）,备注\n',
  );
  let chunk = '';
  for (let k = 0; k < rows; k++) {
    const day = 1 + (k % 28);
    const month = 1 + (Math.floor(k / 28) % 12);
    const date =
      k % 3 === 0
        ? `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : k % 3 === 1
          ? `2025/${month}/${day}`
          : `2025年${month}月${day}日`;
    const made = 800 + ((k * 7919) % 700);
    const good = made - ((k * 31) % 25);
    const amount = (made * 12.5).toLocaleString('en-US');
    const note = k % 50 === 0 ? '换型' : '';
    const run = k % 997 === 0 ? '' : String(420 + (k % 60));
    chunk += `MO-${String(k).padStart(7, '0')},${date},${PRODUCTS[k % PRODUCTS.length]},${TEAMS[k % 3]},480,${run},${made},${good},"${amount}",${note}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

interface Measured<T> {
  seconds: number;
  peakRss: number;
  growth: number;
  value: T;
}

async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { seconds: (performance.now() - started) / 1000, peakRss: peak, growth: peak - start, value };
  } finally {
    clearInterval(timer);
  }
}

/** The naive way: the whole file in memory, split, a Set of values per column. */
async function naiveProfile(path: string): Promise<{ rows: number; distinct: number[] }> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const sets = header.map(() => new Set<string>());
  const nulls = header.map(() => 0);
  for (let k = 1; k < lines.length; k++) {
    const cells = lines[k]!.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
    cells.slice(0, header.length).forEach((c, j) => {
      const v = c.replace(/,$/, '');
      if (v === '') nulls[j]!++;
      else sets[j]!.add(v);
    });
  }
  return { rows: lines.length - 1, distinct: sets.map((s) => s.size) };
}

async function duckdbProfile(path: string): Promise<{ rows: number } | string> {
  let api: typeof DuckDB;
  try {
    api = await import('@duckdb/node-api');
  } catch (err) {
    return `DuckDB not available (${err instanceof Error ? err.message : String(err)})`;
  }
  const instance = await api.DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const quoted = path.replace(/'/g, "''");
  const reader = await connection.runAndReadAll(
    `SUMMARIZE SELECT * FROM read_csv('${quoted}', header = true)`,
  );
  const rows = reader.getRowObjects();
  const count = Number(rows[0]?.count ?? 0);
  connection.closeSync();
  instance.closeSync();
  return { rows: count };
}

const mb = (x: number) => `${Math.round(x / MB)} MB`;

export default async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tupu-profile-bench-'));
  try {
    const file = join(dir, 'ledger.csv');
    const gen = await measure(() => writeLedger(file, ROWS));
    const size = (await stat(file)).size;
    console.log(
      `ledger: ${ROWS.toLocaleString('en')} rows, ${mb(size)}, written in ${gen.seconds.toFixed(1)} s`,
    );

    const ours = await measure(() => profileFile(file, undefined, '2025-12-31'));
    const within = ours.peakRss < TARGET_MB * MB;
    console.log(
      `tupu profile (streamed): ${ours.seconds.toFixed(2)} s, ${Math.round(ROWS / ours.seconds).toLocaleString('en')} rows/s, ` +
        `peak RSS ${mb(ours.peakRss)} (growth ${mb(ours.growth)}; target < ${TARGET_MB} MB: ${within ? 'met' : 'NOT met'}), ` +
        `score ${ours.value.score}, ${ours.value.columns.filter((c) => !c.distinctExact).length} columns with estimated distinct`,
    );

    const naive = await measure(() => naiveProfile(file));
    console.log(
      `naive baseline (whole file in memory, a Set per column): ${naive.seconds.toFixed(2)} s, peak RSS ${mb(naive.peakRss)} ` +
        `(growth ${mb(naive.growth)}); tupu is ${(naive.seconds / ours.seconds).toFixed(2)}× its speed`,
    );

    const duck = await measure(() => duckdbProfile(file));
    if (typeof duck.value === 'string') console.log(duck.value);
    else
      console.log(
        `DuckDB SUMMARIZE (yardstick, 2 threads): ${duck.seconds.toFixed(2)} s, ${duck.value.rows.toLocaleString('en')} rows; ` +
          `tupu's throughput is ${(duck.seconds / ours.seconds).toFixed(2)}× DuckDB's (process peak RSS after it ${mb(duck.peakRss)})`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
