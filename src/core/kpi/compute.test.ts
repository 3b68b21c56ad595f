import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataField } from './catalogue-schema.ts';
import { compareToTarget, computeKpi, type LedgerRow } from './compute.ts';
import { periodDays, periodOf, previousPeriod } from './periods.ts';

const fields: Pick<DataField, 'id' | 'aggregation'>[] = [
  { id: 'pbt', aggregation: 'sum' },
  { id: 'apt', aggregation: 'sum' },
  { id: 'std', aggregation: 'sum' },
  { id: 'pq', aggregation: 'sum' },
  { id: 'gq', aggregation: 'sum' },
  { id: 'revenue', aggregation: 'sum' },
  { id: 'cogs', aggregation: 'sum' },
  { id: 'inventory', aggregation: 'avg' },
];
const OEE = {
  id: 'oee',
  formula: '(apt ÷ pbt) × (std ÷ apt) × (gq ÷ pq) × 100',
  period: 'month' as const,
};

const row = (ref: number, date: string, values: LedgerRow['values']): LedgerRow => ({ ref, date, values });

describe('periods', () => {
  it('names the month, quarter and year of a date, their days and the period before', () => {
    expect(['month', 'quarter', 'year'].map((p) => periodOf('2024-02-29', p as 'month'))).toEqual([
      '2024-02',
      '2024-Q1',
      '2024',
    ]);
    expect(periodOf('2025-02-29', 'month')).toBeUndefined();
    expect(periodOf('2025/1/7', 'month')).toBeUndefined();
    expect([periodDays('2024-02'), periodDays('2025-Q1'), periodDays('2024'), periodDays('2025-Q4')]).toEqual(
      [29, 90, 366, 92],
    );
    expect([
      previousPeriod('2025-01'),
      previousPeriod('2025-Q1'),
      previousPeriod('2025-Q3'),
      previousPeriod('2025'),
    ]).toEqual(['2024-12', '2024-Q4', '2025-Q2', '2024']);
  });
});

