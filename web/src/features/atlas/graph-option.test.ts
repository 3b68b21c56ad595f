import { describe, expect, it } from 'vitest';
import type { AtlasGraph, Scenario } from './api.ts';
import { atlasGraphOption } from './graph-option.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const text = { zh: HOSTILE, en: HOSTILE };

const graph: AtlasGraph = {
  categories: [{ id: 'production', code: 'P', name: text }],
  nodes: [
    { id: `A${HOSTILE}`, name: text, category: 0, categoryId: 'production', pack: 'p' },
    { id: 'B', name: text, category: 0, categoryId: 'production', pack: 'p' },
  ],
  edges: [{ source: `A${HOSTILE}`, target: 'B', chain: 'data', flow: text, prerequisite: true }],
};
/** Only the fields the graph reads. */
const scenarios = [
  { code: `A${HOSTILE}`, valueTags: [HOSTILE], enterpriseTypes: [] },
] as unknown as Scenario[];

const texts = {
  lang: 'zh' as const,
  chainName: () => HOSTILE,
  valueTagName: (id: string) => id,
  prerequisite: HOSTILE,
  valueTags: HOSTILE,
  flow: HOSTILE,
};

type WithTooltip = { tooltip: { formatter: () => string } };

describe('atlasGraphOption', () => {
  const option = atlasGraphOption(graph, scenarios, {}, texts, { width: 1000, height: 700 }) as {
    series: { data: WithTooltip[]; links: WithTooltip[] }[];
  };
  const series = option.series[0]!;

  it('escapes the scenario code, name and value tags in a node tooltip (HTML)', () => {
    const tooltip = series.data[0]!.tooltip.formatter();
    expect(tooltip).not.toMatch(/<img/i);
    expect(tooltip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tooltip.match(/<[a-z/]+/g)).toEqual(['<b', '</b', '<br']);
  });

  it('escapes the scenario names, chain, prerequisite and flow in a link tooltip', () => {
    const tooltip = series.links[0]!.tooltip.formatter();
    expect(tooltip).not.toMatch(/<img/i);
    expect(tooltip.match(/<[a-z/]+/g)).toEqual(['<br', '<b', '</b', '<br', '<span', '</span']);
  });
});
