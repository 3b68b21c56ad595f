import type { ZhText } from '../../../../src/core/shared/text.ts';
import type { ModelDetail, ResultResponse } from './api.ts';
import { html } from '../../components/escape-html.ts';

type Result = ResultResponse['result'];

/** Room for a group's name left of the cells: 9 Chinese characters at 11 px, or three lines of English. */
const AXIS_WIDTH = 104;
/** Below this chart width the groups become columns (names on top), so that a cell is wide enough for its name. */
export const NARROW_CHART = 560;
/** About how wide a Latin letter is at 11 px in the UI font: enough to tell whether a word fits a cell. */
const LETTER_AT_11PX = 6.6;
const ROW_HEIGHT = 52;

/**
 * The cell label's width and font for a cell's width: the whole name wrapped in its cell (English at spaces,
 * Chinese between characters), in 10 px when a single word would not fit at 11 px, never cut to "Product de…".
 */
export function cellLabelFit(cellWidth: number, names: readonly string[]) {
  const width = Math.max(36, Math.floor(cellWidth - 8));
  const longestWord = Math.max(0, ...names.flatMap((n) => n.split(/\s+/)).map((w) => w.length + 1));
  return { width, fontSize: longestWord * LETTER_AT_11PX > width ? 10 : 11 };
}

/** The groups and their scenes as the heat map lays them out. */
function layout(result: Result, model: ModelDetail) {
  const m = model.model;
  const groups = m.family === 'points' ? m.sceneGroups : [];
  const perGroup = groups.map((g) => result.scenes.filter((s) => s.group === g.id));
  const most = Math.max(1, ...perGroup.map((scenes) => scenes.length));
  return { groups, perGroup, most };
}

/** The chart's height in pixels for its width: a row per group when wide, a row per scene when narrow. */
export function sceneHeatmapHeight(result: Result, model: ModelDetail, chartWidth: number): number {
  const { groups, most } = layout(result, model);
  return chartWidth < NARROW_CHART ? most * ROW_HEIGHT + 110 : Math.max(4, groups.length) * 66 + 76;
}

/**
 * The 数字化经营场景 heat map of a points result, a cell per scene coloured by level: one row per scene group on a
 * wide chart; one column per group (its name on top) on a narrow one (a tablet), where six scenes side by side would
 * leave each name a few letters.
 */
export function sceneHeatmapOption(
  result: Result,
  model: ModelDetail,
  texts: { tx: (text: ZhText | undefined) => string; sceneLevel: string },
  chartWidth = 640,
) {
  const { tx } = texts;
  const m = model.model;
  const max = m.family === 'points' ? m.sceneMax : 4;
  const sceneNames = new Map(m.family === 'points' ? m.scenes.map((s) => [s.id, s.name]) : []);
  const { groups, perGroup, most } = layout(result, model);
  const narrow = chartWidth < NARROW_CHART;
  const data = perGroup.flatMap((scenes, g) =>
    scenes.map((s, i) => ({
      value: narrow ? [g, i, s.level] : [i, g, s.level],
      name: tx(sceneNames.get(s.id)) || s.name,
      constrained: s.constrained,
    })),
  );
  const names = data.map((d) => d.name);
  const groupNames = groups.map((g) => tx(g.name));
  const positions = Array.from({ length: most }, (_, i) => String(i + 1));
  const grid = narrow
    ? { left: 8, right: 8, top: 52, bottom: 48 }
    : { left: AXIS_WIDTH + 12, right: 8, top: 8, bottom: 48 };
  const columns = narrow ? Math.max(1, groups.length) : most;
  const fit = cellLabelFit((chartWidth - grid.left - grid.right) / columns, names);
  const groupAxis = {
    type: 'category' as const,
    data: groupNames,
    axisTick: { show: false },
    axisLine: { show: false },
  };
  const positionAxis = { type: 'category' as const, data: positions, show: false };
  return {
    aria: { enabled: true },
    tooltip: {
      // a formatter's string is set as HTML: the scene name escaped
      formatter: (p: { data: { name: string; value: number[] } }) =>
        html`${p.data.name}: ${p.data.value[2] ?? 0}`,
    },
    grid,
    xAxis: narrow
      ? {
          ...groupAxis,
          position: 'top' as const,
          axisLabel: { width: fit.width, overflow: 'break' as const, fontSize: 11, interval: 0 },
        }
      : positionAxis,
    yAxis: narrow
      ? { ...positionAxis, inverse: true }
      : {
          ...groupAxis,
          inverse: true,
          axisLabel: { width: AXIS_WIDTH, overflow: 'break' as const, fontSize: 11 },
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
          ...fit,
          overflow: 'break' as const,
          lineHeight: 13,
          // drawn on the canvas as text, not HTML
          formatter: (p: { data: { name: string; value: number[]; constrained: boolean } }) =>
            `${p.data.name}${p.data.constrained ? '*' : ''}\n${p.data.value[2] ?? 0}`,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}
