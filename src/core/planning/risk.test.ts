import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskEntry } from './risk.ts';
import { assessRisk, riskBand, riskEntryProblems, riskScore, summariseRisks } from './risk.ts';

const entry = (
  id: string,
  likelihood: number,
  impact: number,
  exposure?: number,
  initiativeId?: string,
): RiskEntry => ({
  id,
  title: id,
  likelihood,
  impact,
  mitigation: 'm',
  ...(exposure === undefined ? {} : { exposure }),
  ...(initiativeId === undefined ? {} : { initiativeId }),
});

describe('risk score and band', () => {
  it('bands the 5×5 matrix', () => {
    expect(riskBand(riskScore(1, 4))).toBe('low');
    expect(riskBand(riskScore(1, 5))).toBe('medium');
    expect(riskBand(riskScore(3, 3))).toBe('medium');
    expect(riskBand(riskScore(2, 5))).toBe('high');
    expect(riskBand(riskScore(4, 4))).toBe('high');
    expect(riskBand(riskScore(4, 5))).toBe('critical');
    expect(riskBand(riskScore(5, 5))).toBe('critical');
  });

  it('rejects levels outside 1–5', () => {
    expect(() => riskScore(0, 3)).toThrow(RangeError);
    expect(() => riskScore(3, 2.5)).toThrow(RangeError);
    expect(riskEntryProblems(entry('R1', 6, 0))).toEqual([
      'risk R1: likelihood must be an integer 1–5 (got 6)',
      'risk R1: impact must be an integer 1–5 (got 0)',
    ]);
  });

  it('band is monotone in the score (property)', () => {
    const order = { low: 0, medium: 1, high: 2, critical: 3 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (l, i, j) => {
          const [lo, hi] = i <= j ? [i, j] : [j, i];
          expect(order[riskBand(riskScore(l, lo))]).toBeLessThanOrEqual(order[riskBand(riskScore(l, hi))]);
        },
      ),
    );
  });
});

describe('summariseRisks', () => {
  it('counts per band, ranks top risks and sums expected loss', () => {
    const summary = summariseRisks(
      [
        entry('A', 5, 5, 100, 'X'),
        entry('B', 1, 1),
        entry('C', 4, 5, 10, 'X'),
        entry('D', 5, 4, 0, 'Y'),
        entry('E', 3, 3, 20),
      ],
      3,
    );
    expect(summary.count).toBe(5);
    expect(summary.byBand).toEqual({ low: 1, medium: 1, high: 0, critical: 3 });
    // C (4×5) beats D (5×4) on impact
    expect(summary.top.map((r) => r.id)).toEqual(['A', 'C', 'D']);
    expect(summary.expectedLoss).toBeCloseTo(0.9 * 100 + 0.7 * 10 + 0.5 * 20, 12);
    expect(summary.expectedLossByInitiative).toEqual({ X: 97, Y: 0 });
    expect(assessRisk(entry('B', 1, 1)).expectedLoss).toBe(0);
  });
});
