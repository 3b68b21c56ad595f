import type { ZhText } from '../../../../src/core/shared/text.ts';
import type { ModelDetail, ResultResponse } from './api.ts';
import { html } from '../../components/escape-html.ts';

type Result = ResultResponse['result'];

/** The 数字化经营场景 heat map of a points result: one row per scene group, a cell per scene, coloured by level. */
export function sceneHeatmapOption(
  result: Result,
  model: ModelDetail,
  texts: { tx: (text: ZhText | undefined) => string; sceneLevel: string },
) {
  const { tx } = texts;
  const m = model.model;
  const groups = m.family === 'points' ? m.sceneGroups : [];
  const max = m.family === 'points' ? m.sceneMax : 4;
  const sceneNames = new Map(m.family === 'points' ? m.scenes.map((s) => [s.id, s.name]) : []);
  const width = Math.max(1, ...groups.map((g) => result.scenes.filter((s) => s.group === g.id).length));
  const data = groups.flatMap((g, y) =>
    result.scenes
      .filter((s) => s.group === g.id)
      .map((s, x) => ({
        value: [x, y, s.level],
        name: tx(sceneNames.get(s.id)) || s.name,
        constrained: s.constrained,
      })),
  );
  return {
    aria: { enabled: true },
    tooltip: {
      // a formatter's string is set as HTML: the scene name escaped
      formatter: (p: { data: { name: string; value: number[] } }) =>
        html`${p.data.name}: ${p.data.value[2] ?? 0}`,
    },
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category' as const,
      data: Array.from({ length: width }, (_, i) => String(i + 1)),
      show: false,
    },
    yAxis: {
      type: 'category' as const,
      data: groups.map((g) => tx(g.name)),
      inverse: true,
      axisLabel: { width: 90, overflow: 'break' as const, fontSize: 11 },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: [String(max), `0 ${texts.sceneLevel}`],
      inRange: { color: ['#f0f0f0', '#bcd3f5', '#6f9fe0', '#2f6bc4', '#163f80'] },
    },
    series: [
      {
        type: 'heatmap' as const,
        data,
        label: {
          show: true,
          fontSize: 11,
          width: 72,
          overflow: 'truncate' as const,
          // drawn on the canvas as text, not HTML
          formatter: (p: { data: { name: string; value: number[]; constrained: boolean } }) =>
            `${p.data.name}${p.data.constrained ? '*' : ''}\n${p.data.value[2] ?? 0}`,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}
