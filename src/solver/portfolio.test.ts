import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bruteForcePlan } from '../core/planning/brute-force.ts';
import { checkSchedule } from '../core/planning/check-schedule.ts';
import { generatePlanInstance } from '../core/planning/fixtures/generate-instance.ts';
import { arbitraryPlanInstance } from '../core/planning/fixtures/tiny-instances.ts';
import { buildPlanModel } from '../core/planning/plan-model.ts';
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import { planInstanceProblems } from '../core/planning/validate-instance.ts';
import { findCbc } from './cbc.ts';
import { combineOutcomes, solvePortfolio } from './portfolio.ts';
import { closeSolverThread, liveSolverThreads } from './solver-thread.ts';
import { solvePlan } from './solve-plan.ts';

afterAll(async () => {
  await closeSolverThread();
});

const outcome = (patch: Partial<MilpOutcome>): MilpOutcome => ({
  status: 'feasible',
  objective: 100,
  bound: 110,
  gap: 0.1,
  columns: {},
  solverStatus: 'time limit',
  seconds: 60,
  ...patch,
});

describe('combining two solvers stopped at the time limit', () => {
  it('takes the better plan and the tighter bound, and measures the gap between them', () => {
    const combined = combineOutcomes([
      outcome({ objective: 100, bound: 104, solver: 'highs', seconds: 60.2 }),
      outcome({ objective: 102, bound: 107, solver: 'cbc', seconds: 60.1 }),
    ]);
    expect(combined).toMatchObject({ objective: 102, bound: 104, solver: 'cbc', seconds: 60.2 });
    expect(combined.gap).toBeCloseTo(2 / 102, 12);
  });

  it('keeps a plan when the other solver found none, and says unknown when neither did', () => {
    const none = outcome({ status: 'unknown', objective: null, bound: null, gap: null, solver: 'cbc' });
    expect(combineOutcomes([none, outcome({ solver: 'highs' })])).toMatchObject({
      objective: 100,
      solver: 'highs',
    });
    expect(combineOutcomes([none, none]).status).toBe('unknown');
  });

  it('never reports a bound below the plan it returns (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            objective: fc.double({ min: 1, max: 1e4, noNaN: true }),
            slack: fc.double({ min: 0, max: 1e3, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 2,
          },
        ),
        (runs) => {
          const combined = combineOutcomes(
            runs.map((r) => outcome({ objective: r.objective, bound: r.objective + r.slack })),
          );
          // every bound is valid for the same problem, so the best plan lies below each bound
          fc.pre(runs.every((r) => r.objective <= Math.min(...runs.map((q) => q.objective + q.slack))));
          expect(combined.gap).toBeGreaterThanOrEqual(0);
          expect(combined.objective).toBe(Math.max(...runs.map((r) => r.objective)));
        },
      ),
    );
  });
});

const cbc = findCbc();
/** CBC processes of this machine reading a Tupu model (their LP lives in a tupu-cbc- folder), from /proc. */
const cbcProcesses = (): string[] =>
  readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.startsWith(cbc ?? 'cbc') && cmdline.includes('tupu-cbc-');
    } catch {
      return false; // ended meanwhile
    }
  });
describe.skipIf(cbc === null && process.env.CI === undefined)(
  'the race (real HiGHS thread and CBC process)',
  () => {
    it('equals brute force on random instances, whichever solver wins (property)', async () => {
      const winners = new Set<string>();
      await fc.assert(
        fc.asyncProperty(arbitraryPlanInstance(6, 5), async (instance) => {
          fc.pre(planInstanceProblems(instance).length === 0);
          const result = await solvePlan(instance, { timeLimitSeconds: 10, mipRelGap: 1e-9, cbc });
          const brute = bruteForcePlan(instance).best;
          if (brute === null) {
            expect(result.status).toBe('infeasible');
            return;
          }
          expect(result.status).toBe('optimal');
          expect(result.stoppedBy === 'proof' || result.stoppedBy === 'tolerance').toBe(true);
          if (result.solver) winners.add(result.solver);
          expect(checkSchedule(instance, result.schedule)).toEqual([]);
          expect(Math.abs((result.objective ?? NaN) - brute.objective)).toBeLessThan(
            1e-6 * (1 + Math.abs(brute.objective)),
          );
        }),
        { numRuns: 40 },
      );
      expect(winners.size).toBeGreaterThan(0);
    }, 120_000);

    it('reports the true gap and which solver, and stops the loser', async () => {
      const instance = generatePlanInstance(40, 8, 1);
      const result = await solvePlan(instance, { timeLimitSeconds: 60, mipRelGap: 0, cbc });
      expect(result.status).toBe('optimal');
      expect(result.gap).toBe(0);
      expect(result.stoppedBy).toBe('proof');
      expect(['highs', 'cbc']).toContain(result.solver);
    }, 120_000);

    it('stops every solver when the caller aborts, and runs HiGHS alone while the CBC processes are busy', async () => {
      const lp = buildPlanModel(generatePlanInstance(120, 12, 1)).lp;
      const long = { lp, timeLimitSeconds: 60, mipRelGap: 0 };
      const controller = new AbortController();
      const started = performance.now();
      const racing = solvePortfolio(
        {
          fallback: long,
          race: [
            { solver: 'highs', job: long },
            { solver: 'cbc', job: long },
            { solver: 'cbc', job: long },
          ],
        },
        cbc,
        controller.signal,
      );
      const small = {
        lp: buildPlanModel(generatePlanInstance(6, 3, 1)).lp,
        timeLimitSeconds: 10,
        mipRelGap: 0,
      };
      const smallRace = { fallback: small, race: [{ solver: 'cbc' as const, job: small }] };
      // both CBC processes are taken: this one is solved by HiGHS alone
      expect((await solvePortfolio(smallRace, cbc)).solver).toBe('highs');
      controller.abort(new DOMException('request closed', 'AbortError'));
      await expect(racing).rejects.toMatchObject({ name: 'AbortError' });
      expect(performance.now() - started).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // the race's HiGHS thread is gone (the idle one left is the small solve's) and so are its CBC processes
      expect(liveSolverThreads()).toBeLessThanOrEqual(1);
      expect(cbcProcesses()).toEqual([]);
      // the processes are free again: the next race is CBC's
      expect((await solvePortfolio(smallRace, cbc)).solver).toBe('cbc');
    }, 60_000);
  },
);
