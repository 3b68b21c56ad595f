import { describe, expect, it } from 'vitest';
import type { ModelDetail, ResultResponse } from './api.ts';
import { cellLabelFit, sceneHeatmapHeight, sceneHeatmapOption } from './scene-heatmap-option.ts';

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

  it('wraps a long scene name in its cell instead of cutting it', () => {
    expect(option.series[0]!.label.overflow).toBe('break');
    expect(option.series[0]!.label.formatter({ data: cell })).toContain(HOSTILE);
  });
});

describe('the heat map at the width it has', () => {
  const names = ['Product design', 'Quality management', 'Energy management', 'Warehousing and logistics'];
  const wide = {
    model: {
      family: 'points',
      sceneMax: 4,
      sceneGroups: [
        { id: 'a', name: { zh: 'Production execution digitalisation' } },
        { id: 'b', name: { zh: 'Supply chain digitalisation' } },
      ],
      scenes: names.map((n, i) => ({ id: `s${i}`, name: { zh: n } })),
    },
  } as unknown as ModelDetail;
  const scenes = {
    scenes: names.map((n, i) => ({
      id: `s${i}`,
      group: i < 3 ? 'a' : 'b',
      level: i,
      constrained: false,
      name: n,
    })),
  } as unknown as ResultResponse['result'];
  const texts = { tx: (t: { zh: string } | undefined) => t?.zh ?? '', sceneLevel: 'level' };

  it('lays a group per row when wide, a group per column when narrow, with every scene once', () => {
    const atDesk = sceneHeatmapOption(scenes, wide, texts, 900);
    const atTablet = sceneHeatmapOption(scenes, wide, texts, 480);
    const cells = (o: typeof atDesk) =>
      (o.series[0]!.data as Cell[]).map((c) => `${c.name}@${c.value.join(',')}`);
    expect(cells(atDesk)).toEqual([
      'Product design@0,0,0',
      'Quality management@1,0,1',
      'Energy management@2,0,2',
      'Warehousing and logistics@0,1,3',
    ]);
    expect(cells(atTablet)).toEqual([
      'Product design@0,0,0',
      'Quality management@0,1,1',
      'Energy management@0,2,2',
      'Warehousing and logistics@1,0,3',
    ]);
    expect(atTablet.xAxis).toMatchObject({
      position: 'top',
      data: ['Production execution digitalisation', 'Supply chain digitalisation'],
    });
    expect(sceneHeatmapHeight(scenes, wide, 480)).toBeGreaterThan(3 * 50);
  });

  it('gives each label the width of its cell, and a smaller font when a word would not fit', () => {
    expect(cellLabelFit(120, ['Quality management'])).toEqual({ width: 112, fontSize: 11 });
    expect(cellLabelFit(60, ['Quality management'])).toEqual({ width: 52, fontSize: 10 });
    expect(cellLabelFit(10, ['x']).width).toBe(36);
  });
});
