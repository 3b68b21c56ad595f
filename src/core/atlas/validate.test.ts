import { describe, expect, it } from 'vitest';
import { mergeAtlas } from './merge.ts';
import { testLink, testMeta, testScenario, testVocabulary } from './test-support.ts';
import type { AtlasPackData } from './types.ts';
import { validateAtlasPack, type PackSources, type SourceRef } from './validate.ts';

/** a fake source whose line is 100 × the first index in the path + the second index (or 0) */
const src = (file: string): SourceRef => ({
  file,
  lineOf: (path) => {
    const nums = path.filter((p): p is number => typeof p === 'number');
    return 100 * (nums[0] ?? 0) + (nums[1] ?? 0) + 1;
  },
});
const sources: PackSources = {
  meta: src('pack.yaml'),
  vocabulary: src('vocabulary.yaml'),
  painPoints: src('pain-points.yaml'),
  kpis: src('kpis.yaml'),
  scenarios: src('scenarios.yaml'),
  links: src('links.yaml'),
};
const t = (zh: string) => ({ zh, en: zh });

function pack(extra: Partial<AtlasPackData> = {}): AtlasPackData {
  return {
    meta: testMeta(),
    vocabulary: testVocabulary,
    painPoints: [{ id: 'pp-1', name: t('痛点'), category: 'production' }],
    kpis: [{ id: 'kpi-1', name: t('指标'), unit: '%', direction: 'up', valueTag: 'quality' }],
    scenarios: [testScenario('GEN-PM-01'), testScenario('GEN-OM-01')],
    links: [testLink('GEN-PM-01', 'GEN-OM-01')],
    ...extra,
  };
}
const messages = (p: AtlasPackData, base?: Parameters<typeof validateAtlasPack>[2]) =>
  validateAtlasPack(p, sources, base).map((x) => `${x.file}:${x.line}: ${x.message}`);

