import { describe, expect, it } from 'vitest';
import { explainNotSelected } from './explain.ts';
import { initiative, instanceOf } from './fixtures/tiny-instances.ts';

describe('explainNotSelected', () => {
  const instance = instanceOf(
    [
      initiative('A', { cost: 100, duration: 2, annualBenefit: 300, effort: 2 }),
      initiative('NEG', { cost: 100, annualBenefit: 1 }),
      initiative('DEP', { cost: 10, annualBenefit: 100, requires: ['OFF'] }),
      initiative('OFF', { cost: 1000, annualBenefit: 5000, duration: 1 }),
      initiative('LATE', { cost: 10, duration: 1, annualBenefit: 100, requires: ['A'] }),
      initiative('LONG', { cost: 10, duration: 2, annualBenefit: 100, requires: ['A'] }),
      initiative('EXC', { cost: 10, annualBenefit: 100, excludes: ['A'] }),
      initiative('WIDE', { cost: 240, duration: 3, annualBenefit: 900 }),
      initiative('CREW', { cost: 0, duration: 1, annualBenefit: 100, effort: 3 }),
    ],
    { periods: 3, budget: [100, 100, 100], capacity: [4, 4, 4] },
  );
  // A runs in periods 1–2 (50 per period), so LATE cannot finish after it.
  const schedule = [{ id: 'A', start: 1 }];
  const byId = new Map(explainNotSelected(instance, schedule).map((e) => [e.id, e]));

  it('says why each initiative is missing', () => {
    expect(byId.has('A')).toBe(false);
    expect(byId.get('NEG')?.kind).toBe('negative-value');
    expect(byId.get('DEP')).toMatchObject({ kind: 'prerequisite', by: 'OFF' });
    expect(byId.get('LATE')).toMatchObject({ kind: 'prerequisite', by: 'A' });
    // A runs in periods 1–2 (0-based), i.e. 第2–3期: its last period is 3 in the 1-based text
    expect(byId.get('LATE')).toMatchObject({ byLastPeriod: 2, duration: 1 });
    expect(byId.get('LATE')?.reason).toMatch(
      /A ends in period 3, too late to finish this initiative \(1 period\)/,
    );
    expect(byId.get('DEP')?.reason).toBe('prerequisite not met: OFF is not selected');
    expect(byId.get('NEG')?.shortfall).toBeGreaterThan(0);
    expect(byId.get('LONG')).toMatchObject({
      kind: 'horizon',
      chain: ['A', 'LONG'],
      chainPeriods: 4,
      horizon: 3,
    });
    expect(byId.get('EXC')).toMatchObject({
      kind: 'excluded',
      by: 'A',
      reason: 'excluded by selected initiative A',
    });
  });

  it('names the periods where the budget binds, what is used there and what it needs', () => {
    // OFF needs 1000 in one period: over budget everywhere
    expect(byId.get('OFF')).toMatchObject({
      kind: 'budget-bound',
      periods: [0, 1, 2],
      budget: { periods: [0, 1, 2], used: [0, 50, 50], available: [100, 100, 100], needPerPeriod: 1000 },
    });
    // WIDE needs 80 per period in 0–2; with A's 50 in periods 1 and 2, those bind
    expect(byId.get('WIDE')).toMatchObject({
      kind: 'budget-bound',
      periods: [1, 2],
      budget: { periods: [1, 2], used: [50, 50], available: [100, 100], needPerPeriod: 80 },
    });
    expect(byId.get('WIDE')?.capacity).toBeUndefined();
    // one sentence: periods 1-based and compressed, the use summarised once
    expect(byId.get('WIDE')?.reason).toBe(
      'budget binding in periods 2–3 (50 of 100 used each); needs 80 per period',
    );
  });

  it('reports capacity, and a gap when something still fits', () => {
    // CREW needs 3 people; A uses 2 of 4 in periods 1–2, but period 0 is free: it would fit
    expect(byId.get('CREW')).toMatchObject({ kind: 'gap', fitsAt: 0 });
    expect(byId.get('CREW')?.reason).toMatch(/^it would still fit starting in period 1 \(adding [\d.,]+\)/);
    const tight = explainNotSelected({ ...instance, capacity: [2, 4, 4] }, schedule);
    expect(tight.find((e) => e.id === 'CREW')).toMatchObject({
      kind: 'capacity-bound',
      periods: [0, 1, 2],
      capacity: { periods: [0, 1, 2], used: [0, 2, 2], available: [2, 4, 4], needPerPeriod: 3 },
    });
    expect(tight.find((e) => e.id === 'CREW')?.reason).toBe(
      'capacity binding in periods 1–3 (0 of 2 used in period 1, 2 of 4 used in periods 2–3); needs 3 people per period',
    );
  });
});
