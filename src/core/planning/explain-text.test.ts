import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notSelectedText, periodRanges, periodsText } from './explain-text.ts';
import { periodLabel } from './plan-calendar.ts';
import type { NotSelected } from './plan-result.ts';

type Facts = Omit<NotSelected, 'reason'>;

const both = (item: Facts, names?: ReadonlyMap<string, string>) => ({
  zh: notSelectedText(item, 'zh', names),
  en: notSelectedText(item, 'en', names),
});

describe('periodRanges / periodsText', () => {
  it('compresses consecutive periods and counts from 1', () => {
    expect(periodRanges([0, 1, 2, 5, 6])).toEqual([
      [0, 2],
      [5, 6],
    ]);
    expect(periodsText([0, 1, 2, 5, 6], 'zh')).toBe('第1–3、6–7期');
    expect(periodsText([0, 1, 2, 5, 6], 'en')).toBe('periods 1–3, 6–7');
    expect(periodsText([6, 5, 0, 2, 1, 1], 'zh')).toBe('第1–3、6–7期');
    expect(periodsText([3], 'zh')).toBe('第4期');
    expect(periodsText([3], 'en')).toBe('period 4');
    expect(periodsText([0, 2, 4], 'en')).toBe('periods 1, 3, 5');
  });

  it('covers exactly the given periods with separated ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), (periods) => {
        const ranges = periodRanges(periods);
        const covered = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k));
        expect(covered).toEqual([...new Set(periods)].sort((x, y) => x - y));
        ranges.forEach(([a, b], k) => {
          expect(a).toBeLessThanOrEqual(b);
          const next = ranges[k + 1];
          if (next) expect(next[0]).toBeGreaterThan(b + 1);
        });
      }),
    );
  });
});

