import { describe, expect, it } from 'vitest';
import type { ModelDetail, ResultResponse } from './api.ts';
import { sceneHeatmapOption } from './scene-heatmap-option.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A points model and result with only the fields the heat map reads; the scene's name is hostile. */
const model = {
  model: {
    family: 'points',
    sceneMax: 4,
    sceneGroups: [{ id: 'g', name: { zh: HOSTILE } }],
    scenes: [{ id: 's1', name: { zh: HOSTILE } }],
  },
} as unknown as ModelDetail;
const result = {
  scenes: [{ id: 's1', group: 'g', level: 2, constrained: true, name: HOSTILE }],
} as unknown as ResultResponse['result'];

type Cell = { name: string; value: number[]; constrained: boolean };

describe('sceneHeatmapOption', () => {
  const option = sceneHeatmapOption(result, model, { tx: (t) => t?.zh ?? '', sceneLevel: '级' });
  const cell = option.series[0]!.data[0] as Cell;

  it('escapes the scene name in the tooltip (HTML)', () => {
    const tooltip = option.tooltip.formatter({ data: cell });
    expect(tooltip).not.toContain('<');
    expect(tooltip).toBe('&lt;img src=x onerror=alert(1)&gt;: 2');
  });

  it('keeps the name as plain text in the cell label, which is drawn on the canvas', () => {
    expect(option.series[0]!.label.formatter({ data: cell })).toBe(`${HOSTILE}*\n2`);
  });
});
