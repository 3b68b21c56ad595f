import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctCounter } from './distinct.ts';
import { patternOf, Profiler, proposeRules, type Profile } from './profiler.ts';
import { RulesFile } from './rules.ts';

const HEADER = ['订单号', '下单日期', '发货日期', '金额（万元）', '状态'];
const ROWS: (string | null)[][] = [
  ['SO-0001', '2025-01-07', '2025/1/9', '1,200.50', '已发货'],
  ['SO-0002', '2025/1/8', '2025年1月8日', '300', '已发货'],
  ['SO-0003', '2025年1月9日', '2025-01-05', '', '已取消'], // ships before it was ordered; no amount
  ['SO-0003', '2025-01-10', '', 'n/a', '待发货'], // duplicate id; amount not a number
  ['SO-0005', '2025-01-11', '2025-01-12', '-5', '已发货'],
];

function profile(
  rows: (string | null)[][],
  options: ConstructorParameters<typeof Profiler>[1] = {},
): Profile {
  const p = new Profiler(HEADER, options);
  rows.forEach((r, k) => p.add(r, k + 2)); // line 1 is the header
  return p.finish('2025-01-31');
}
const col = (p: Profile, name: string) => p.columns.find((c) => c.name === name)!;

describe('profiling a ledger without a rules file', () => {
  const p = profile(ROWS);

  it('infers each column type from mixed formats, and counts nulls, distinct values, min and max', () => {
    expect(p.rows).toBe(5);
    expect(p.columns.map((c) => [c.name, c.type, c.nulls, c.distinct, c.min, c.max])).toEqual([
      ['订单号', 'text', 0, 4, 'SO-0001', 'SO-0005'],
      ['下单日期', 'date', 0, 5, '2025-01-07', '2025-01-11'],
      ['发货日期', 'date', 1, 4, '2025-01-05', '2025-01-12'],
      ['金额（万元）', 'number', 1, 4, -5, 1200.5], // 3 numbers of 4: number, n/a its type violation
      ['状态', 'text', 0, 3, '已发货', '待发货'],
    ]);
    expect(col(p, '订单号').duplicates).toBe(1);
    expect(col(p, '订单号').patterns).toEqual([{ pattern: 'AA-9999', count: 5 }]);
    expect(col(p, '状态').values).toEqual(['已发货', '已取消', '待发货']);
  });

  it('scores completeness and conformity to the inferred type, with the offending rows', () => {
    const amount = col(p, '金额（万元）');
    expect(amount.violations.map((v) => [v.rule, v.dimension, v.checked, v.failed, v.rows])).toEqual([
      ['金额（万元）:required', '完整性', 5, 1, [4]],
      ['金额（万元）:type', '规范性', 4, 1, [5]],
    ]);
    expect(p.dimensions.完整性).toBe(round1((100 + 100 + 80 + 80 + 100) / 5));
    expect(p.dimensions.规范性).toBe(round1((100 * 4 + 75) / 5));
    expect(p.dimensions.可访问性).toBe(100);
    expect(p.dimensions.一致性).toBeNull();
    expect(p.score).toBe(round1((p.dimensions.完整性! + p.dimensions.规范性! + 100) / 3));
    expect(p.proposed).toBe(true);
  });

  it('types a column by what most of its values are, the others its type violations', () => {
    const rows = Array.from(
      { length: 40 },
      (_, k) => ['x', '2025-01-01', '', String(k), ''] as (string | null)[],
    );
    rows[7]![3] = '十二';
    const q = profile(rows);
    expect(col(q, '金额（万元）')).toMatchObject({ type: 'integer', min: 0, max: 39 });
    expect(col(q, '金额（万元）').violations[1]).toMatchObject({ failed: 1, rows: [9], score: 97.5 });
    expect(col(q, '发货日期')).toMatchObject({ type: 'empty', nulls: 40, distinct: 0, min: null, max: null });
  });
});

