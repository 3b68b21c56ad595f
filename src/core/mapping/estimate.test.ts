import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnosis/diagnose.ts';
import {
  DomainsFile,
  StagedLevelsFile,
  type IndicatorSystem,
  type StagedIndicatorSystem,
} from '../diagnosis/model-schema.ts';
import type { DiagnosisResult } from '../diagnosis/result.ts';
import { metaOf, tinyPointsIndicatorSystem } from '../diagnosis/test-models.ts';
import { estimateOnModels, placeOnLadder } from './estimate.ts';
import { ConceptsFile, MappingPackMeta, type ModelMapping } from './mapping-schema.ts';

const t = (zh: string) => ({ zh, en: zh });
const points = tinyPointsIndicatorSystem();
const staged: StagedIndicatorSystem = {
  family: 'staged',
  meta: metaOf('tiny-staged', 'staged'),
  rules: StagedLevelsFile.parse({
    grades: [
      { value: 0, name: t('0') },
      { value: 0.5, name: t('0.5') },
      { value: 1, name: t('1') },
    ],
    passScore: 0.8,
    aggregate: 'weighted',
    weightTables: [{ id: 'g', name: t('g') }],
    levels: [
      { id: 'L1', name: t('一级'), minS: 0.8 },
      { id: 'L2', name: t('二级'), minS: 1.8 },
    ],
  }),
  areas: DomainsFile.parse({
    areas: [
      {
        id: 'X',
        name: t('域'),
        subdomains: ['A', 'B', 'C'].map((id) => ({
          id,
          name: t(id),
          weights: { g: id === 'C' ? 0.4 : 0.3 },
          scenarios: [],
          requirements: [1, 2].map((level) => ({ id: `${id}${level}`, level, text: `${id}${level}` })),
        })),
      },
    ],
  }).areas,
};
const models = new Map<string, IndicatorSystem>([
  [points.meta.id, points],
  [staged.meta.id, staged],
]);
const mapping: ModelMapping = {
  meta: MappingPackMeta.parse({
    kind: 'mapping',
    id: 'tiny-map',
    version: '1.0.0',
    title: t('映射'),
    publisher: 'test',
    source: { source: 'test', section: 'test' },
    models: ['tiny-points', 'tiny-staged', 'not-loaded'],
  }),
  concepts: ConceptsFile.parse({
    concepts: [
      {
        id: 'c1',
        name: t('一'),
        members: [
          { model: 'tiny-points', item: 'I1' },
          { model: 'tiny-staged', item: 'A' },
        ],
      },
      {
        id: 'c2',
        name: t('二'),
        members: [
          { model: 'tiny-points', item: 'S1', kind: 'scene' },
          { model: 'tiny-points', item: 'I2' },
          { model: 'tiny-staged', item: 'A' },
          { model: 'tiny-staged', item: 'B' },
        ],
      },
      {
        id: 'c3',
        name: t('三'),
        members: [
          { model: 'tiny-staged', item: 'C' },
          { model: 'not-loaded', item: 'Z' },
        ],
      },
    ],
  }).concepts,
};

/** A points result with the given indicator standings (score of max) and scene levels. */
function pointsResult(ind: { I1: number; I2: number; I3: number }, scenes: number[]): DiagnosisResult {
  const max = { I1: 3, I2: 3, I3: 2 };
  return {
    model: { id: 'tiny-points', version: '1.0.0' },
    family: 'points',
    score: 0,
    maxScore: 8,
    percent: 0,
    level: null,
    dimensions: [],
    subDimensions: (['I1', 'I2', 'I3'] as const).map((id) => ({
      id,
      name: id,
      score: ind[id],
      max: max[id],
    })),
    scenes: ['S1', 'S2', 'S3', 'S4'].map((id, i) => ({
      id,
      name: id,
      group: 'G',
      constrained: i % 2 === 0,
      level: scenes[i] ?? 0,
    })),
    levelScores: [],
    gaps: [],
    nextLevel: null,
  };
}
const arbResult = fc
  .record({
    I1: fc.integer({ min: 0, max: 3 }),
    I2: fc.integer({ min: 0, max: 3 }),
    I3: fc.integer({ min: 0, max: 2 }),
    scenes: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
  })
  .map((r) => ({ ...r, result: pointsResult(r, r.scenes) }));
const estimate = (result: DiagnosisResult) =>
  estimateOnModels(mapping, { model: points, result }, models).estimates;
const levelIndex = (e: { level: { id: string } | null }) => (e.level ? Number(e.level.id.slice(1)) : 0);