describe('computing KPIs per period', () => {
  it('computes OEE = availability × performance × quality per month with the rows behind each value', () => {
    const rows = [
      // January: PBT 960, APT 800, standard time 720, 1000 made, 950 good → 0.8333 × 0.9 × 0.95 = 71.25 %
      row(2, '2025-01-07', { pbt: 480, apt: 400, std: 360, pq: 500, gq: 480 }),
      row(3, '2025-01-08', { pbt: 480, apt: 400, std: 360, pq: 500, gq: 470 }),
      row(4, '2025-02-03', { pbt: 480, apt: 480, std: 480, pq: 100, gq: 100 }),
      row(5, '2025-02-04', { revenue: 10 }), // feeds no field of OEE: not in the trace
    ];
    const r = computeKpi(OEE, fields, rows);
    if (!r.ok) throw new Error(r.message);
    expect(
      r.values.map((v) => [v.period, v.ok ? Number(v.value.toFixed(4)) : v.problem.kind, v.rows]),
    ).toEqual([
      ['2025-01', 71.25, [2, 3]],
      ['2025-02', 100, [4]],
    ]);
    const q = computeKpi(OEE, fields, rows, 'quarter');
    if (!q.ok) throw new Error(q.message);
    expect(q.values.map((v) => [v.period, v.rows])).toEqual([['2025-Q1', [2, 3, 4]]]);
  });

  it('refuses a period finer than the catalogue says, and a formula that does not parse', () => {
    expect(computeKpi({ ...OEE, period: 'year' }, fields, [], 'month')).toEqual({
      ok: false,
      message: 'oee is computed per year or coarser, not per month',
    });
    expect(computeKpi({ ...OEE, formula: 'apt ÷' }, fields, [])).toMatchObject({ ok: false });
  });

  it('reads the period before for prev(…) and traces its rows too; the first period has no period before', () => {
    const growth = {
      id: 'g',
      formula: '(revenue - prev(revenue)) ÷ prev(revenue) × 100',
      period: 'year' as const,
    };
    const rows = [
      row(1, '2023-03-01', { revenue: 50 }),
      row(2, '2023-09-01', { revenue: 50 }),
      row(3, '2024-05-01', { revenue: 120 }),
    ];
    const r = computeKpi(growth, fields, rows);
    if (!r.ok) throw new Error(r.message);
    expect(r.values[0]).toMatchObject({
      period: '2023',
      ok: false,
      problem: { kind: 'missing-data', field: 'revenue' },
    });
    expect(r.values[1]).toEqual({ period: '2024', ok: true, value: 20, rows: [1, 2, 3] });
  });

  it('turns inventory by average inventory, and its days with days(); a zero divisor is a problem, not Infinity', () => {
    const turnover = { id: 't', formula: 'cogs ÷ avg(inventory)', period: 'month' as const };
    const days = { id: 'd', formula: 'days() × inventory ÷ cogs', period: 'month' as const };
    const rows = [
      row(1, '2025-01-31', { cogs: 300, inventory: 100 }),
      row(2, '2025-01-15', { inventory: 200 }),
      row(3, '2025-02-28', { cogs: 0, inventory: 100 }),
    ];
    const t = computeKpi(turnover, fields, rows);
    const d = computeKpi(days, fields, rows);
    if (!t.ok || !d.ok) throw new Error('does not compute');
    expect(t.values.map((v) => (v.ok ? v.value : v.problem.kind))).toEqual([2, 0]);
    expect(d.values.map((v) => (v.ok ? v.value : v.problem.kind))).toEqual([15.5, 'divide-by-zero']);
  });

  it('lists rows with no real date apart, and reports a field the catalogue lacks', () => {
    const r = computeKpi({ id: 'x', formula: 'revenue + nope', period: 'month' }, fields, [
      row(1, '2025-13-01', { revenue: 1 }),
      row(2, '2025-01-01', { revenue: 1, nope: 2 }),
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.undated).toEqual([1]);
    expect(r.values[0]).toMatchObject({ ok: false, problem: { kind: 'unknown-field', field: 'nope' } });
  });

  it('a sum-field KPI per year equals the sum of its months (property)', () => {
    const dates = fc
      .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ m, d }) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: dates, v: fc.integer({ min: 0, max: 1e6 }) }), { minLength: 1 }),
        (xs) => {
          const rows = xs.map((x, k) => row(k, x.date, { revenue: x.v }));
          const kpi = { id: 'r', formula: 'revenue', period: 'month' as const };
          const months = computeKpi(kpi, fields, rows);
          const year = computeKpi(kpi, fields, rows, 'year');
          if (!months.ok || !year.ok) throw new Error('does not compute');
          const total = months.values.reduce((s, v) => s + (v.ok ? v.value : 0), 0);
          expect(year.values).toHaveLength(1);
          expect(year.values[0]).toMatchObject({ ok: true, value: total });
          expect(year.values[0]!.rows).toHaveLength(rows.length);
        },
      ),
    );
  });
});

describe('baseline, target and actual', () => {
  it('reads the direction: up KPIs improve by rising, down KPIs by falling', () => {
    expect(compareToTarget({ baseline: 60, target: 75, actual: 70, direction: 'up' })).toEqual({
      change: 10,
      improved: true,
      met: false,
      progress: 10 / 15,
    });
    expect(compareToTarget({ baseline: 30, target: 20, actual: 18, direction: 'down' })).toEqual({
      change: -12,
      improved: true,
      met: true,
      progress: 1.2,
    });
    expect(compareToTarget({ baseline: 30, target: 20, actual: 33, direction: 'down' })).toMatchObject({
      improved: false,
      met: false,
    });
    expect(compareToTarget({ baseline: 5, target: 5, actual: 5, direction: 'up' })).toEqual({
      change: 0,
      improved: false,
      met: true,
      progress: undefined,
    });
  });
});
