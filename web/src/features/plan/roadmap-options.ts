import type { PlanView } from './api.ts';
import { html } from '../../components/escape-html.ts';
import type { PlanChartOption } from './echarts-plan.ts';

const CATEGORY_COLOURS: Record<string, string> = {
  'research-design': '#3b6fd4',
  production: '#2f9e6b',
  'operations-service': '#e08a1e',
  'business-management': '#c8423b',
  'supply-chain': '#1d9bb5',
  'cross-link': '#8a55c2',
};

interface Labels {
  period: (p: number) => string;
  name: (id: string) => string;
  used: string;
  budget: string;
  effort: string;
}

/** Height of a Gantt row: on a narrow screen the label takes two lines (the code, then the name). */
export const ganttRowHeight = (narrow: boolean): number => (narrow ? 40 : 30);

/**
 * Gantt of the optimal schedule: a transparent bar up to the start, then the build periods, one row per initiative.
 * Wide, each row is labelled "code name" on one line and the bar carries the code; narrow (a tablet), the label is
 * the code over the name, each cut to the label's width, and the bar carries nothing, so that the bars keep the width.
 */
export function ganttOption(plan: PlanView, labels: Labels, narrow: boolean): PlanChartOption {
  const schedule = plan.solution?.result.schedule ?? [];
  const byId = new Map(plan.initiatives.map((i) => [i.id, i]));
  const rows = [...schedule].reverse();
  return {
    aria: { enabled: true },
    grid: { left: narrow ? 8 : 16, right: 16, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesIndex: number }) => {
        const row = rows[p.dataIndex];
        if (!row || p.seriesIndex === 0) return '';
        const initiative = byId.get(row.id);
        const d = initiative?.duration ?? 1;
        // ECharts sets a formatter's string as HTML: the initiative's id and name are the user's, so escaped
        return html`${row.id} ${labels.name(row.id)}<br />${labels.period(row.start)} –
          ${labels.period(row.start + d - 1)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: plan.settings.periods,
      interval: 1,
      axisLabel: { formatter: (v: number) => (v < plan.settings.periods ? labels.period(v) : '') },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.id}${narrow ? '\n' : ' '}${labels.name(r.id)}`),
      axisLabel: narrow
        ? { width: 150, overflow: 'truncate', lineHeight: 15, fontSize: 11 }
        : { width: 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        stack: 'gantt',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => r.start),
      },
      {
        type: 'bar',
        stack: 'gantt',
        barMaxWidth: 22,
        label: {
          show: !narrow,
          position: 'inside',
          formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.id ?? '',
          color: '#fff',
          fontSize: 11,
        },
        data: rows.map((r) => ({
          value: byId.get(r.id)?.duration ?? 1,
          itemStyle: {
            color: CATEGORY_COLOURS[byId.get(r.id)?.category ?? ''] ?? '#1f5fbf',
            borderRadius: 3,
          },
        })),
      },
    ],
  };
}

/** Spending per period (bars) against the budget (line), and people against capacity. */
export function budgetOption(plan: PlanView, labels: Labels): PlanChartOption {
  const usage = plan.solution?.usage ?? { budget: [], effort: [] };
  const periods = Array.from({ length: plan.settings.periods }, (_, t) => labels.period(t));
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series: [
      { name: labels.used, type: 'bar', data: usage.budget.map(round), itemStyle: { color: '#1f5fbf' } },
      {
        name: labels.budget,
        type: 'line',
        step: 'middle',
        symbol: 'none',
        data: plan.settings.budget.map(round),
        lineStyle: { color: '#c8423b', width: 2 },
        itemStyle: { color: '#c8423b' },
      },
    ],
  };
}

/** Optimal NPV per budget factor (line) and marginal value per extra 万元 (bars). */
export function frontierOption(
  plan: PlanView,
  labels: { value: string; marginal: string; budget: string },
): PlanChartOption {
  const points = plan.solution?.frontier ?? [];
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      name: labels.budget,
      nameLocation: 'middle',
      nameGap: 28,
      data: points.map((p) => `${Math.round(p.factor * 100)}%`),
    },
    yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
    series: [
      {
        name: labels.value,
        type: 'line',
        data: points.map((p) => (p.objective === null ? null : Math.round(p.objective * 10) / 10)),
        itemStyle: { color: '#1f5fbf' },
        markLine: {
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed', color: '#999' },
          data: [{ xAxis: '100%' }],
        },
      },
      {
        name: labels.marginal,
        type: 'bar',
        yAxisIndex: 1,
        data: points.map((p) =>
          p.marginalValuePerUnit === null ? null : Math.round(p.marginalValuePerUnit * 100) / 100,
        ),
        itemStyle: { color: 'rgba(47,158,107,0.6)' },
      },
    ],
  };
}