describe('estimateOnModels', () => {
  it('averages the source items of each concept, then the concepts of each target item, and says what fed it', () => {
    // I1 = 3/3 → c1 = 1; I2 = 1/3 and S1 = 1/2 → c2 = (1/3 + 1/2) / 2 = 5/12
    const [e, ...rest] = estimate(pointsResult({ I1: 3, I2: 1, I3: 2 }, [1, 2, 2, 2]));
    expect(rest).toEqual([]); // the source itself and a model not loaded are left out
    expect(e?.model.id).toBe('tiny-staged');
    expect(e?.items.map((i) => [i.id, i.fraction])).toEqual([
      ['A', +((1 + 5 / 12) / 2).toFixed(6)],
      ['B', +(5 / 12).toFixed(6)],
    ]);
    expect(e?.coverage).toEqual({ covered: 2, total: 3 }); // C is linked only to a model not loaded
    expect(e?.items[0]?.via.map((v) => [v.concept, v.from.map((f) => f.id)])).toEqual([
      ['c1', ['I1']],
      ['c2', ['S1', 'I2']],
    ]);
    expect(e?.fraction).toBeCloseTo(((1 + 5 / 12) / 2 + 5 / 12) / 2, 5);
    // S ≈ 0.604 × 2 levels = 1.21 → 一级
    expect(e?.level?.id).toBe('L1');
    expect(e?.levelBasis).toBe('staged-s');
  });

  it('estimates the other way too (staged source onto a points model), scene gates flagged as left out', () => {
    const answers = { A1: 1, A2: 1, B1: 0.5, B2: 0.5, C1: 1, C2: 1 };
    const { result } = diagnose(staged, { model: 'tiny-staged', answers, weightTable: 'g' });
    const [e] = estimateOnModels(mapping, { model: staged, result }, models).estimates;
    expect(e?.model.id).toBe('tiny-points');
    // c1 = A = 1; c2 = (A + B) / 2 = 0.75 → I1 1, I2 0.75, S1 0.75
    expect(e?.items.map((i) => [i.kind, i.id, i.fraction])).toEqual([
      ['item', 'I1', 1],
      ['item', 'I2', 0.75],
      ['scene', 'S1', 0.75],
    ]);
    expect(e?.coverage).toEqual({ covered: 3, total: 7 });
    expect(e?.gatesIgnored).toBe(true);
    expect(e?.levelBasis).toBe('score');
  });

  it('no scored source item in any concept: the models are listed with no coverage and no estimate', () => {
    const other = { ...points, meta: { ...points.meta, id: 'tiny-other' } };
    const m = { ...mapping, meta: { ...mapping.meta, models: ['tiny-other', 'tiny-staged'] } };
    const [e] = estimateOnModels(
      m,
      { model: other, result: pointsResult({ I1: 3, I2: 3, I3: 2 }, [2, 2, 2, 2]) },
      models,
    ).estimates;
    expect(e).toMatchObject({ fraction: null, level: null, coverage: { covered: 0, total: 3 }, items: [] });
  });

  it('law: every fraction is in [0, 1] and coverage never exceeds the items of the model', () => {
    fc.assert(
      fc.property(arbResult, ({ result }) => {
        for (const e of estimate(result)) {
          expect(e.coverage.covered).toBeLessThanOrEqual(e.coverage.total);
          expect(e.items.length).toBe(e.coverage.covered);
          for (const x of [e.fraction ?? 0, ...e.items.map((i) => i.fraction)]) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('law (monotonic): better source scores never lower an estimate or its level', () => {
    fc.assert(
      fc.property(arbResult, arbResult, (a, b) => {
        const lo = pointsResult(
          { I1: Math.min(a.I1, b.I1), I2: Math.min(a.I2, b.I2), I3: Math.min(a.I3, b.I3) },
          a.scenes.map((s, i) => Math.min(s, b.scenes[i] ?? 0)),
        );
        const hi = pointsResult(
          { I1: Math.max(a.I1, b.I1), I2: Math.max(a.I2, b.I2), I3: Math.max(a.I3, b.I3) },
          a.scenes.map((s, i) => Math.max(s, b.scenes[i] ?? 0)),
        );
        const [el] = estimate(lo);
        const [eh] = estimate(hi);
        expect(eh!.fraction!).toBeGreaterThanOrEqual(el!.fraction!);
        expect(levelIndex(eh!)).toBeGreaterThanOrEqual(levelIndex(el!));
        el!.items.forEach((it, i) => expect(eh!.items[i]!.fraction).toBeGreaterThanOrEqual(it.fraction));
      }),
    );
  });

  it('law: items in no concept (I3, scenes S2–S4) never change an estimate', () => {
    fc.assert(
      fc.property(arbResult, arbResult, (a, b) => {
        const mixed = pointsResult({ I1: a.I1, I2: a.I2, I3: b.I3 }, [
          a.scenes[0] ?? 0,
          ...b.scenes.slice(1),
        ]);
        expect(estimate(mixed)).toEqual(estimate(a.result));
      }),
    );
  });

  it('law: placing on the ladder is monotonic in the standing, for both families', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          for (const m of [points, staged])
            expect(levelIndex(placeOnLadder(m, hi))).toBeGreaterThanOrEqual(levelIndex(placeOnLadder(m, lo)));
        },
      ),
    );
  });
});
