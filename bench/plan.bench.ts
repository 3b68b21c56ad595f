/**
 * Plan solver benchmark (issue "Planning solver, second attempt"). Seeded instances of 12×4, 40×8, 120×12 and 300×12
 * (initiatives × quarters) with binding budgets (src/core/planning/fixtures/generate-instance.ts), and real plans
 * built from the atlas packs (every atlas × enterprise type, all pain points, up to 30 candidates). One random
 * instance says little — solve times of one size differ tenfold between seeds — so every size runs a fixed list of
 * seeds, one solve at a time, and the summary counts how many instances meet the target.
 *
 * Per instance, in the same run: the portfolio as the product runs it (HiGHS raced against CBC, solve-plan.ts), HiGHS
 * alone, and CBC alone on both formulations (PlanModelOptions.formulation) — the baselines the targets name. Also the
 * greedy baseline and event-loop responsiveness during the portfolio's solve (a 10 ms setInterval should keep ticking).
 *
 * Targets: 40×8 proven optimal at gap 0 in < 10 s on every seed and faster than CBC alone on its best formulation;
 * 120×12 at 60 s gap ≤ 0.5 % on every seed; atlas plans no slower than HiGHS alone. Without `cbc` on the PATH the
 * portfolio is HiGHS alone and the CBC columns are empty. `PLAN_BENCH_SEEDS=3` runs the first three seeds of every size
 * only; `PLAN_BENCH_SIZES=40x8,atlas` picks sizes.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ENTERPRISE_TYPES, defaultSettings } from '../src/core/planning/candidates-defaults.ts';
import { buildCandidates } from '../src/core/planning/candidates.ts';
import { generatePlanInstance } from '../src/core/planning/fixtures/generate-instance.ts';
import { greedyPlan } from '../src/core/planning/greedy.ts';
import type { PlanInstance } from '../src/core/planning/plan-instance.ts';
import type { PlanFormulation } from '../src/core/planning/plan-model.ts';
import { buildPlanModel } from '../src/core/planning/plan-model.ts';
import type { MilpOutcome } from '../src/core/planning/plan-result.ts';
import { planSettings } from '../src/features/plans/create-plan.ts';
import { validInstance } from '../src/features/plans/stored-plan.ts';
import { loadAtlasPacks } from '../src/packs/atlas-load.ts';
import { findCbc, runCbc } from '../src/solver/cbc.ts';
import { closeSolverThread, solveInThread } from '../src/solver/solver-thread.ts';
import { solvePlan } from '../src/solver/solve-plan.ts';

interface Case {
  readonly name: string;
  readonly mipRelGap: number;
  readonly target: string;
  /** Met when the portfolio ends within this many seconds with a gap ≤ `targetGap` (null: report only). */
  readonly targetSeconds: number | null;
  readonly targetGap: number;
  /** Also require the portfolio to beat CBC alone on its best formulation. */
  readonly beatCbc: boolean;
  readonly instances: () => Promise<readonly { label: string; instance: PlanInstance }[]>;
}

const TIME_LIMIT_SECONDS = 60;
const TICK_MS = 10;

const seeded =
  (initiatives: number, periods: number, seeds: readonly number[]) =>
  async (): Promise<{ label: string; instance: PlanInstance }[]> =>
    seeds.map((seed) => ({
      label: String(seed),
      instance: generatePlanInstance(initiatives, periods, seed),
    }));

