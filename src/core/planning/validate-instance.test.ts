import { describe, expect, it } from 'vitest';
import { initiative, instanceOf } from './fixtures/tiny-instances.ts';
import {
  findPrerequisiteCycle,
  formatPlanProblem,
  parsePlanInstance,
  planInstanceProblems,
} from './validate-instance.ts';

const messages = (raw: unknown): string[] => {
  const parsed = parsePlanInstance(raw);
  return parsed.ok ? [] : parsed.problems.map(formatPlanProblem);
};

describe('parsePlanInstance', () => {
  it('applies defaults and expands a single budget', () => {
    const parsed = parsePlanInstance({
      periods: 3,
      budget: 50,
      initiatives: [{ id: 'A', cost: 10, duration: 1, annualBenefit: 5 }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.instance).toMatchObject({
      periodsPerYear: 4,
      discountRate: 0.08,
      benefitYears: 5,
      budget: [50, 50, 50],
    });
    expect(parsed.instance.initiatives[0]).toMatchObject({
      effort: 0,
      successProbability: 1,
      requires: [],
      excludes: [],
      mandatory: false,
    });
  });

  it('reports schema problems with the initiative and field', () => {
    const problems = messages({
      periods: 3,
      budget: 'lots',
      initiatives: [{ id: 'A', cost: '10', duration: 1, annualBenefit: 5 }],
    });
    expect(problems.some((p) => p.startsWith('budget:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('A (initiatives[0].cost)'))).toBe(true);
  });

  it('reports every semantic problem at once', () => {
    const problems = messages({
      periods: 4,
      budget: [10, 10, 10],
      initiatives: [
        {
          id: 'A',
          cost: -1,
          duration: 0,
          annualBenefit: -2,
          successProbability: 1.5,
          requires: ['Z'],
          excludes: ['Y'],
        },
        { id: 'B', cost: 1, duration: 2.5, annualBenefit: 1 },
        { id: 'C', cost: 1, duration: 9, annualBenefit: 1 },
        { id: 'D', cost: 1, duration: -1, annualBenefit: 1 },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'budget: has 3 entries but the horizon has 4 periods',
        'A (initiatives[0].cost): must be ≥ 0 (got -1)',
        'A (initiatives[0].annualBenefit): must be ≥ 0 (got -2)',
        'A (initiatives[0].duration): must be a whole number of periods ≥ 1 (got 0)',
        'A (initiatives[0].successProbability): must be within [0, 1] (got 1.5)',
        'A (initiatives[0].requires[0]): unknown initiative "Z"',
        'A (initiatives[0].excludes[0]): unknown initiative "Y"',
        'B (initiatives[1].duration): must be a whole number of periods ≥ 1 (got 2.5)',
        'C (initiatives[2].duration): 9 periods is longer than the 4-period horizon',
        'D (initiatives[3].duration): must not be negative (got -1)',
      ]),
    );
    expect(problems).toHaveLength(10);
  });
});

describe('planInstanceProblems', () => {
  it('names a prerequisite cycle', () => {
    const instance = instanceOf([
      initiative('A', { requires: ['B'] }),
      initiative('B', { requires: ['C'] }),
      initiative('C', { requires: ['A'] }),
      initiative('D'),
    ]);
    expect(findPrerequisiteCycle(instance)).toEqual(['A', 'B', 'C', 'A']);
    expect(planInstanceProblems(instance).map(formatPlanProblem)).toEqual([
      'A (initiatives[0].requires): prerequisite cycle: A → B → C → A',
    ]);
  });

  it('flags a mandatory initiative that is over budget alone, over capacity, or behind a chain longer than the horizon', () => {
    const instance = instanceOf(
      [
        initiative('BIG', { cost: 300, duration: 2, mandatory: true }),
        initiative('P1', { duration: 2 }),
        initiative('P2', { duration: 2, requires: ['P1'] }),
        initiative('M', { duration: 1, requires: ['P2'], mandatory: true }),
        initiative('CREW', { cost: 0, effort: 5, mandatory: true }),
      ],
      { periods: 4, budget: [100, 200, 100, 100], capacity: [4, 4, 4, 4] },
    );
    const problems = planInstanceProblems(instance).map(formatPlanProblem);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^BIG \(initiatives\[0\]\.mandatory\): mandatory but cannot fit the budget/);
    expect(problems[1]).toBe(
      'M (initiatives[3].requires): mandatory but its prerequisite chain P1 → P2 → M takes 5 periods, longer than the 4-period horizon',
    );
    expect(problems[2]).toMatch(
      /^CREW \(initiatives\[4\]\.mandatory\): mandatory but cannot fit the capacity/,
    );
  });

  it('accepts a mandatory initiative that fits in some periods only', () => {
    const instance = instanceOf([initiative('M', { cost: 300, duration: 2, mandatory: true })], {
      periods: 4,
      budget: [100, 100, 150, 150],
    });
    expect(planInstanceProblems(instance)).toEqual([]);
  });

  it('flags mandatory excluding mandatory, and exclusions among what mandatory ones require', () => {
    const instance = instanceOf([
      initiative('M1', { mandatory: true, excludes: ['M2'] }),
      initiative('M2', { mandatory: true }),
      initiative('P', {}),
      initiative('M3', { mandatory: true, requires: ['P'], excludes: [] }),
      initiative('Q', { excludes: ['P'] }),
      initiative('M4', { mandatory: true, requires: ['Q'] }),
    ]);
    expect(planInstanceProblems(instance).map(formatPlanProblem)).toEqual([
      'M1 (initiatives[0].excludes): mandatory but excludes mandatory initiative "M2"',
      'Q (initiatives[4].excludes): excludes "P", but mandatory initiatives need both (directly or as prerequisites)',
    ]);
  });

  it('checks the horizon, rate and benefit years', () => {
    const problems = planInstanceProblems({
      ...instanceOf([]),
      periods: 0,
      periodsPerYear: 4,
      discountRate: -2,
      benefitYears: 1.1,
      budget: [],
    }).map(formatPlanProblem);
    expect(problems).toEqual([
      'periods: must be a whole number ≥ 1 (got 0)',
      'discountRate: must be > −1 (got -2)',
      'benefitYears: × periodsPerYear must be a whole number of periods (got 1.1 × 4)',
    ]);
  });
});
