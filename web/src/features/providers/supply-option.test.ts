import { describe, expect, it } from 'vitest';
import type { SupplyDemandView } from '../../../../src/contracts/providers.ts';
import { supplyOption } from './supply-option.ts';

const view: SupplyDemandView = {
  scenarios: [
    {
      scenario: 'GEN-PM-01',
      enterprises: 3,
      initiatives: 4,
      providers: ['a', 'b'],
      withProduct: 1,
      products: 2,
      providersPerEnterprise: 0.7,
    },
    {
      scenario: 'GEN-BM-02',
      enterprises: 2,
      initiatives: 2,
      providers: [],
      withProduct: 0,
      products: 0,
      providersPerEnterprise: 0,
    },
  ],
  uncovered: ['GEN-BM-02'],
  singleProvider: [],
  coverage: 0.5,
  enterprises: 3,
  providers: 2,
  poolId: null,
};
const words = {
  demand: '需求企业',
  supply: '覆盖服务商',
  uncovered: '无人覆盖',
  initiatives: '举措',
  label: (code: string) => (code === 'GEN-BM-02' ? `${code} <img src=x onerror=alert(1)>` : code),
};

type Option = {
  tooltip: { formatter: (p: { dataIndex: number }[]) => string };
  yAxis: { data: string[]; axisLabel: { color: (c: string) => string } };
  series: { data: (number | { value: number; itemStyle: { color: string } })[] }[];
};

describe('supply against demand chart', () => {
  const option = supplyOption(view, words, false) as unknown as Option;

  it('escapes the scenario label in the tooltip and says when no provider covers it', () => {
    // rows are drawn bottom-up: index 0 is the last scenario
    const tip = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tip).not.toContain('<img');
    expect(tip).toContain('无人覆盖');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).not.toContain('无人覆盖');
  });

  it('marks the uncovered scenario red on its label and demand bar, and counts supply per scenario', () => {
    expect(option.yAxis.data).toEqual(['GEN-BM-02', 'GEN-PM-01']);
    expect(option.yAxis.axisLabel.color('GEN-BM-02')).toBe('#cf1322');
    expect(option.yAxis.axisLabel.color('GEN-PM-01')).not.toBe('#cf1322');
    expect(option.series[0]!.data[0]).toEqual({ value: 2, itemStyle: { color: '#cf1322' } });
    expect(option.series[1]!.data).toEqual([0, 2]);
  });
});
