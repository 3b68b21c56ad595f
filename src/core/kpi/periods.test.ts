import { describe, expect, it } from 'vitest';
import { periodBounds, periodKind } from './periods.ts';

describe('period keys', () => {
  it('tells a month, a quarter and a year apart, and nothing else', () => {
    expect(['2025-01', '2025-Q4', '2025', '2025-Q5', 'x', '2025-1'].map(periodKind)).toEqual([
      'month',
      'quarter',
      'year',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('gives the first and last day of a period, leap Februaries included', () => {
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('2025-Q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodBounds('2025-Q4')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodBounds('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
