import { describe, expect, it } from 'vitest';
import { computeKpi } from '../kpi/compute.ts';
import { mapLedgerRows } from './map-rows.ts';

const FIELDS = [
  { id: 'sales_cost', unit: '元', aggregation: 'sum' as const },
  { id: 'inventory_balance', unit: '元', aggregation: 'avg' as const },
  { id: 'failure_downtime', unit: '分钟', aggregation: 'sum' as const },
];
const HEADER = ['记账日期', '销售成本（万元）', '存货余额(元)', '故障停机/小时'];
const rows = (cells: (string | null)[][]) => cells.map((c, k) => ({ cells: c, row: k + 2 }));

describe('mapping ledger rows onto data fields', () => {
  const mapping = {
    date: '记账日期',
    fields: { sales_cost: '销售成本', inventory_balance: '存货余额', failure_downtime: '故障停机' },
  };

  it('reads dates and numbers as ledgers write them and converts the header units to the field units', () => {
    const r = mapLedgerRows(
      HEADER,
      rows([
        ['2025/1/31', '1.5', '10,000', '2'],
        ['2025年2月28日', '０.５', '(100)', ''],
      ]),
      mapping,
      FIELDS,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        ref: 2,
        date: '2025-01-31',
        values: { sales_cost: 15000, inventory_balance: 10000, failure_downtime: 120 },
      },
      {
        ref: 3,
        date: '2025-02-28',
        values: { sales_cost: 5000, inventory_balance: -100, failure_downtime: null },
      },
    ]);
  });

  it('names the row and column of every cell it cannot read, and keeps the rest of the row', () => {
    const r = mapLedgerRows(
      HEADER,
      rows([
        ['2025-02-30', '1', '1', '1'],
        ['', '1', '1', '1'],
        ['2025-03-01', '一万', '1', '1'],
      ]),
      mapping,
      FIELDS,
    );
    expect(r.problems).toEqual([
      { row: 2, column: 1, header: '记账日期', message: '"2025-02-30" is not a date: the row is left out' },
      { row: 3, column: 1, header: '记账日期', message: 'no date: the row is left out' },
      { row: 4, column: 2, header: '销售成本（万元）', message: '"一万" is not a number' },
    ]);
    expect(r.rows).toEqual([
      {
        ref: 4,
        date: '2025-03-01',
        values: { sales_cost: null, inventory_balance: 1, failure_downtime: 60 },
      },
    ]);
  });

  it('refuses a mapping onto a missing column or a unit that does not convert', () => {
    const r = mapLedgerRows(
      ['日期', '销售成本（件）'],
      [],
      { date: '日期', fields: { sales_cost: '销售成本', inventory_balance: '存货' } },
      FIELDS,
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      "the header's unit 件 does not convert to sales_cost's unit 元",
      'no column 存货 in the header',
    ]);
  });

  it('reads Excel serial dates when the column is known to hold them, and feeds KPI computation', () => {
    const r = mapLedgerRows(
      HEADER,
      rows([
        ['45688', '3', '10000', ''],
        ['45672', '', '30000', ''],
      ]),
      { ...mapping, serialDates: true },
      FIELDS,
    );
    expect(r.rows.map((x) => x.date)).toEqual(['2025-01-31', '2025-01-15']);
    const turnover = computeKpi(
      { id: 'inventory-turnover', formula: 'sales_cost ÷ avg(inventory_balance)', period: 'month' },
      FIELDS,
      r.rows,
    );
    expect(turnover).toEqual({
      ok: true,
      values: [{ period: '2025-01', ok: true, value: 1.5, rows: [2, 3] }],
      undated: [],
    });
  });
});
