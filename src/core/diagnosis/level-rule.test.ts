import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { levelRule } from './level-rule.ts';
import { StagedLevelsFile, type StagedIndicatorSystem } from './model-schema.ts';
import { metaOf, tinyPointsIndicatorSystem } from './test-models.ts';

const points = tinyPointsIndicatorSystem();

describe('levelRule — points', () => {
  it("gives each level's score, scene and 约束性 conditions with the enterprise's position", () => {
    // score 3 (≥ 2, < 5); scenes S1 = 1 (约束性), S4 = 1: two at level 1, one of them constrained
    const { result } = diagnose(points, {
      model: 'tiny-points',
      answers: { Q1: 'B', Q2: ['C'], Q3: 30 },
      scenes: { S1: 1, S2: 0, S3: 0, S4: 1 },
    });
    const rows = levelRule(points, result);
    expect(rows.map((r) => [r.id, r.holds, r.reached])).toEqual([
      ['L1', true, true],
      ['L2', false, false],
    ]);
    expect(rows[1]?.conditions).toEqual([
      { kind: 'score', need: 5, have: 3, met: false },
      { kind: 'scenes', sceneLevel: 2, need: 3, have: 0, met: false },
      { kind: 'constrained', sceneLevel: 2, need: 2, have: 0, met: false },
    ]);
  });

  it('a level is reached only when it and every level below hold, as the engine climbs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('A', 'B', 'C'),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        (q1, q3, levels) => {
          const { result } = diagnose(points, {
            model: 'tiny-points',
            answers: { Q1: q1, Q2: ['B', 'C'], Q3: q3 },
            scenes: Object.fromEntries(levels.map((l, i) => [`S${i + 1}`, l])),
          });
          const rows = levelRule(points, result);
          const reached = rows.filter((r) => r.reached);
          expect(reached.at(-1)?.id ?? null).toBe(result.level?.id ?? null);
          for (const r of rows) expect(r.holds).toBe(r.conditions.every((c) => c.met));
        },
      ),
    );
  });
});

describe('levelRule — staged and checklist', () => {
  const t = (zh: string) => ({ zh, en: zh });
  const model: StagedIndicatorSystem = {
    family: 'staged',
    meta: metaOf('tiny-staged', 'staged'),
    rules: StagedLevelsFile.parse({
      grades: [
        { value: 0, name: t('不满足') },
        { value: 1, name: t('全部满足') },
      ],
      passScore: 0.8,
      aggregate: 'weighted',
      levels: [
        { id: 'L1', name: t('一级'), minS: 0.8 },
        { id: 'L2', name: t('二级'), minS: 1.8 },
      ],
    }),
    areas: [],
  };
  it('compares S with each lower bound and carries the level scores', () => {
    const rows = levelRule(model, {
      score: 1.5,
      level: { id: 'L1' },
      scenes: [],
      levelScores: [
        { id: 'L1', score: 1, passed: true, counted: true },
        { id: 'L2', score: 0.5, passed: false, counted: true },
      ],
    });
    expect(rows.map((r) => [r.id, r.reached, r.conditions])).toEqual([
      ['L1', true, [{ kind: 'staged-s', need: 0.8, have: 1.5, met: true, passScore: 0.8 }]],
      ['L2', false, [{ kind: 'staged-s', need: 1.8, have: 1.5, met: false, passScore: 0.8 }]],
    ]);
    expect(rows[1]?.levelScore).toEqual({ score: 0.5, passed: false, counted: true });
  });
});
