import type { EChartsCoreOption } from 'echarts';
import { chartSvg } from './chart-svg.ts';
import type { DiagnosisReport } from './diagnosis-report-model.ts';
import { reportText } from './diagnosis-report-text.ts';

/** One chart of the report: an SVG rendered on the server, with its size in CSS pixels and its caption. */
export interface ReportChart {
  id: 'radar' | 'detail' | 'comparison';
  caption: string;
  svg: string;
  width: number;
  height: number;
}

const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";
const BLUE = '#1f5fbf';
const ORANGE = '#f08c2e';
const GREY = '#a9b4c2';
/** Printable A4 width at 96 dpi is ~670 px; charts stay a little narrower. */
const WIDTH = 640;

function render(option: EChartsCoreOption, width: number, height: number): string {
  return chartSvg({ textStyle: { fontFamily: FONT, fontSize: 12 }, ...option }, { width, height });
}

/** The charts of a report: dimension radar, the family's detail chart, and the comparison when there is one. */
export function diagnosisCharts(report: DiagnosisReport): ReportChart[] {
  const t = reportText(report.lang);
  const charts: ReportChart[] = [];
  if (report.dimensions.length >= 3) {
    const height = 300;
    charts.push({
      id: 'radar',
      caption: t.radarCaption,
      width: WIDTH,
      height,
      svg: render(
        {
          radar: {
            indicator: report.dimensions.map((d) => ({ name: `${d.name}\n${d.percent}%`, max: 100 })),
            radius: '68%',
            center: ['50%', '54%'],
            axisName: { color: '#1f2329', fontSize: 12 },
            splitArea: { areaStyle: { color: ['#f7f9fc', '#eef3fa'] } },
          },
          series: [
            {
              type: 'radar',
              symbolSize: 5,
              areaStyle: { color: 'rgba(31,95,191,0.25)' },
              lineStyle: { color: BLUE, width: 2 },
              itemStyle: { color: BLUE },
              data: [{ value: report.dimensions.map((d) => d.percent), name: t.percent }],
            },
          ],
        },
        WIDTH,
        height,
      ),
    });
  } else if (report.dimensions.length > 0) {
    charts.push(barChart('radar', t.radarCaption, report.dimensions, 100, (d) => d.percent));
  }

  const detail = report.detail;
  if (detail.kind === 'scenes') {
    const rows = detail.rows;
    const height = 60 + rows.length * 24;
    charts.push({
      id: 'detail',
      caption: t.scenesCaption,
      width: WIDTH,
      height,
      svg: render(
        {
          grid: { left: 110, right: 40, top: 30, bottom: 30 },
          legend: {
            top: 0,
            data: [
              { name: t.constrained, itemStyle: { color: BLUE } },
              { name: t.scene, itemStyle: { color: GREY } },
            ],
          },
          xAxis: {
            type: 'value',
            min: 0,
            max: detail.sceneMax,
            interval: 1,
            axisLabel: { formatter: (v: number) => t.sceneLevelN(v) },
          },
          yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
          series: [
            {
              name: t.constrained,
              type: 'bar',
              stack: 'level',
              barWidth: 14,
              itemStyle: { color: BLUE },
              label: {
                show: true,
                position: 'right',
                formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
              },
              data: rows.map((r) => (r.constrained ? r.level : 0)),
            },
            {
              name: t.scene,
              type: 'bar',
              stack: 'level',
              barWidth: 14,
              itemStyle: { color: GREY },
              label: {
                show: true,
                position: 'right',
                formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
              },
              data: rows.map((r) => (r.constrained ? 0 : r.level)),
            },
          ],
        },
        WIDTH,
        height,
      ),
    });
  } else if (detail.rows.length > 0) {
    charts.push(
      barChart(
        'detail',
        detail.kind === 'subdomains' ? t.subdomainsCaption : t.groupsCaption,
        detail.rows,
        100,
        (d) => d.percent,
      ),
    );
  }

  const cmp = report.comparison;
  if (cmp) {
    const height = 80 + cmp.rows.length * 40;
    charts.push({
      id: 'comparison',
      caption: t.comparisonCaption,
      width: WIDTH,
      height,
      svg: render(
        {
          grid: { left: 110, right: 50, top: 30, bottom: 30 },
          legend: { top: 0, data: [t.previous, t.this] },
          xAxis: { type: 'value', min: 0, max: 100 },
          yAxis: { type: 'category', inverse: true, data: cmp.rows.map((r) => r.name) },
          series: [
            {
              name: t.previous,
              type: 'bar',
              barGap: '10%',
              itemStyle: { color: GREY },
              label: { show: true, position: 'right', fontSize: 10 },
              data: cmp.rows.map((r) => r.previousPercent),
            },
            {
              name: t.this,
              type: 'bar',
              itemStyle: { color: BLUE },
              label: { show: true, position: 'right', fontSize: 10 },
              data: cmp.rows.map((r) => r.percent),
            },
          ],
        },
        WIDTH,
        height,
      ),
    });
  }
  return charts;
}

function barChart<T extends { name: string }>(
  id: ReportChart['id'],
  caption: string,
  rows: T[],
  max: number,
  value: (row: T) => number,
): ReportChart {
  const height = 50 + rows.length * 22;
  return {
    id,
    caption,
    width: WIDTH,
    height,
    svg: render(
      {
        grid: { left: 130, right: 50, top: 10, bottom: 30 },
        xAxis: { type: 'value', min: 0, max },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => r.name),
          axisLabel: { width: 120, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            barWidth: 12,
            label: { show: true, position: 'right', fontSize: 10 },
            data: rows.map((r) => ({
              value: value(r),
              itemStyle: { color: value(r) >= 80 ? '#2e9e5b' : value(r) >= 50 ? BLUE : ORANGE },
            })),
          },
        ],
      },
      WIDTH,
      height,
    ),
  };
}
