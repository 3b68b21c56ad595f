import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForcePlan } from './brute-force.ts';
import { checkSchedule } from './check-schedule.ts';
import { arbitraryPlanInstance, initiative, instanceOf } from './fixtures/tiny-instances.ts';
import { greedyPlan } from './greedy.ts';
import { planInstanceProblems } from './validate-instance.ts';

describe('greedyPlan', () => {
  it('takes the best value per cost first, earliest start, and can miss the optimum', () => {
    // One period, budget 100. SMALL has the best ratio but blocks BIG, which is worth more in total.
    const instance = instanceOf(
      [
        initiative('BIG', { cost: 100, annualBenefit: 200 }),
        initiative('SMALL', { cost: 10, annualBenefit: 40 }),
        initiative('MID', { cost: 90, annualBenefit: 150 }),
      ],
      { periods: 1, budget: [100] },
    );
    const greedy = greedyPlan(instance);
    expect(greedy.schedule.map((s) => s.id).sort()).toEqual(['MID', 'SMALL']);
    const optimum = bruteForcePlan(instance).best;
    expect(greedy.objective).toBeLessThanOrEqual(optimum?.objective ?? -Infinity);
  });

  it('schedules mandatory initiatives and their prerequisites first, and dependents after prerequisites finish', () => {
    const instance = instanceOf(
      [
        initiative('DEP', { cost: 10, duration: 1, annualBenefit: 500, requires: ['BASE'] }),
        initiative('BASE', { cost: 50, duration: 2, annualBenefit: 60 }),
        initiative('M', { cost: 60, annualBenefit: 0, mandatory: true }),
      ],
      { periods: 4, budget: [100, 100, 100, 100] },
    );
    const greedy = greedyPlan(instance);
    expect(greedy.schedule).toEqual([
      { id: 'BASE', start: 0 },
      { id: 'M', start: 0 },
      { id: 'DEP', start: 2 },
    ]);
  });

  it('is feasible and never beats the optimum (property)', () => {
    fc.assert(
      fc.property(arbitraryPlanInstance(5, 4), (instance) => {
        fc.pre(planInstanceProblems(instance).length === 0);
        const greedy = greedyPlan(instance);
        const best = bruteForcePlan(instance).best;
        if (greedy.status === 'feasible') {
          expect(checkSchedule(instance, greedy.schedule)).toEqual([]);
          expect(best).not.toBeNull();
          expect(greedy.objective ?? Infinity).toBeLessThanOrEqual((best?.objective ?? -Infinity) + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
