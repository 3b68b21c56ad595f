import { describe, expect, it } from 'vitest';
import type { PlanView } from './api.ts';
import { budgetOption, ganttOption } from './roadmap-options.ts';

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

describe('budgetOption', () => {
  it('uses the default axis tooltip, which ECharts escapes itself', () => {
    const option = budgetOption(plan, labels) as { tooltip: { formatter?: unknown } };
    expect(option.tooltip.formatter).toBeUndefined();
  });
});
