import { describe, expect, it } from 'vitest';
import { chartSvg } from './chart-svg.ts';

describe('chartSvg', () => {
  it('renders a radar chart to a standalone SVG with its labels', () => {
    const svg = chartSvg(
      {
        radar: {
          indicator: [
            { name: '数字化基础', max: 50 },
            { name: '数字化管理', max: 30 },
            { name: '数字化成效', max: 20 },
          ],
        },
        series: [{ type: 'radar', data: [{ value: [30, 12, 8], name: '得分' }] }],
      },
      { width: 400, height: 300 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="400"');
    expect(svg).toContain('数字化管理');
  });
});

describe('chartSvg with hostile texts', () => {
  const HOSTILE = '"><img src=x onerror=alert(1)>';
  const charts = {
    bar: {
      aria: { enabled: true },
      title: { text: HOSTILE, subtext: HOSTILE },
      legend: {},
      xAxis: { type: 'category', data: [HOSTILE], name: HOSTILE },
      yAxis: { name: HOSTILE },
      series: [
        {
          name: HOSTILE,
          type: 'bar',
          label: { show: true, formatter: HOSTILE },
          markLine: { label: { show: true, formatter: HOSTILE }, data: [{ yAxis: 1 }] },
          data: [{ name: HOSTILE, value: 3 }],
        },
      ],
    },
    pie: { legend: {}, series: [{ type: 'pie', name: HOSTILE, data: [{ name: HOSTILE, value: 1 }] }] },
    radar: {
      radar: { indicator: [HOSTILE, 'b', 'c'].map((name) => ({ name, max: 5 })) },
      series: [{ type: 'radar', data: [{ name: HOSTILE, value: [1, 2, 3] }] }],
    },
    heatmap: {
      xAxis: { type: 'category', data: [HOSTILE] },
      yAxis: { type: 'category', data: [HOSTILE] },
      visualMap: { min: 0, max: 4, text: [HOSTILE, HOSTILE] },
      series: [{ type: 'heatmap', label: { show: true }, data: [{ name: HOSTILE, value: [0, 0, 2] }] }],
    },
  };

  it.each(Object.entries(charts))(
    'keeps names, titles, axis labels and legends as text in a %s chart (the SVG goes into report HTML)',
    (_kind, option) => {
      const svg = chartSvg(option, { width: 500, height: 400 });
      expect(svg).not.toMatch(/<img/i);
      expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      // every attribute value is one of ECharts' own: none holds a quote or bracket from the data
      expect(svg).not.toMatch(/="[^"]*<img/);
    },
  );
});