describe('validateAtlasPack', () => {
  it('accepts a consistent pack', () => {
    expect(messages(pack())).toEqual([]);
  });

  it('reports every broken reference and vocabulary value at once, at its line', () => {
    const p = pack({
      painPoints: [
        { id: 'pp-1', name: t('痛点'), category: 'production' },
        { id: 'pp-1', name: t('重复'), category: 'nowhere' },
      ],
      kpis: [{ id: 'kpi-1', name: t('指标'), unit: '%', direction: 'up', valueTag: 'speed' }],
      scenarios: [
        testScenario('GEN-PM-01', {
          valueTags: ['quality', 'shiny'],
          enterpriseTypes: ['giant'],
          painPoints: ['pp-9'],
          kpis: ['kpi-1', 'kpi-1'],
        }),
        testScenario('GEN-PM-01'),
        testScenario('EQP-PM-02'),
        testScenario('GEN-RD-03', { category: 'production' }),
        testScenario('GEN-PM-04', { category: 'marketing' }),
      ],
      links: [
        testLink('GEN-PM-01', 'GEN-XX-01'),
        testLink('GEN-PM-01', 'GEN-PM-01'),
        testLink('GEN-PM-01', 'GEN-PM-04'),
        testLink('GEN-PM-01', 'GEN-PM-04'),
        testLink('GEN-PM-01', 'GEN-PM-04', 'tool'),
      ],
    });
    expect(messages(p)).toEqual([
      'pain-points.yaml:101: duplicate pain point id "pp-1"',
      'pain-points.yaml:101: unknown category "nowhere"',
      'kpis.yaml:1: unknown value tag "speed"',
      'scenarios.yaml:1: unknown pain point "pp-9"',
      'scenarios.yaml:2: KPI "kpi-1" listed twice',
      'scenarios.yaml:2: unknown value tag "shiny"',
      'scenarios.yaml:1: unknown enterprise type "giant"',
      'scenarios.yaml:101: duplicate scenario code GEN-PM-01',
      "scenarios.yaml:201: code EQP-PM-02: industry EQP is not the pack's industry GEN",
      'scenarios.yaml:301: code GEN-RD-03: category part RD does not match category production (PM)',
      'scenarios.yaml:401: unknown category "marketing"',
      'links.yaml:1: link to unknown scenario GEN-XX-01',
      'links.yaml:101: link from GEN-PM-01 to itself',
      'links.yaml:301: duplicate data link GEN-PM-01 → GEN-PM-04',
    ]);
  });

  it('reports a prerequisite cycle with its path at the link that closes it', () => {
    const p = pack({
      scenarios: [testScenario('GEN-PM-03'), testScenario('GEN-OM-01'), testScenario('GEN-RD-01')],
      links: [
        testLink('GEN-PM-03', 'GEN-OM-01', 'data', true),
        testLink('GEN-RD-01', 'GEN-PM-03', 'data', false),
        testLink('GEN-OM-01', 'GEN-PM-03', 'model', true),
        testLink('GEN-OM-01', 'GEN-RD-01', 'data', true),
      ],
    });
    expect(messages(p)).toEqual(['links.yaml:201: prerequisite cycle: GEN-PM-03 → GEN-OM-01 → GEN-PM-03']);
  });

  it('needs a vocabulary and a scenario in a stand-alone pack', () => {
    expect(messages(pack({ vocabulary: undefined, scenarios: [], links: [] }))).toEqual([
      'pack.yaml:1: a stand-alone pack needs vocabulary.yaml',
      'scenarios.yaml:1: a stand-alone pack needs at least one scenario',
    ]);
  });

  it('reports duplicate vocabulary ids and category codes', () => {
    const [first, second] = testVocabulary.valueTags;
    const vocabulary = {
      ...testVocabulary,
      valueTags: [first!, second!, first!],
      categories: [...testVocabulary.categories, { ...testVocabulary.categories[0]!, id: 'rd-2' }],
    };
    expect(messages(pack({ vocabulary }))).toEqual([
      'vocabulary.yaml:201: duplicate valueTags id "quality"',
      'vocabulary.yaml:301: duplicate category code "RD"',
    ]);
  });

  describe('an extending pack', () => {
    const base = mergeAtlas(
      pack({
        links: [testLink('GEN-PM-01', 'GEN-OM-01', 'data', true)],
      }),
    );
    const eqpMeta = testMeta('eqp-pack', {
      extends: 'test-pack',
      industry: { code: 'EQP', name: t('装备') },
    });
    const child = (extra: Partial<AtlasPackData>) =>
      pack({
        meta: eqpMeta,
        vocabulary: undefined,
        painPoints: [],
        kpis: [],
        scenarios: [],
        links: [],
        ...extra,
      });

    it('inherits vocabulary and catalogues and may link to base scenarios', () => {
      expect(
        messages(
          child({
            scenarios: [testScenario('EQP-PM-01')],
            links: [testLink('GEN-OM-01', 'EQP-PM-01', 'data', true)],
          }),
          base,
        ),
      ).toEqual([]);
    });

    it('may not redefine base codes, ids or links, nor bring its own vocabulary', () => {
      expect(
        messages(
          child({
            vocabulary: testVocabulary,
            painPoints: [{ id: 'pp-1', name: t('痛点'), category: 'production' }],
            kpis: [{ id: 'kpi-1', name: t('指标'), unit: '%', direction: 'up', valueTag: 'quality' }],
            scenarios: [testScenario('GEN-PM-01')],
            links: [testLink('GEN-PM-01', 'GEN-OM-01', 'data', true)],
          }),
          base,
        ),
      ).toEqual([
        'vocabulary.yaml:1: pack extends test-pack and inherits its vocabulary: remove vocabulary.yaml',
        'pain-points.yaml:1: duplicate pain point id "pp-1"',
        'kpis.yaml:1: duplicate KPI id "kpi-1"',
        'scenarios.yaml:1: duplicate scenario code GEN-PM-01 (already in pack test-pack)',
        "scenarios.yaml:1: code GEN-PM-01: industry GEN is not the pack's industry EQP",
        'links.yaml:1: duplicate data link GEN-PM-01 → GEN-OM-01',
      ]);
    });

    it('reports a cycle it closes through base links', () => {
      expect(
        messages(
          child({
            scenarios: [testScenario('EQP-PM-01')],
            links: [testLink('GEN-OM-01', 'GEN-PM-01', 'model', true)],
          }),
          base,
        ),
      ).toEqual(['links.yaml:1: prerequisite cycle: GEN-PM-01 → GEN-OM-01 → GEN-PM-01']);
    });
  });
});
