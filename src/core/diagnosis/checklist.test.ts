import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { ChecklistFile, type ChecklistIndicatorSystem } from './model-schema.ts';
import { metaOf } from './test-models.ts';

const t = (zh: string) => ({ zh, en: zh });
const file = ChecklistFile.parse({
  conformance: [
    { id: 'met', name: t('符合'), value: 1 },
    { id: 'partly', name: t('部分符合'), value: 0.5 },
    { id: 'not', name: t('不符合'), value: 0 },
  ],
  parts: [
    {
      id: 'P1',
      name: t('管理'),
      groups: [
        {
          id: 'G1',
          name: t('资产'),
          scenarios: ['GEN-OM-01'],
          items: [
            { id: 'I1', text: '一' },
            { id: 'I2', text: '二' },
          ],
        },
        { id: 'G2', name: t('配置'), scenarios: [], items: [{ id: 'I3', text: '三' }] },
      ],
    },
    {
      id: 'P2',
      name: t('技术'),
      groups: [{ id: 'G3', name: t('主机'), scenarios: [], items: [{ id: 'I4', text: '四' }] }],
    },
  ],
});
const model: ChecklistIndicatorSystem = {
  family: 'checklist',
  meta: metaOf('tiny-check', 'checklist'),
  ...file,
};

describe('checklist family', () => {
  it('computes conformance per group, part and overall, n.a. out of the denominator', () => {
    const { result, problems } = diagnose(model, {
      model: 'tiny-check',
      answers: { I1: 'met', I2: '部分符合', I3: 'na', I4: 'not' },
    });
    expect(problems).toEqual([]);
    expect([result.score, result.maxScore, result.percent]).toEqual([1.5, 3, 50]);
    expect(result.dimensions).toEqual([
      { id: 'P1', name: '管理', score: 1.5, max: 2 },
      { id: 'P2', name: '技术', score: 0, max: 1 },
    ]);
    expect(result.subDimensions.map((g) => [g.id, g.score, g.max])).toEqual([
      ['G1', 1.5, 2],
      ['G2', 0, 0],
      ['G3', 0, 1],
    ]);
    expect(result.gaps.map((g) => [g.itemId, g.lostPoints, g.scenarios])).toEqual([
      ['I4', 1, []],
      ['I2', 0.5, ['GEN-OM-01']],
    ]);
    expect(result.level).toBeNull();
    expect(result.nextLevel?.reachable).toBe(false);
  });

  it('reports unknown and missing answers', () => {
    const { problems } = diagnose(model, { model: 'tiny-check', answers: { I1: 'maybe', I9: 'met' } });
    expect(problems.map((p) => p.itemId)).toEqual(['I1', 'I2', 'I3', 'I4', 'I9']);
  });

  it('bounds and monotonic: rate in [0, 100]; improving an answer never lowers the score', () => {
    const grade = fc.constantFrom('met', 'partly', 'not', 'na');
    fc.assert(
      fc.property(
        fc.array(grade, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (gs, i) => {
          const answers = Object.fromEntries(gs.map((g, j) => [`I${j + 1}`, g]));
          const r = diagnose(model, { model: 'tiny-check', answers }).result;
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(r.maxScore);
          expect(r.maxScore).toBe(gs.filter((g) => g !== 'na').length);
          if (gs[i] !== 'na') {
            const up = diagnose(model, {
              model: 'tiny-check',
              answers: { ...answers, [`I${i + 1}`]: 'met' },
            }).result;
            expect(up.score).toBeGreaterThanOrEqual(r.score);
          }
        },
      ),
    );
  });
});
