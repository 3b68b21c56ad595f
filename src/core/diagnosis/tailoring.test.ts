import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { DomainsFile, StagedLevelsFile, type StagedIndicatorSystem } from './model-schema.ts';
import { effectiveWeights } from './staged-score.ts';
import { tailorAreas } from './tailoring.ts';
import { metaOf } from './test-models.ts';

const t = (zh: string) => ({ zh, en: zh });
const req = (sd: string) => [1, 2].map((level) => ({ id: `${sd}-${level}`, level, text: `${sd} ${level}` }));
const sub = (id: string, w: number, tailorable = false) => ({
  id,
  name: t(id),
  weights: { general: w },
  tailorable,
  scenarios: [],
  requirements: req(id),
});
const model: StagedIndicatorSystem = {
  family: 'staged',
  meta: metaOf('tiny-dtmm', 'staged'),
  rules: StagedLevelsFile.parse({
    grades: [
      { value: 0, name: t('不满足') },
      { value: 0.5, name: t('部分满足') },
      { value: 0.8, name: t('大部分满足') },
      { value: 1, name: t('全部满足') },
    ],
    passScore: 0.8,
    aggregate: 'weighted',
    weightTables: [{ id: 'general', name: t('通用') }],
    levels: [
      { id: 'L1', name: t('一级'), minS: 0.8 },
      { id: 'L2', name: t('二级'), minS: 1.8 },
    ],
  }),
  areas: DomainsFile.parse({
    areas: [
      { id: '组织', name: t('组织'), subdomains: [sub('战略', 0.2), sub('流程', 0.2)] },
      {
        id: '数字化生产',
        name: t('数字化生产'),
        subdomains: [sub('计划', 0.2, true), sub('质量', 0.1, true)],
      },
      {
        id: '数字化服务',
        name: t('数字化服务'),
        subdomains: [sub('交付', 0.2, true), sub('运行', 0.1, true)],
      },
    ],
  }).areas,
};

describe('tailorAreas', () => {
  it('a production enterprise drops 数字化服务: its sub-domains become not applicable, the rest re-weighted to 1', () => {
    const r = tailorAreas(model, ['数字化服务']);
    expect(r).toEqual({ notApplicable: ['交付', '运行'], problems: [] });
    const w = effectiveWeights(model, 'general', new Set(r.notApplicable));
    expect([...w.keys()]).toEqual(['战略', '流程', '计划', '质量']);
    // 0.2 / 0.7 etc.: proportional to the original weights
    expect(w.get('战略')).toBeCloseTo(0.2 / 0.7, 12);
    expect(w.get('质量')).toBeCloseTo(0.1 / 0.7, 12);
  });

  it('refuses an area with an untailorable sub-domain, and an unknown area, naming them', () => {
    const r = tailorAreas(model, ['组织', '研发']);
    expect(r.notApplicable).toEqual([]);
    expect(r.problems.map((p) => p.areaId).sort()).toEqual(['研发', '组织']);
    expect(r.problems.find((p) => p.areaId === '组织')?.message).toMatch(/战略, 流程 are not tailorable/);
  });

  it('a fully met model is still at the top level after tailoring (the remaining weights sum to 1)', () => {
    const answers = Object.fromEntries(
      model.areas.flatMap((a) => a.subdomains.flatMap((s) => s.requirements.map((q) => [q.id, 1]))),
    );
    const { notApplicable } = tailorAreas(model, ['数字化服务']);
    const { result, problems } = diagnose(model, { model: model.meta.id, answers, notApplicable });
    expect(problems).toEqual([]);
    expect(result.level?.id).toBe('L2');
    expect(result.subDimensions.find((s) => s.id === '交付')?.max).toBe(0);
  });

  it('property: for any tailorable choice the effective weights sum to 1 and keep their ratios', () => {
    fc.assert(
      fc.property(fc.subarray(['数字化生产', '数字化服务']), (areas) => {
        const { notApplicable, problems } = tailorAreas(model, areas);
        expect(problems).toEqual([]);
        const w = effectiveWeights(model, 'general', new Set(notApplicable));
        const sum = [...w.values()].reduce((s, x) => s + x, 0);
        expect(sum).toBeCloseTo(1, 12);
        expect((w.get('战略') ?? 0) / (w.get('流程') ?? 1)).toBeCloseTo(1, 12);
        for (const id of notApplicable) expect(w.has(id)).toBe(false);
      }),
    );
  });
});
