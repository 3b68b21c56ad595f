import { describe, expect, it } from 'vitest';
import { checkSchedule, periodUsage, scheduleValue } from './check-schedule.ts';
import { initiative, instanceOf } from './fixtures/tiny-instances.ts';
import { startValue } from './start-value.ts';

const instance = instanceOf(
  [
    initiative('A', { cost: 100, duration: 2, effort: 2 }),
    initiative('B', { cost: 60, duration: 1, requires: ['A'], effort: 1 }),
    initiative('C', { cost: 20, duration: 1, excludes: ['A'] }),
    initiative('M', { cost: 10, duration: 1, mandatory: true }),
  ],
  { periods: 4, budget: [60, 60, 70, 100], capacity: [3, 3, 3, 3] },
);

describe('checkSchedule', () => {
  it('accepts a feasible schedule and values it', () => {
    const schedule = [
      { id: 'A', start: 0 },
      { id: 'B', start: 2 },
      { id: 'M', start: 3 },
    ];
    expect(checkSchedule(instance, schedule)).toEqual([]);
    expect(periodUsage(instance, schedule).budget).toEqual([50, 50, 60, 10]);
    const [a, b, , m] = instance.initiatives;
    expect(scheduleValue(instance, schedule)).toBeCloseTo(
      startValue(instance, a!, 0) + startValue(instance, b!, 2) + startValue(instance, m!, 3),
      12,
    );
  });

  it('reports every broken constraint', () => {
    const violations = checkSchedule(instance, [
      { id: 'A', start: 3 },
      { id: 'B', start: 1 },
      { id: 'C', start: 1 },
      { id: 'X', start: 0 },
    ]);
    expect(violations.map((v) => v.kind).sort()).toEqual([
      'budget',
      'excludes',
      'horizon',
      'mandatory',
      'requires',
      'unknown',
    ]);
    expect(violations.find((v) => v.kind === 'budget')).toMatchObject({ period: 1 });
  });

  it('checks capacity and duplicates', () => {
    const violations = checkSchedule(
      { ...instance, budget: [1000, 1000, 1000, 1000], capacity: [3, 1, 3, 3] },
      [
        { id: 'A', start: 0 },
        { id: 'B', start: 2 },
        { id: 'M', start: 1 },
        { id: 'M', start: 1 },
      ],
    );
    expect(violations.map((v) => v.kind).sort()).toEqual(['capacity', 'duplicate']);
    expect(violations.find((v) => v.kind === 'capacity')).toMatchObject({ period: 1 });
  });
});
