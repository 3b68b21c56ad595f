/**
 * ECharts options of the plan document's two figures: the roadmap (a Gantt-like bar per project, coloured by
 * scenario category) and spend per period by category against the budget. Plain options; the renderers turn them
 * into SVG (PDF) or PNG (DOCX).
 */
import type { PlanBudgetSummary, PlanChart, PlanProjectRow } from './plan-document-types.ts';

export const CATEGORY_COLOURS = ['#1f5fbf', '#14a37f', '#f0a020', '#d9534f', '#7e57c2', '#00a0c6', '#8c8c8c'];

const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** One colour per category name, in the given order (the same in every chart of a document). */
export function categoryColours(categories: readonly string[]): ReadonlyMap<string, string> {
  return new Map(
    categories.map((name, k) => [name, CATEGORY_COLOURS[k % CATEGORY_COLOURS.length] ?? '#8c8c8c']),
  );
}

function colourOf(colours: ReadonlyMap<string, string>, category: string): string {
  return colours.get(category) ?? '#8c8c8c';
}

function truncate(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

export function roadmapChart(
  projects: readonly PlanProjectRow[],
  periods: number,
  period: (period: number) => string,
  otherCategory: string,
  title: string,
  colours: ReadonlyMap<string, string>,
): PlanChart {
  const present = new Set(projects.map((p) => p.category ?? otherCategory));
  const categories = [...colours.keys()].filter((name) => present.has(name));
  const names = projects.map((p) => truncate(p.title, 16));
  const series = [
    {
      type: 'bar',
      stack: 'roadmap',
      silent: true,
      itemStyle: { color: 'transparent' },
      data: projects.map((p) => p.start),
      barWidth: 14,
    },
    ...categories.map((category) => ({
      type: 'bar',
      name: category,
      stack: 'roadmap',
      barWidth: 14,
      itemStyle: { color: colourOf(colours, category), borderRadius: 2 },
      data: projects.map((p) => ((p.category ?? otherCategory) === category ? p.end - p.start + 1 : '-')),
    })),
  ];
  const height = Math.max(180, 70 + projects.length * 26);
  return {
    id: 'roadmap',
    title,
    width: 680,
    height,
    option: {
      textStyle: { fontFamily: FONT },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: periods,
        interval: 1,
        splitLine: { lineStyle: { color: '#e5e6eb' } },
        axisLabel: {
          fontSize: 10,
          formatter: (value: number) => (value < periods ? period(value) : ''),
          align: 'left',
        },
      },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: 11 } },
      series,
    },
  };
}

export function budgetChart(
  budget: PlanBudgetSummary,
  spendByCategory: readonly { category: string; values: readonly number[] }[],
  period: (period: number) => string,
  labels: { title: string; budget: string },
  colours: ReadonlyMap<string, string>,
): PlanChart {
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    id: 'budget',
    title: labels.title,
    width: 680,
    height: 300,
    option: {
      textStyle: { fontFamily: FONT },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: budget.periods.map((p) => period(p.period)),
        axisLabel: { fontSize: 10 },
      },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#e5e6eb' } } },
      series: [
        ...spendByCategory.map(({ category, values }) => ({
          type: 'bar',
          name: category,
          stack: 'spend',
          barMaxWidth: 28,
          itemStyle: { color: colourOf(colours, category) },
          data: values.map(round),
        })),
        {
          type: 'line',
          name: labels.budget,
          step: 'middle',
          symbol: 'none',
          lineStyle: { color: '#d9534f', width: 2, type: 'dashed' },
          itemStyle: { color: '#d9534f' },
          data: budget.periods.map((p) => round(p.budget)),
        },
      ],
    },
  };
}
