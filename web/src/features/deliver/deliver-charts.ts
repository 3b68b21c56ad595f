import { html } from '../../components/escape-html.ts';
import type { PlanProjects, ProjectView } from './api.ts';
import type { DeliverChartOption } from './echarts-deliver.ts';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export interface TimelineLabels {
  date: (iso: string) => string;
  project: string;
  due: string;
  doneOn: string;
  slip: (days: number) => string;
  today: string;
  end: string;
  states: { open: string; done: string; late: string };
}

type Milestone = ProjectView['milestones'][number];
const stateOf = (m: Milestone, today: string): 'open' | 'done' | 'late' =>
  m.slipDays > 0 || (m.doneOn === null && m.due < today) ? 'late' : m.doneOn ? 'done' : 'open';
const STATE_COLOURS = { open: '#1f5fbf', done: '#2f9e6b', late: '#c8423b' } as const;

/**
 * The project as a Gantt row from its planned start to its planned finish, and one row per milestone: a bar from the
 * project's start to its due date, a diamond on the due date (coloured open, done or late), a dot on the day it was
 * done; dashed lines at today and at the project's end.
 */
export function timelineOption(
  project: ProjectView,
  today: string,
  labels: TimelineLabels,
  narrow: boolean,
): DeliverChartOption {
  const milestones = [...project.milestones].sort((a, b) => a.due.localeCompare(b.due));
  const days = [
    project.plannedStart,
    project.plannedFinish,
    today,
    ...milestones.flatMap((m) => (m.doneOn ? [m.due, m.doneOn] : [m.due])),
  ].map(ms);
  const min = Math.min(...days) - 7 * DAY;
  const max = Math.max(...days) + 7 * DAY;
  // bars stack from 0: every x is days since `min`, in ms
  const x = (iso: string) => ms(iso) - min;
  const n = milestones.length;
  // a category axis counts from the bottom: the milestones by due date from the top, the project at the top
  const indexOf = (i: number) => n - 1 - i;
  const rows = [...milestones.map((m, i) => `${i + 1}. ${m.title}`).reverse(), labels.project];
  const milestoneAt = (row: number) => milestones[n - 1 - row];
  return {
    aria: { enabled: true },
    grid: { left: 8, right: narrow ? 24 : 40, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        if (p.seriesIndex === 0) return '';
        const m = p.seriesIndex === 1 ? milestoneAt(p.dataIndex) : milestones[p.dataIndex];
        if (!m)
          return html`${labels.project}<br />${labels.date(project.plannedStart)} –
            ${labels.date(project.plannedFinish)}`;
        // the title is the user's: escaped, as ECharts sets a formatter's string as HTML
        const done = m.doneOn ? labels.date(m.doneOn) : labels.states.open;
        const slip = m.slipDays > 0 ? ` · ${labels.slip(m.slipDays)}` : '';
        return html`${m.title}<br />${labels.due}: ${labels.date(m.due)}<br />${labels.doneOn}: ${done}${slip}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: max - min,
      splitNumber: narrow ? 3 : 6,
      axisLabel: {
        formatter: (v: number) => labels.date(new Date(min + v).toISOString().slice(0, 10)),
        hideOverlap: true,
      },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      data: rows,
      axisLabel: { width: narrow ? 100 : 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        stack: 'span',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map(() => x(project.plannedStart)),
      },
      {
        type: 'bar',
        stack: 'span',
        barMaxWidth: 14,
        data: rows.map((_, row) => {
          const m = milestoneAt(row);
          const to = m ? m.due : project.plannedFinish;
          return {
            value: Math.max(0, ms(to) - ms(project.plannedStart)),
            itemStyle: { color: m ? 'rgba(31,95,191,0.18)' : '#1f5fbf', borderRadius: 3 },
          };
        }),
        markLine: {
          symbol: 'none',
          silent: true,
          label: { position: 'end', fontSize: 11, formatter: (p: { name: string }) => p.name },
          data: [
            { name: labels.today, xAxis: x(today), lineStyle: { color: '#888', type: 'dashed' } },
            {
              name: labels.end,
              xAxis: x(project.plannedFinish),
              lineStyle: { color: '#c8423b', type: 'dashed' },
            },
          ],
        },
      },
      {
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        z: 3,
        data: milestones.map((m, i) => ({
          value: [x(m.due), indexOf(i)],
          itemStyle: { color: STATE_COLOURS[stateOf(m, today)] },
        })),
      },
      {
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 8,
        silent: true,
        z: 4,
        itemStyle: { color: '#2f9e6b', borderColor: '#fff', borderWidth: 1 },
        data: milestones.flatMap((m, i) => (m.doneOn ? [[x(m.doneOn), indexOf(i)]] : [])),
      },
    ],
  };
}

type PeriodRow = PlanProjects['rollup']['periods'][number];

export interface SpendLabels {
  period: (p: PeriodRow) => string;
  budget: string;
  actual: string;
}

/** Budget (bars, light) against actual spend (bars) per period of the project's plan. */
export function costOption(project: ProjectView, labels: SpendLabels): DeliverChartOption {
  const round = (v: number) => Math.round(v * 10) / 10;
  const periods = project.rollup.periods;
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods.map((p) => labels.period(p)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series: [
      {
        name: labels.budget,
        type: 'bar',
        data: periods.map((p) => round(p.planned)),
        itemStyle: { color: 'rgba(31,95,191,0.35)' },
      },
      {
        name: labels.actual,
        type: 'bar',
        data: periods.map((p) => round(p.actual)),
        itemStyle: { color: '#1f5fbf' },
      },
    ],
  };
}

/** A plan's planned against actual spend per period (bars) and its schedule slip in days (line, right axis). */
export function planRollupOption(
  rollup: PlanProjects['rollup'],
  labels: { period: (p: PeriodRow) => string; planned: string; actual: string; slip: string },
): DeliverChartOption {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rollup.periods.map((p) => labels.period(p)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      {
        name: labels.planned,
        type: 'bar',
        data: rollup.periods.map((p) => round(p.planned)),
        itemStyle: { color: 'rgba(31,95,191,0.35)' },
      },
      {
        name: labels.actual,
        type: 'bar',
        data: rollup.periods.map((p) => round(p.actual)),
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: labels.slip,
        type: 'line',
        yAxisIndex: 1,
        data: rollup.periods.map((p) => p.slipDays),
        itemStyle: { color: '#c8423b' },
        lineStyle: { color: '#c8423b' },
      },
    ],
  };
}
