import { afterAll, describe, expect, it } from 'vitest';
import { initiative, instanceOf } from '../core/planning/fixtures/tiny-instances.ts';
import { closeSolverThread } from './solver-thread.ts';
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
});
