import { describe, expect, it } from 'vitest';
import { FRONTIER_FACTORS, frontierPoints, withBudgetFactor } from './budget-frontier.ts';
import { instanceOf } from './fixtures/tiny-instances.ts';

describe('budget frontier', () => {
  it('has 11 points from 50 % to 150 % and scales every period', () => {
    expect(FRONTIER_FACTORS).toHaveLength(11);
    expect(withBudgetFactor(instanceOf([], { periods: 2, budget: [100, 50] }), 1.2).budget).toEqual([
      120, 60,
    ]);
  });

  it('computes the marginal value per extra unit of budget', () => {
    const instance = instanceOf([], { periods: 2, budget: [100, 100] });
    const points = frontierPoints(
      instance,
      [
        { status: 'infeasible', objective: null, gap: null },
        { status: 'optimal', objective: 10, gap: 0 },
        { status: 'optimal', objective: 30, gap: 0 },
      ],
      [0.5, 1, 1.5],
    );
    expect(points.map((p) => p.totalBudget)).toEqual([100, 200, 300]);
    expect(points.map((p) => p.marginalValuePerUnit)).toEqual([null, null, 0.2]);
  });
});