describe('notSelectedText', () => {
  const budget = {
    periods: [0, 1, 2, 3, 4, 5, 6, 7],
    used: [77.95, 77.95, 77.95, 77.95, 77.95, 77.95, 77.95, 77.95],
    available: [95, 95, 95, 95, 95, 95, 95, 95],
    needPerPeriod: 77.95,
  };

  it('budget-bound: the use is summarised once, periods compressed', () => {
    expect(both({ id: 'X', kind: 'budget-bound', periods: budget.periods, budget })).toEqual({
      zh: '预算受限：第1–8期预算均已用 77.95/95 万元，本举措每期需 77.95 万元',
      en: 'budget binding in periods 1–8 (77.95 of 95 used each); needs 77.95 per period',
    });
  });

  it('names the periods in calendar time when the plan’s labels are given', () => {
    const start = { year: 2027, quarter: 3 };
    const label = (lang: 'zh' | 'en') => (p: number) => periodLabel(start, 4, p, lang);
    const item: Facts = { id: 'X', kind: 'budget-bound', periods: budget.periods, budget };
    expect(notSelectedText(item, 'zh', undefined, label('zh'))).toBe(
      '预算受限：2027年Q3—2029年Q2预算均已用 77.95/95 万元，本举措每期需 77.95 万元',
    );
    expect(notSelectedText(item, 'en', undefined, label('en'))).toBe(
      'budget binding in 2027 Q3–2029 Q2 (77.95 of 95 used each); needs 77.95 per period',
    );
    expect(
      notSelectedText(
        { id: 'X', kind: 'prerequisite', by: 'A', byLastPeriod: 2, duration: 2 },
        'zh',
        undefined,
        label('zh'),
      ),
    ).toBe('前置条件完成太晚：A 2028年Q1才完成，本举措（需 2 期）无法在规划期内完成');
    expect(periodsText([0, 1, 5], 'en', label('en'))).toBe('2027 Q3–2027 Q4, 2028 Q4');
  });

  it('budget-bound: a few different uses are listed, many give the largest headroom', () => {
    const few = { periods: [1, 2, 4], used: [50, 50, 80], available: [100, 100, 100], needPerPeriod: 60 };
    expect(both({ id: 'X', kind: 'budget-bound', budget: few })).toEqual({
      zh: '预算受限：第2–3、5期预算不足（第2–3期已用 50/100，第5期已用 80/100 万元），本举措每期需 60 万元',
      en: 'budget binding in periods 2–3, 5 (50 of 100 used in periods 2–3, 80 of 100 used in period 5); needs 60 per period',
    });
    const many = {
      periods: [0, 1, 2, 3],
      used: [10, 20, 30, 40.5],
      available: [50, 50, 50, 50],
      needPerPeriod: 45,
    };
    expect(both({ id: 'X', kind: 'budget-bound', budget: many })).toEqual({
      zh: '预算受限：第1–4期预算剩余至多 40 万元，本举措每期需 45 万元',
      en: 'budget binding in periods 1–4 (at most 40 left); needs 45 per period',
    });
  });

  it('budget-bound with capacity binding too, and a single period', () => {
    const capacity = { periods: [2], used: [3], available: [4], needPerPeriod: 2 };
    expect(
      both({
        id: 'X',
        kind: 'budget-bound',
        budget: { periods: [1, 2], used: [50, 50], available: [100, 100], needPerPeriod: 80 },
        capacity,
      }),
    ).toEqual({
      zh: '预算受限：第2–3期预算均已用 50/100 万元，本举措每期需 80 万元；另外第3期人力已用 3/4 人，本举措每期需 2 人',
      en: 'budget binding in periods 2–3 (50 of 100 used each); needs 80 per period; also capacity binding in period 3 (3 of 4 people used); needs 2 people per period',
    });
  });

  it('capacity-bound', () => {
    const capacity = { periods: [0, 1, 2], used: [2, 2, 2], available: [4, 4, 4], needPerPeriod: 3 };
    expect(both({ id: 'X', kind: 'capacity-bound', capacity })).toEqual({
      zh: '人力受限：第1–3期人力均已用 2/4 人，本举措每期需 3 人',
      en: 'capacity binding in periods 1–3 (2 of 4 people used each); needs 3 people per period',
    });
  });

  it('prerequisite: not selected, or finishing too late; named when names are given', () => {
    expect(both({ id: 'X', kind: 'prerequisite', by: 'GEN-RD-01' })).toEqual({
      zh: '前置条件未满足：GEN-RD-01 未入选',
      en: 'prerequisite not met: GEN-RD-01 is not selected',
    });
    const names = new Map([['GEN-RD-01', '研发设计协同']]);
    expect(notSelectedText({ id: 'X', kind: 'prerequisite', by: 'GEN-RD-01' }, 'zh', names)).toBe(
      '前置条件未满足：研发设计协同 未入选',
    );
    expect(both({ id: 'X', kind: 'prerequisite', by: 'A', byLastPeriod: 2, duration: 2 })).toEqual({
      zh: '前置条件完成太晚：A 第3期才完成，本举措（需 2 期）无法在规划期内完成',
      en: 'prerequisite finishes too late: A ends in period 3, too late to finish this initiative (2 periods) within the horizon',
    });
  });

  it('negative value', () => {
    expect(both({ id: 'X', kind: 'negative-value', shortfall: 12.345 })).toEqual({
      zh: '价值为负：任何开工时间的净现值都小于零（立即开工仍比成本少 12.35 万元，现值）',
      en: 'negative value: no start has a positive present value (even started at once it falls 12.35 short of its cost)',
    });
    expect(notSelectedText({ id: 'X', kind: 'negative-value' }, 'zh')).toBe(
      '价值为负：任何开工时间的净现值都小于零',
    );
  });

  it('excluded', () => {
    expect(both({ id: 'X', kind: 'excluded', by: 'A' })).toEqual({
      zh: '与已入选的 A 互斥',
      en: 'excluded by selected initiative A',
    });
  });

  it('horizon', () => {
    expect(both({ id: 'C', kind: 'horizon', chain: ['A', 'B', 'C'], chainPeriods: 9, horizon: 8 })).toEqual({
      zh: '超出规划期：前置链 A → B → C 需 9 期，超过 8 期的规划期',
      en: 'beyond the horizon: the prerequisite chain A → B → C takes 9 periods, longer than the 8-period horizon',
    });
  });

  it('gap', () => {
    expect(both({ id: 'X', kind: 'gap', fitsAt: 1, value: 20 })).toEqual({
      zh: '仍可于第2期开工，可增加净现值 20 万元；求解器在最优性差距内停止',
      en: 'it would still fit starting in period 2 (adding 20); the solver stopped within its optimality gap',
    });
  });

  it('words older saved explanations that only carry kind, periods and by', () => {
    expect(both({ id: 'X', kind: 'budget-bound', periods: [0, 1, 2] })).toEqual({
      zh: '预算受限：第1–3期预算不足',
      en: 'budget binding in periods 1–3',
    });
    expect(notSelectedText({ id: 'X', kind: 'capacity-bound' }, 'zh')).toBe(
      '人力受限：任何开工时间人力都不足',
    );
    expect(notSelectedText({ id: 'X', kind: 'horizon' }, 'zh')).toBe('超出规划期：前置链超过规划期');
    expect(notSelectedText({ id: 'X', kind: 'gap' }, 'en')).toMatch(/optimality gap/);
  });
});
