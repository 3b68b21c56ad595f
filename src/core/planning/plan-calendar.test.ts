import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  horizonLabel,
  horizonYears,
  nextQuarter,
  periodLabel,
  periodRangeLabel,
  periodSpan,
  periodYear,
  type PlanStart,
} from './plan-calendar.ts';

const Q1_2027: PlanStart = { year: 2027, quarter: 1 };
const start = fc.record({
  year: fc.integer({ min: 2000, max: 2100 }),
  quarter: fc.integer({ min: 1, max: 4 }),
});
const perYear = fc.integer({ min: 1, max: 12 });

describe('plan calendar: periods in real quarters and years', () => {
  it('labels quarters, half-years, years and months of the calendar', () => {
    expect(periodLabel(Q1_2027, 4, 0, 'zh')).toBe('2027年Q1');
    expect(periodLabel(Q1_2027, 4, 0, 'en')).toBe('2027 Q1');
    expect(periodLabel({ year: 2027, quarter: 3 }, 4, 2, 'zh')).toBe('2028年Q1');
    expect(periodLabel(Q1_2027, 4, 7, 'en')).toBe('2028 Q4');
    expect(periodLabel(Q1_2027, 2, 1, 'zh')).toBe('2027年下半年');
    expect(periodLabel(Q1_2027, 2, 2, 'en')).toBe('2028 H1');
    expect(periodLabel(Q1_2027, 1, 2, 'zh')).toBe('2029年');
    expect(periodLabel(Q1_2027, 1, 0, 'en')).toBe('2027');
    expect(periodLabel(Q1_2027, 12, 13, 'zh')).toBe('2028年2月');
    expect(periodLabel(Q1_2027, 12, 13, 'en')).toBe('Feb 2028');
    expect(periodLabel(Q1_2027, 3, 1, 'zh')).toBe('2027年5—8月');
    expect(periodLabel(Q1_2027, 3, 1, 'en')).toBe('May–Aug 2027');
    expect(periodLabel(Q1_2027, 5, 1, 'zh')).toBe('2027年3月起');
    expect(periodLabel(Q1_2027, 5, 1, 'en')).toBe('from Mar 2027');
  });

  it('names the quarters of a half-year or year that does not line up with the calendar', () => {
    expect(periodLabel({ year: 2027, quarter: 2 }, 2, 0, 'zh')).toBe('2027年Q2—Q3');
    expect(periodLabel({ year: 2027, quarter: 4 }, 2, 0, 'zh')).toBe('2027年Q4—2028年Q1');
    expect(periodLabel({ year: 2027, quarter: 4 }, 2, 0, 'en')).toBe('2027 Q4–2028 Q1');
    expect(periodLabel({ year: 2027, quarter: 3 }, 1, 0, 'en')).toBe('2027 Q3–2028 Q2');
  });

  it('the horizon and its years: eight quarters from 2027 Q1 are 2027—2028, not 2026—2028', () => {
    expect(horizonLabel(Q1_2027, 4, 8, 'zh')).toBe('2027年Q1—2028年Q4');
    expect(horizonLabel(Q1_2027, 4, 8, 'en')).toBe('2027 Q1–2028 Q4');
    expect(horizonYears(Q1_2027, 4, 8)).toEqual({ first: 2027, last: 2028 });
    expect(horizonYears({ year: 2027, quarter: 3 }, 4, 8)).toEqual({ first: 2027, last: 2029 });
  });

  it('a range says its year once when both ends share it', () => {
    expect(periodRangeLabel(Q1_2027, 4, 0, 2, 'zh')).toBe('2027年Q1—Q3');
    expect(periodRangeLabel(Q1_2027, 4, 0, 2, 'en')).toBe('2027 Q1–Q3');
    expect(periodRangeLabel(Q1_2027, 4, 3, 4, 'zh')).toBe('2027年Q4—2028年Q1');
    expect(periodRangeLabel(Q1_2027, 4, 5, 5, 'en')).toBe('2028 Q2');
    expect(periodRangeLabel(Q1_2027, 2, 0, 1, 'zh')).toBe('2027年上半年—下半年');
    expect(periodRangeLabel({ year: 2027, quarter: 2 }, 2, 0, 1, 'zh')).toBe('2027年Q2—2028年Q1');
  });

  it('a new plan starts in the quarter after today, rolling over the year after Q4', () => {
    expect(nextQuarter(new Date('2026-12-02T00:00:00Z'))).toEqual({ year: 2027, quarter: 1 });
    expect(nextQuarter(new Date('2026-01-01T00:00:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(nextQuarter(new Date('2026-09-30T23:00:00Z'))).toEqual({ year: 2026, quarter: 4 });
  });

  it('periods are consecutive: each starts where the one before ends, the first at the start quarter', () => {
    fc.assert(
      fc.property(start, perYear, fc.integer({ min: 1, max: 40 }), (s, ppy, periods) => {
        expect(periodSpan(s, ppy, 0).from).toBe(s.year * 12 + (s.quarter - 1) * 3);
        for (let t = 0; t + 1 < periods; t++) {
          const span = periodSpan(s, ppy, t);
          expect(span.to).toBeGreaterThan(span.from);
          expect(periodSpan(s, ppy, t + 1).from).toBe(span.to);
        }
        // a year of periods is a year of months: no gap, no overlap
        expect(periodSpan(s, ppy, ppy).from - periodSpan(s, ppy, 0).from).toBe(12);
      }),
    );
  });

  it('labels are distinct within a horizon, and years roll over after the last period of a year', () => {
    fc.assert(
      fc.property(start, perYear, fc.integer({ min: 1, max: 40 }), (s, ppy, periods) => {
        for (const lang of ['zh', 'en'] as const) {
          const labels = Array.from({ length: periods }, (_, t) => periodLabel(s, ppy, t, lang));
          expect(new Set(labels).size).toBe(periods);
        }
        for (let t = 0; t + 1 < periods; t++) {
          const year = periodYear(s, ppy, t);
          const next = periodYear(s, ppy, t + 1);
          expect(next === year || next === year + 1).toBe(true);
        }
      }),
    );
  });

  it('quarterly labels step Q1 → Q2 → Q3 → Q4 → next year Q1', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 39 }), (s, t) => {
        const [year, q] = periodLabel(s, 4, t, 'en').split(' Q').map(Number) as [number, number];
        const [nextYear, nextQ] = periodLabel(s, 4, t + 1, 'en')
          .split(' Q')
          .map(Number) as [number, number];
        if (q === 4) expect([nextYear, nextQ]).toEqual([year + 1, 1]);
        else expect([nextYear, nextQ]).toEqual([year, q + 1]);
        expect(periodLabel(s, 4, t, 'zh')).toBe(`${year}年Q${q}`);
      }),
    );
  });
});
