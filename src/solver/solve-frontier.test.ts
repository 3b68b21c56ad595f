import { afterAll, describe, expect, it } from 'vitest';
import { initiative, instanceOf } from '../core/planning/fixtures/tiny-instances.ts';
import { closeSolverThread, peakSolverThreads, solverThreadLimit } from './solver-thread.ts';
import { solveBudgetFrontier } from './solve-frontier.ts';

afterAll(async () => {
  await closeSolverThread();
});

describe('solveBudgetFrontier (real HiGHS)', () => {
  it('is non-decreasing in the budget and marks unaffordable points infeasible', async () => {
    const instance = instanceOf(
      [
        initiative('M', { cost: 60, duration: 1, annualBenefit: 0, mandatory: true }),
        initiative('A', { cost: 80, duration: 2, annualBenefit: 250 }),
        initiative('B', { cost: 50, duration: 1, annualBenefit: 150 }),
        initiative('C', { cost: 120, duration: 2, annualBenefit: 330 }),
      ],
      { periods: 3, budget: [100, 100, 100] },
    );
    const points = await solveBudgetFrontier(instance, { timeLimitSeconds: 10 });
    expect(points).toHaveLength(11);
    // at 50 % (50 per period) mandatory M (60) cannot fit: validation makes that point infeasible
    expect(points[0]).toMatchObject({ factor: 0.5, status: 'infeasible', objective: null });
    const feasible = points.filter((p) => p.objective !== null);
    expect(feasible.length).toBeGreaterThan(5);
    for (let k = 1; k < feasible.length; k++)
      expect(feasible[k]!.objective!).toBeGreaterThanOrEqual(feasible[k - 1]!.objective! - 1e-9);
    expect(points.at(-1)?.marginalValuePerUnit).not.toBeNull();
  });

  it('solves the points side by side on the solver threads, with the same values as one at a time', async () => {
    const instance = instanceOf(
      [
        initiative('A', { cost: 80, duration: 2, annualBenefit: 250 }),
        initiative('B', { cost: 50, duration: 1, annualBenefit: 150 }),
        initiative('C', { cost: 120, duration: 2, annualBenefit: 330, requires: ['B'] }),
      ],
      { periods: 4, budget: [90, 90, 90, 90] },
    );
    await closeSolverThread();
    const together = await solveBudgetFrontier(instance, { timeLimitSeconds: 10 });
    expect(peakSolverThreads()).toBe(Math.min(solverThreadLimit(), 11));
    const oneByOne = [];
    for (const factor of [0.5, 1, 1.5])
      oneByOne.push(...(await solveBudgetFrontier(instance, { timeLimitSeconds: 10 }, [factor])));
    for (const point of oneByOne)
      expect(together.find((p) => p.factor === point.factor)?.objective).toBeCloseTo(
        point.objective ?? NaN,
        6,
      );
  });
});

describe('solverThreadLimit', () => {
  it('defaults to two threads, one on a single core, and reads TUPU_SOLVER_THREADS', () => {
    expect(solverThreadLimit({}, 2)).toBe(2);
    expect(solverThreadLimit({}, 8)).toBe(2);
    expect(solverThreadLimit({}, 1)).toBe(1);
    expect(solverThreadLimit({ TUPU_SOLVER_THREADS: '3' }, 2)).toBe(3);
    expect(() => solverThreadLimit({ TUPU_SOLVER_THREADS: '0' }, 2)).toThrow(/TUPU_SOLVER_THREADS/);
    expect(() => solverThreadLimit({ TUPU_SOLVER_THREADS: 'two' }, 2)).toThrow(/"two"/);
  });
});