/** Every atlas pack × enterprise type, with all the atlas's pain points: the largest plans users can make. */
async function atlasPlans(): Promise<{ label: string; instance: PlanInstance }[]> {
  const loaded = await loadAtlasPacks(join(import.meta.dirname, '..', 'packs', 'atlas'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const plans: { label: string; instance: PlanInstance }[] = [];
  for (const [id, atlas] of loaded.catalog)
    for (const enterpriseType of ENTERPRISE_TYPES) {
      const profile = {
        industry: '通用设备制造',
        processType: 'discrete' as const,
        employees: 800,
        revenue: 30_000,
        enterpriseType,
      };
      const settings = planSettings(defaultSettings(profile, new Date('2026-12-01T00:00:00Z')), {});
      const { candidates } = buildCandidates({
        atlas,
        profile,
        painPoints: atlas.painPoints.map((p) => p.id),
        periods: settings.periods,
      });
      const initiatives = candidates.slice(0, 30);
      const kept = new Set(initiatives.map((c) => c.id));
      const closed = initiatives.filter((c) => c.requires.every((r) => kept.has(r)));
      plans.push({
        label: `${id}/${enterpriseType} ${closed.length}`,
        instance: validInstance({ profile, initiatives: closed, settings }),
      });
    }
  return plans;
}

const SEEDS_40 = [20_241_217, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CASES: readonly Case[] = [
  {
    name: '12x4',
    mipRelGap: 0,
    target: 'optimal',
    targetSeconds: 60,
    targetGap: 0,
    beatCbc: false,
    instances: seeded(12, 4, [1, 2, 3, 4, 5]),
  },
  {
    name: '40x8',
    mipRelGap: 0,
    target: 'gap 0 < 10 s',
    targetSeconds: 10,
    targetGap: 0,
    beatCbc: true,
    instances: seeded(40, 8, SEEDS_40),
  },
  {
    name: 'atlas',
    mipRelGap: 1e-4,
    target: 'no slower than HiGHS alone',
    targetSeconds: null,
    targetGap: 1e-4,
    beatCbc: false,
    instances: atlasPlans,
  },
  {
    name: '120x12',
    mipRelGap: 1e-3,
    target: 'gap ≤ 0.5 % at 60 s',
    targetSeconds: 61,
    targetGap: 0.005,
    beatCbc: false,
    instances: seeded(120, 12, [20_241_217, 1, 2]),
  },
  {
    name: '300x12',
    mipRelGap: 1e-3,
    target: 'report gap at 60 s',
    targetSeconds: null,
    targetGap: 0.005,
    beatCbc: false,
    instances: seeded(300, 12, [20_241_217, 1]),
  },
];

const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(3)} %`;
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
const solo = (outcome: MilpOutcome | null): string =>
  outcome === null ? '—' : `${outcome.seconds.toFixed(1)} s ${pct(outcome.gap)}`;

interface Run {
  readonly seconds: number;
  readonly gap: number | null;
  readonly met: boolean;
  readonly highsSeconds: number;
  /** CBC alone per formulation: seconds when it proved the target gap, else null */
  readonly cbcSeconds: Record<PlanFormulation, number | null>;
}

async function runInstance(c: Case, label: string, instance: PlanInstance, cbc: string | null): Promise<Run> {
  const greedy = greedyPlan(instance);
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, TICK_MS);
  const started = performance.now();
  const result = await solvePlan(instance, {
    timeLimitSeconds: TIME_LIMIT_SECONDS,
    mipRelGap: c.mipRelGap,
    cbc,
  });
  const wall = (performance.now() - started) / 1000;
  clearInterval(timer);
  const expectedTicks = Math.floor((wall * 1000) / TICK_MS);

  const job = (
    formulation: PlanFormulation,
  ): { lp: string; timeLimitSeconds: number; mipRelGap: number } => ({
    lp: buildPlanModel(instance, { formulation }).lp,
    timeLimitSeconds: TIME_LIMIT_SECONDS,
    mipRelGap: c.mipRelGap,
  });
  const highs = await solveInThread(job('started-by'));
  const cbcStartedBy = cbc === null ? null : await runCbc(cbc, job('started-by'));
  const cbcStarts = cbc === null ? null : await runCbc(cbc, job('starts'));
  const proven = (o: MilpOutcome | null): boolean =>
    o !== null && o.gap !== null && o.gap <= c.mipRelGap + 1e-12;
  const cbcSeconds = {
    'started-by': proven(cbcStartedBy) ? (cbcStartedBy as MilpOutcome).seconds : null,
    starts: proven(cbcStarts) ? (cbcStarts as MilpOutcome).seconds : null,
  };
  const ratio =
    greedy.objective !== null && result.objective !== null && result.objective > 0
      ? greedy.objective / result.objective
      : null;
  const withinGap = result.gap !== null && result.gap <= c.targetGap + 1e-12;
  const met = c.targetSeconds !== null && withinGap && wall < c.targetSeconds;
  console.log(
    [
      c.name.padEnd(7),
      label.padEnd(28),
      (result.solver ?? '—').padEnd(6),
      (result.stoppedBy ?? result.status).padEnd(11),
      `${wall.toFixed(2)} s`.padEnd(9),
      pct(result.gap).padEnd(10),
      solo(highs).padEnd(17),
      solo(cbcStartedBy).padEnd(17),
      solo(cbcStarts).padEnd(17),
      (ratio === null ? '—' : ratio.toFixed(3)).padEnd(7),
      `${expectedTicks > 0 ? ((100 * ticks) / expectedTicks).toFixed(0) : '—'} %`.padEnd(6),
      c.targetSeconds === null ? '' : met ? 'MET' : 'not met',
    ].join(' '),
  );
  return { seconds: wall, gap: result.gap, met, highsSeconds: highs.seconds, cbcSeconds };
}

/**
 * CBC alone on its best formulation: the one with the smaller total time over the case's instances (a formulation
 * must be chosen before solving), against the portfolio instance by instance.
 */
function beatCbcLine(c: Case, runs: readonly Run[]): string {
  const total = (f: PlanFormulation): number =>
    runs.reduce((sum, r) => sum + (r.cbcSeconds[f] ?? Infinity), 0);
  const best: PlanFormulation = total('starts') < total('started-by') ? 'starts' : 'started-by';
  const faster = runs.filter((r) => r.seconds < (r.cbcSeconds[best] ?? Infinity)).length;
  const worst = Math.max(...runs.map((r) => r.cbcSeconds[best] ?? Infinity));
  return `${c.name.padEnd(7)} faster than CBC alone on its best formulation (${best}: ${total(best).toFixed(1)} s in all, max ${worst.toFixed(1)} s): on ${faster} of ${runs.length}; portfolio ${runs
    .reduce((sum, r) => sum + r.seconds, 0)
    .toFixed(1)} s in all, max ${Math.max(...runs.map((r) => r.seconds)).toFixed(1)} s`;
}

export default async function bench(): Promise<void> {
  const limit = Number(process.env.PLAN_BENCH_SEEDS ?? Infinity);
  const sizes = process.env.PLAN_BENCH_SIZES?.split(',');
  const cbc = findCbc();
  console.log(`${load()} at start; cbc: ${cbc ?? 'not installed (portfolio = HiGHS alone)'}`);
  console.log(
    'size    instance                     solver stopped by  portfolio gap        HiGHS alone       CBC started-by    CBC starts        greedy ticks  target',
  );
  try {
    const summary: string[] = [];
    for (const c of CASES) {
      if (sizes && !sizes.includes(c.name)) continue;
      const runs: Run[] = [];
      for (const { label, instance } of (await c.instances()).slice(0, limit))
        runs.push(await runInstance(c, label, instance, cbc));
      const seconds = runs.map((r) => r.seconds);
      const gaps = runs.map((r) => r.gap ?? Infinity);
      const slower = runs.filter((r) => r.seconds > r.highsSeconds * 1.1 + 0.2).length;
      if (c.beatCbc) summary.push(beatCbcLine(c, runs));
      summary.push(
        `${c.name.padEnd(7)} ${c.target}: ${
          c.targetSeconds === null
            ? 'report only'
            : `met on ${runs.filter((r) => r.met).length} of ${runs.length}`
        }; portfolio seconds median ${median(seconds).toFixed(1)}, max ${Math.max(...seconds).toFixed(1)}; HiGHS alone median ${median(
          runs.map((r) => r.highsSeconds),
        ).toFixed(
          1,
        )}; gap median ${pct(median(gaps))}, max ${pct(Math.max(...gaps))}; slower than HiGHS alone (by >10 % + 0.2 s) on ${slower}`,
      );
    }
    console.log(`\nSummary (${load()} at end)`);
    for (const line of summary) console.log(line);
  } finally {
    await closeSolverThread();
  }
}
