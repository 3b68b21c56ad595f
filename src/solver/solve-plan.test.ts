import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bruteForcePlan } from '../core/planning/brute-force.ts';
import { checkSchedule } from '../core/planning/check-schedule.ts';
import { arbitraryPlanInstance, initiative, instanceOf } from '../core/planning/fixtures/tiny-instances.ts';
import { planInstanceProblems } from '../core/planning/validate-instance.ts';
import { closeSolverThread } from './solver-thread.ts';
import { PlanInputError, solvePlan } from './solve-plan.ts';

afterAll(async () => {
  await closeSolverThread();
});

describe('solvePlan (real HiGHS in a worker thread)', () => {
  it('solves a small instance to proven optimality and explains what it left out', async () => {
    const instance = instanceOf(
      [
        initiative('A', { cost: 100, duration: 2, annualBenefit: 300 }),
        initiative('B', { cost: 50, duration: 1, annualBenefit: 200, requires: ['A'] }),
        initiative('C', { cost: 80, duration: 1, annualBenefit: 0 }),
        initiative('D', { cost: 60, duration: 1, annualBenefit: 250, excludes: ['B'] }),
        initiative('M', { cost: 40, duration: 1, annualBenefit: 0, mandatory: true }),
      ],
      { periods: 4, budget: [60, 60, 60, 60] },
    );
    const result = await solvePlan(instance, { timeLimitSeconds: 10 });
    expect(result.status).toBe('optimal');
    expect(checkSchedule(instance, result.schedule)).toEqual([]);
    const brute = bruteForcePlan(instance).best;
    expect(result.objective).toBeCloseTo(brute?.objective ?? NaN, 6);
    expect(result.gap).toBeLessThanOrEqual(1e-4);
    expect(result.notSelected.find((n) => n.id === 'C')?.kind).toBe('negative-value');
    expect(result.schedule.map((s) => s.id)).toContain('M');
  });

  it('reports infeasibility with the budget shortfall', async () => {
    const instance = instanceOf(
      [
        initiative('M1', { cost: 80, duration: 1, annualBenefit: 0, mandatory: true }),
        initiative('M2', { cost: 80, duration: 1, annualBenefit: 0, mandatory: true }),
      ],
      { periods: 1, budget: [100] },
    );
    const result = await solvePlan(instance, { timeLimitSeconds: 10 });
    expect(result.status).toBe('infeasible');
    expect(result.reason).toMatch(/M1, M2/);
    expect(result.reason).toMatch(/budget short .*period 0 \+60/);
  });

  it('rejects an invalid instance with every problem', async () => {
    const instance = instanceOf([initiative('A', { duration: 0, requires: ['Z'] })]);
    await expect(solvePlan(instance)).rejects.toBeInstanceOf(PlanInputError);
  });

  it('equals brute-force enumeration on random instances and returns a feasible schedule (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPlanInstance(6, 5), async (instance) => {
        fc.pre(planInstanceProblems(instance).length === 0);
        const result = await solvePlan(instance, { timeLimitSeconds: 10, mipRelGap: 1e-9 });
        const brute = bruteForcePlan(instance).best;
        if (brute === null) {
          expect(result.status).toBe('infeasible');
          expect(result.reason).toBeTruthy();
          return;
        }
        expect(result.status).toBe('optimal');
        expect(checkSchedule(instance, result.schedule)).toEqual([]);
        expect(Math.abs((result.objective ?? NaN) - brute.objective)).toBeLessThan(
          1e-6 * (1 + Math.abs(brute.objective)),
        );
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