describe('profiling against a rules file', () => {
  const rules = RulesFile.parse({
    asOf: '2025-03-31',
    columns: {
      订单号: { required: true, unique: true, pattern: '^SO-\\d{4}$' },
      下单日期: { type: 'date', freshness: { maxAgeDays: 30 } },
      金额: { type: 'number', range: { min: 0, max: 10000 } },
      状态: { values: ['已发货', '已取消'] },
      客户: { required: true },
    },
    checks: [{ id: 'ship-after-order', check: '发货日期 >= 下单日期' }],
  });
  const p = profile(ROWS, { rules });
  const rule = (id: string) => p.rules.find((r) => r.rule === id)!;

  it('checks each rule and keeps the offending row numbers', () => {
    expect(rule('订单号:unique')).toMatchObject({ dimension: '准确性', checked: 5, failed: 1, rows: [5] });
    expect(rule('订单号:pattern')).toMatchObject({ dimension: '规范性', failed: 0 });
    expect(rule('金额（万元）:type')).toMatchObject({ failed: 1, rows: [5] });
    expect(rule('金额（万元）:range')).toMatchObject({ checked: 3, failed: 1, rows: [6] });
    expect(rule('状态:values')).toMatchObject({ failed: 1, rows: [5] });
    expect(rule('ship-after-order')).toMatchObject({
      dimension: '一致性',
      checked: 4,
      failed: 1,
      rows: [4],
      columns: ['发货日期', '下单日期'],
    });
    expect(rule('下单日期:freshness')).toMatchObject({
      dimension: '时效性',
      failed: 1,
      message: 'latest date 2025-01-11 is more than 30 days before 2025-03-31',
    });
    expect(rule('客户:required')).toMatchObject({ failed: 1, message: 'the file has no column 客户' });
  });

  it('finds a rule by the header without its unit, and scores rules, columns, dimensions and overall', () => {
    expect(col(p, '金额（万元）').violations.map((v) => v.rule)).toEqual([
      '金额（万元）:type',
      '金额（万元）:range',
    ]);
    expect(col(p, '发货日期').violations.map((v) => v.rule)).toEqual(['ship-after-order']);
    expect(rule('ship-after-order').score).toBe(75);
    expect(p.dimensions.时效性).toBe(0);
    expect(p.dimensions.一致性).toBe(75);
    expect(p.proposed).toBe(false);
    const dims = Object.values(p.dimensions).filter((d): d is number => d !== null);
    expect(p.score).toBe(round1(dims.reduce((s, d) => s + d, 0) / dims.length));
  });

  it('fails a row with the wrong number of cells or undecodable text (可访问性)', () => {
    const q = profile([
      ...ROWS,
      ['SO-0006', '2025-01-12'],
      ['SO-0007', '2025-01-12', '', '1', '\uFFFD\uFFFD'],
    ]);
    expect(q.rules.find((r) => r.kind === 'readable')).toMatchObject({ checked: 7, failed: 2, rows: [7, 8] });
  });

  it('proposes rules from the data that the same data then passes', () => {
    const proposed = proposeRules(profile(ROWS.filter((_, k) => k !== 3)));
    expect(proposed.columns.订单号).toEqual({ type: 'text', required: true, unique: true });
    expect(proposed.columns['金额（万元）']).toEqual({ type: 'number', range: { min: -5, max: 1200.5 } });
    const again = profile(
      ROWS.filter((_, k) => k !== 3),
      { rules: RulesFile.parse(proposed) },
    );
    expect(again.rules.filter((r) => r.failed > 0)).toEqual([]);
  });
});

describe('bounded memory', () => {
  it('keeps only the first offending rows', () => {
    const rows = Array.from({ length: 500 }, () => ['', '', '', '', ''] as (string | null)[]);
    const p = profile(rows, { keepRows: 10 });
    expect(col(p, '订单号').violations[0]).toMatchObject({
      failed: 500,
      rows: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
  });

  it('counts distinct values exactly up to its limit, then estimates within 3 %', () => {
    const d = new DistinctCounter(1000);
    for (let k = 0; k < 1000; k++) d.add(`v${k % 700}`);
    expect([d.exact, d.count]).toEqual([true, 700]);
    for (let k = 0; k < 200_000; k++) d.add(`v${k}`);
    expect(d.exact).toBe(false);
    expect(Math.abs(d.count - 200_000) / 200_000).toBeLessThan(0.03);
    const small = new DistinctCounter(10);
    for (let k = 0; k < 5000; k++) small.add(String(k % 3000));
    expect(Math.abs(small.count - 3000) / 3000).toBeLessThan(0.03);
  });

  it('nulls + non-null = rows, distinct ≤ non-null, for any cells (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 4 })), {
            minLength: 5,
            maxLength: 5,
          }),
        ),
        (rows) => {
          const p = profile(rows);
          for (const c of p.columns) {
            const nonNull = rows.filter((r) => (r[p.columns.indexOf(c)] ?? '').trim() !== '').length;
            expect(c.nulls).toBe(rows.length - nonNull);
            expect(c.distinct + c.duplicates).toBe(nonNull);
          }
          for (const v of Object.values(p.dimensions)) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('patterns', () => {
  it('shapes digits, letters and Chinese characters', () => {
    expect(patternOf('SO-2025/ab 张三')).toBe('AA-9999/aa 汉汉');
    expect(patternOf('x'.repeat(30))).toBe(`${'a'.repeat(24)}…`);
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
