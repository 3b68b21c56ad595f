/**
 * Plan solver benchmark: seeded instances of 12×4, 40×8, 120×12 and 300×12 (initiatives × quarters) with binding
 * budgets. Prints solve time, status and proven gap of the optimal MILP, and the greedy baseline (time, value as a
 * ratio of the optimum). Also measures event-loop responsiveness while HiGHS runs in its worker thread: a 10 ms
 * setInterval should keep ticking during the solve.
 *
 * Targets: 40×8 proven optimal (gap ≤ 1e-4) < 10 s; 120×12 within 0.1 % gap < 60 s. Every solve is capped at 60 s;
 * 300×12 reports whatever gap it reaches.
 */
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
}

const CASES: readonly Case[] = [
  { initiatives: 12, periods: 4, mipRelGap: 1e-4, target: 'optimal' },
  { initiatives: 40, periods: 8, mipRelGap: 1e-4, target: 'optimal < 10 s' },
  { initiatives: 120, periods: 12, mipRelGap: 1e-3, target: 'gap ≤ 0.1 % < 60 s' },
  { initiatives: 300, periods: 12, mipRelGap: 1e-3, target: 'report gap at 60 s' },
];
const TIME_LIMIT_SECONDS = 60;
const TICK_MS = 10;

const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(3)} %`);

export default async function bench(): Promise<void> {
  console.log(
    'size      binaries  status    solve s   gap        greedy s  greedy/opt  ticks/expected (10 ms interval during solve)',
  );
  try {
    for (const c of CASES) {
      const instance = generatePlanInstance(c.initiatives, c.periods, 20_241_217);
      const model = buildPlanModel(instance);

      const greedyStarted = performance.now();
      const greedy = greedyPlan(instance);
      const greedySeconds = (performance.now() - greedyStarted) / 1000;

      let ticks = 0;
      const timer = setInterval(() => {
        ticks++;
      }, TICK_MS);
      const started = performance.now();
      const result = await solvePlan(instance, {
        timeLimitSeconds: TIME_LIMIT_SECONDS,
        mipRelGap: c.mipRelGap,
      });
      const wall = (performance.now() - started) / 1000;
      clearInterval(timer);
      const expectedTicks = Math.floor((wall * 1000) / TICK_MS);

      const ratio =
        greedy.objective !== null && result.objective !== null && result.objective > 0
          ? greedy.objective / result.objective
          : null;
      console.log(
        [
          `${c.initiatives}×${c.periods}`.padEnd(9),
          String(model.variables.length * 2).padEnd(9),
          result.status.padEnd(9),
          wall.toFixed(2).padEnd(9),
          pct(result.gap).padEnd(10),
          greedySeconds.toFixed(4).padEnd(9),
          (ratio === null ? '—' : ratio.toFixed(4)).padEnd(11),
          `${ticks}/${expectedTicks} (${expectedTicks > 0 ? ((100 * ticks) / expectedTicks).toFixed(0) : '—'} %)`,
        ].join(' '),
      );
      console.log(
        `          target: ${c.target}; objective ${result.objective?.toFixed(2) ?? '—'}, bound ${result.bound?.toFixed(2) ?? '—'}, greedy ${greedy.objective?.toFixed(2) ?? '—'}`,
      );
    }
  } finally {
    await closeSolverThread();
  }
}
