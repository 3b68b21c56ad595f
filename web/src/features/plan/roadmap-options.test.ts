import { describe, expect, it } from 'vitest';
import type { PlanView } from './api.ts';
import { budgetOption, ganttOption, ganttRowHeight } from './roadmap-options.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A solved plan with only the fields the roadmap charts read; the initiative's id and name are hostile. */
const plan = {
  settings: { periods: 4, periodsPerYear: 2, discountRate: 0.08, benefitYears: 5, budget: [10, 10, 10, 10] },
  initiatives: [{ id: `X-${HOSTILE}`, duration: 2, category: 'production' }],
  solution: {
    result: { schedule: [{ id: `X-${HOSTILE}`, start: 1 }] },
    usage: { budget: [0, 5, 5, 0], effort: [] },
  },
} as unknown as PlanView;

const labels = {
  period: (p: number) => `${HOSTILE}${p}`,
  name: (id: string) => `${HOSTILE} ${id}`,
  used: HOSTILE,
  budget: HOSTILE,
  effort: HOSTILE,
};

type Formatter = (p: { dataIndex: number; seriesIndex: number }) => string;

describe('ganttOption', () => {
  it('escapes the initiative id, its name and the periods in the bar tooltip (HTML)', () => {
    const option = ganttOption(plan, labels, false) as { tooltip: { formatter: Formatter } };
    const tooltip = option.tooltip.formatter({ dataIndex: 0, seriesIndex: 1 });
    expect(tooltip).not.toMatch(/<img/i);
    expect(tooltip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // the one tag is the line break written in the code
    expect(tooltip.match(/</g)).toHaveLength(1);
    expect(tooltip).toContain('<br />');
  });

  it('shows no tooltip on the transparent lead-in bar', () => {
    const option = ganttOption(plan, labels, false) as { tooltip: { formatter: Formatter } };
    expect(option.tooltip.formatter({ dataIndex: 0, seriesIndex: 0 })).toBe('');
  });

  it('leaves the canvas labels as plain text (drawn, not parsed as HTML)', () => {
    const option = ganttOption(plan, labels, false) as { yAxis: { data: string[] } };
    expect(option.yAxis.data[0]).toContain(HOSTILE);
  });
});

describe('ganttOption per width', () => {
  const named = {
    ...plan,
    initiatives: [{ id: 'GEN-PM-03', duration: 2, category: 'production' }],
    solution: { ...plan.solution, result: { schedule: [{ id: 'GEN-PM-03', start: 1 }] } },
  } as unknown as PlanView;
  const plain = { ...labels, name: () => '生产流程优化' };
  type Axis = {
    yAxis: { data: string[]; axisLabel: { width: number } };
    series: { label?: { show: boolean } }[];
  };

  it('names every initiative on a wide screen: code and name on one line, the code on the bar', () => {
    const option = ganttOption(named, plain, false) as Axis;
    expect(option.yAxis.data).toEqual(['GEN-PM-03 生产流程优化']);
    expect(option.series[1]?.label?.show).toBe(true);
  });

  it('keeps the name on a tablet: the code over the name, no code on the bar, taller rows', () => {
    const option = ganttOption(named, plain, true) as Axis;
    expect(option.yAxis.data).toEqual(['GEN-PM-03\n生产流程优化']);
    expect(option.yAxis.axisLabel.width).toBeLessThan(220);
    expect(option.series[1]?.label?.show).toBe(false);
    expect(ganttRowHeight(true)).toBeGreaterThan(ganttRowHeight(false));
  });
});

describe('budgetOption', () => {
  it('uses the default axis tooltip, which ECharts escapes itself', () => {
    const option = budgetOption(plan, labels) as { tooltip: { formatter?: unknown } };
    expect(option.tooltip.formatter).toBeUndefined();
  });
});
