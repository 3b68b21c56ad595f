/**
 * Plan solver benchmark: seeded instances of 12×4, 40×8, 120×12 and 300×12 (initiatives × quarters) with binding
 * budgets (src/core/planning/fixtures/generate-instance.ts). One random instance says little — solve times of the same
 * size differ tenfold between seeds — so every size is run on a fixed list of seeds, one solve at a time, and the
 * summary counts how many instances meet the target. Per instance: solve time, status and proven gap of the optimal
 * MILP, and the greedy baseline (time, value as a ratio of the optimum). Also measures event-loop responsiveness while
 * HiGHS runs in its worker thread: a 10 ms setInterval should keep ticking during the solve.
 *
 * Targets (issue "Planning"): 40×8 proven optimal (gap ≤ 1e-4) < 10 s; 120×12 within 0.1 % gap < 60 s. Every solve is
 * capped at 60 s; 300×12 reports whatever gap it reaches. Seed 20241217 was the only 40×8 instance of earlier runs and
 * stays first in its list so results remain comparable. `PLAN_BENCH_SEEDS=3 npm run bench plan` runs the first three
 * seeds of every size only.
 */
import { cpus, loadavg } from 'node:os';
import { generatePlanInstance } from '../src/core/planning/fixtures/generate-instance.ts';
import { greedyPlan } from '../src/core/planning/greedy.ts';
import { buildPlanModel } from '../src/core/planning/plan-model.ts';
import { closeSolverThread } from '../src/solver/solver-thread.ts';
import { solvePlan } from '../src/solver/solve-plan.ts';

interface Case {
  readonly initiatives: number;
  readonly periods: number;
  readonly mipRelGap: number;
  readonly target: string;
  /** Met when the solve ends within this many seconds with a proven gap ≤ `mipRelGap` (null: report only). */
  readonly targetSeconds: number | null;
  readonly seeds: readonly number[];
}

const CASES: readonly Case[] = [
  {
    initiatives: 12,
    periods: 4,
    mipRelGap: 1e-4,
    target: 'optimal',
    targetSeconds: 60,
    seeds: [1, 2, 3, 4, 5],
  },
  {
    initiatives: 40,
    periods: 8,
    mipRelGap: 1e-4,
    target: 'optimal (gap ≤ 0.01 %) < 10 s',
    targetSeconds: 10,
    seeds: [20_241_217, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
  {
    initiatives: 120,
    periods: 12,
    mipRelGap: 1e-3,
    target: 'gap ≤ 0.1 % < 60 s',
    targetSeconds: 60,
    seeds: [20_241_217, 1, 2],
  },
  {
    initiatives: 300,
    periods: 12,
    mipRelGap: 1e-3,
    target: 'report gap at 60 s',
    targetSeconds: null,
    seeds: [20_241_217, 1],
  },
];
const TIME_LIMIT_SECONDS = 60;
const TICK_MS = 10;

const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(3)} %`);

/** Binary columns declared in the LP text (start, started-by and active columns). */
const binaryCount = (lp: string): number =>
  (lp.split('\nBinaries\n')[1]?.split('\nEnd')[0] ?? '').split(/\s+/).filter((name) => name !== '').length;

const load = (): string =>
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

interface Run {
  readonly seconds: number;
  readonly gap: number | null;
  readonly met: boolean;
  readonly greedyRatio: number | null;
}

async function runInstance(c: Case, seed: number): Promise<Run> {
  const instance = generatePlanInstance(c.initiatives, c.periods, seed);
  const model = buildPlanModel(instance);

  const greedyStarted = performance.now();
  const greedy = greedyPlan(instance);
  const greedySeconds = (performance.now() - greedyStarted) / 1000;

  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, TICK_MS);
  const started = performance.now();
  const result = await solvePlan(instance, { timeLimitSeconds: TIME_LIMIT_SECONDS, mipRelGap: c.mipRelGap });
  const wall = (performance.now() - started) / 1000;
  clearInterval(timer);
  const expectedTicks = Math.floor((wall * 1000) / TICK_MS);

  const ratio =
    greedy.objective !== null && result.objective !== null && result.objective > 0
      ? greedy.objective / result.objective
      : null;
  const proven = result.gap !== null && result.gap <= c.mipRelGap + 1e-12;
  const met = c.targetSeconds !== null && proven && wall < c.targetSeconds;
  console.log(
    [
      `${c.initiatives}×${c.periods}`.padEnd(8),
      String(seed).padEnd(9),
      String(binaryCount(model.lp)).padEnd(9),
      result.status.padEnd(9),
      wall.toFixed(2).padEnd(8),
      pct(result.gap).padEnd(10),
      (result.objective?.toFixed(1) ?? '—').padEnd(9),
      (result.bound?.toFixed(1) ?? '—').padEnd(9),
      greedySeconds.toFixed(4).padEnd(9),
      (ratio === null ? '—' : ratio.toFixed(4)).padEnd(11),
      `${expectedTicks > 0 ? ((100 * ticks) / expectedTicks).toFixed(0) : '—'} %`.padEnd(7),
      c.targetSeconds === null ? '' : met ? 'MET' : 'not met',
    ].join(' '),
  );
  return { seconds: wall, gap: result.gap, met, greedyRatio: ratio };
}

export default async function bench(): Promise<void> {
  const limit = Number(process.env.PLAN_BENCH_SEEDS ?? Infinity);
  console.log(`${load()} at start (HiGHS is single-threaded: seconds stretch with the load)`);
  console.log(
    'size     seed      binaries status    solve s  gap        objective bound     greedy s  greedy/opt  ticks   target',
  );
  try {
    const summary: string[] = [];
    for (const c of CASES) {
      const runs: Run[] = [];
      for (const seed of c.seeds.slice(0, limit)) runs.push(await runInstance(c, seed));
      const seconds = runs.map((r) => r.seconds);
      const gaps = runs.map((r) => r.gap ?? Infinity);
      const ratios = runs.flatMap((r) => (r.greedyRatio === null ? [] : [r.greedyRatio]));
      summary.push(
        `${`${c.initiatives}×${c.periods}`.padEnd(8)} ${c.target}: ${
          c.targetSeconds === null
            ? 'report only'
            : `met on ${runs.filter((r) => r.met).length} of ${runs.length}`
        }; seconds median ${median(seconds).toFixed(1)}, max ${Math.max(...seconds).toFixed(1)}; gap median ${pct(
          median(gaps),
        )}, max ${pct(Math.max(...gaps))}; greedy/opt median ${ratios.length > 0 ? median(ratios).toFixed(3) : '—'}`,
      );
    }
    console.log(`\nSummary (${load()} at end)`);
    for (const line of summary) console.log(line);
  } finally {
    await closeSolverThread();
  }
}
