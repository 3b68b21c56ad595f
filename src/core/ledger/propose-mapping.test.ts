import { describe, expect, it } from 'vitest';
import { layoutKey, normaliseHeader, proposeMapping } from './propose-mapping.ts';

const fields = [
  { id: 'revenue', name: { zh: '营业收入', en: 'Operating revenue' }, ledger: 'financial' as const },
  { id: 'total_profit', name: { zh: '利润总额', en: 'Total profit' }, ledger: 'financial' as const },
  {
    id: 'sales_cost',
    name: { zh: '销售成本（营业成本）', en: 'Cost of sales' },
    ledger: 'financial' as const,
  },
  {
    id: 'energy_tce',
    name: { zh: '综合能源消费量', en: 'Total energy consumption' },
    ledger: 'energy' as const,
  },
];

describe('the column-mapping proposal', () => {
  it('normalises a header: unit set aside, full-width folded, case and punctuation dropped', () => {
    expect(normaliseHeader(' 营业收入（万元） ')).toBe('营业收入');
    expect(normaliseHeader('Operating Revenue (元)')).toBe('operatingrevenue');
    expect(normaliseHeader('ＲＥＶＥＮＵＥ')).toBe('revenue');
  });

  it('keys a layout by its sorted headers, so the order of the columns does not matter but a unit does', () => {
    expect(layoutKey(['日期', '营业收入（万元）'])).toBe(layoutKey(['营业收入（万元）', ' 日期']));
    expect(layoutKey(['日期', '营业收入（万元）'])).not.toBe(layoutKey(['日期', '营业收入（元）']));
  });

  it('maps names exactly (1) and by containment (0.6), each field once, and picks the ledger most fields are of', () => {
    const p = proposeMapping(
      ['入账日期', '营业收入（万元）', '营业收入（调整）', '销售成本', '主营利润总额', '备注'],
      [],
      fields,
    );
    expect(p.columns.map((c) => [c.target, c.confidence])).toEqual([
      ['date', 0.8],
      ['revenue', 1],
      [null, 0],
      ['sales_cost', 1],
      ['total_profit', 0.6],
      [null, 0],
    ]);
    expect(p.mapping).toEqual({
      date: '入账日期',
      fields: { revenue: '营业收入（万元）', sales_cost: '销售成本', total_profit: '主营利润总额' },
    });
    expect(p.kind).toBe('financial');
  });

  it('finds an unnamed date column by its cells, and proposes no mapping without one', () => {
    const p = proposeMapping(
      ['A', '综合能源消费量'],
      [
        ['2025/1/7', '3.2'],
        ['2025年1月8日', ''],
      ],
      fields,
    );
    expect(p.columns[0]).toEqual({ header: 'A', target: 'date', confidence: 0.7 });
    expect(p.kind).toBe('energy');
    expect(proposeMapping(['A', '综合能源消费量'], [['x', '1']], fields).mapping).toBeUndefined();
  });
});
