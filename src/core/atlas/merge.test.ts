import { describe, expect, it } from 'vitest';
import { atlasGraph } from './graph-view.ts';
import { mergeAtlas } from './merge.ts';
import { testAtlas, testLink, testMeta, testScenario } from './test-support.ts';

describe('mergeAtlas', () => {
  const base = testAtlas(['GEN-PM-01', 'GEN-OM-01'], [testLink('GEN-PM-01', 'GEN-OM-01')], 'guide');
  const child = mergeAtlas(
    {
      meta: testMeta('child', {
        extends: 'guide',
        industry: { code: 'EQP', name: { zh: '装备', en: 'Equipment' } },
      }),
      painPoints: [{ id: 'pp-2', name: { zh: '新痛点', en: 'new' }, category: 'production' }],
      kpis: [],
      scenarios: [testScenario('EQP-PM-01')],
      links: [testLink('GEN-PM-01', 'EQP-PM-01', 'tool', true)],
    },
    base,
  );
  it('puts the base first and records the chain and origins', () => {
    expect(child.chain.map((m) => m.id)).toEqual(['guide', 'child']);
    expect(child.scenarios.map((s) => s.code)).toEqual(['GEN-PM-01', 'GEN-OM-01', 'EQP-PM-01']);
    expect(child.links).toHaveLength(2);
    expect(child.painPoints.map((p) => p.id)).toEqual(['pp-1', 'pp-2']);
    expect(child.vocabulary).toBe(base.vocabulary);
    expect(child.origin).toEqual({ 'GEN-PM-01': 'guide', 'GEN-OM-01': 'guide', 'EQP-PM-01': 'child' });
    expect(base.scenarios).toHaveLength(2); // base untouched
  });
  it('refuses a stand-alone pack without vocabulary', () => {
    expect(() =>
      mergeAtlas({ meta: testMeta(), painPoints: [], kpis: [], scenarios: [], links: [] }),
    ).toThrow(/no vocabulary/);
  });
  it('shapes a graph for ECharts', () => {
    const g = atlasGraph(child);
    expect(g.categories.map((c) => c.code)).toEqual(['RD', 'PM', 'OM']);
    expect(g.nodes.find((n) => n.id === 'EQP-PM-01')).toMatchObject({
      category: 1,
      categoryId: 'production',
      pack: 'child',
    });
    expect(g.edges[1]).toMatchObject({
      source: 'GEN-PM-01',
      target: 'EQP-PM-01',
      chain: 'tool',
      prerequisite: true,
    });
  });
});
