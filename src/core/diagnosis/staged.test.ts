import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, diagnose } from './diagnose.ts';
import { DomainsFile, StagedLevelsFile, type StagedIndicatorSystem } from './model-schema.ts';
import { effectiveWeights, levelScores, overallS, readStagedAnswers, stagedLevel } from './staged-score.ts';
import { metaOf } from './test-models.ts';

const t = (zh: string) => ({ zh, en: zh });
const req = (sd: string) =>
  [1, 2, 3].map((level) => ({ id: `${sd}${level}`, level, text: `${sd} 级${level}` }));
const rules = StagedLevelsFile.parse({
  grades: [
    { value: 0, name: t('不满足') },
    { value: 0.5, name: t('部分满足') },
    { value: 0.8, name: t('大部分满足') },
    { value: 1, name: t('全部满足') },
  ],
  passScore: 0.8,
  aggregate: 'weighted',
  weightTables: [
    { id: 'process', name: t('流程型') },
    { id: 'discrete', name: t('离散型') },
  ],
  levels: [
    { id: 'L1', name: t('一级'), minS: 0.8 },
    { id: 'L2', name: t('二级'), minS: 1.8 },
    { id: 'L3', name: t('三级'), minS: 2.8 },
  ],
});
const domains = DomainsFile.parse({
  areas: [
    {
      id: 'X',
      name: t('域'),
      subdomains: [
        {
          id: 'A',
          name: t('甲'),
          weights: { process: 0.6, discrete: 0.3 },
          tailorable: true,
          scenarios: [],
          requirements: req('A'),
        },
        {
          id: 'B',
          name: t('乙'),
          weights: { process: 0.4, discrete: 0.7 },
          scenarios: ['GEN-PM-01'],
          requirements: req('B'),
        },
      ],
    },
  ],
});
const model: StagedIndicatorSystem = {
  family: 'staged',
  meta: metaOf('tiny-staged', 'staged'),
  rules,
  areas: domains.areas,
};
const ids = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3'];
const G = [0, 0.5, 0.8, 1];
const assess = (gs: number[], weightTable = 'process') => ({
  model: 'tiny-staged',
  weightTable,
  answers: Object.fromEntries(ids.map((id, i) => [id, gs[i] ?? 0])),
});
const levelIdx = (id: string | undefined) => model.rules.levels.findIndex((l) => l.id === id);

describe('staged family', () => {
  it('scores levels bottom-up, S up to the first failing level, level by interval', () => {
    const { result, problems } = diagnose(model, assess([1, 0.8, 0.5, 0.8, 0.8, 1]));
    expect(problems).toEqual([]);
    expect(result.levelScores.map((l) => [l.score, l.passed, l.counted])).toEqual([
      [0.92, true, true], // 0.6·1 + 0.4·0.8
      [0.8, true, true],
      [0.7, false, true], // 0.6·0.5 + 0.4·1
    ]);
    expect(result.score).toBe(2.42);
    expect(result.level?.name).toBe('二级');
    // the discrete table weighs B more
    expect(diagnose(model, assess([1, 0.8, 0.5, 0.8, 0.8, 1], 'discrete')).result.levelScores[0]?.score).toBe(
      0.86,
    );
  });

  it('tailors out a sub-domain and redistributes its weight', () => {
    const { result, problems } = diagnose(model, { ...assess([0, 0, 0, 1, 1, 0.5]), notApplicable: ['A'] });
    expect(problems).toEqual([]);
    expect(result.levelScores.map((l) => l.score)).toEqual([1, 1, 0.5]);
    expect(
      diagnose(model, { ...assess([0, 0, 0, 0, 0, 0]), notApplicable: ['B'] }).problems[0]?.message,
    ).toMatch(/cannot be tailored/);
  });

  it('tailoring keeps the weights summing to 1', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('process', 'discrete'), (dropA, table) => {
        const w = effectiveWeights(model, table, new Set(dropA ? ['A'] : []));
        expect([...w.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('reports bad grades', () => {
    expect(
      diagnose(model, { ...assess([]), answers: { A1: 0.7, Z: 1 } }).problems.map((p) => p.itemId),
    ).toEqual(['A1', 'Z']);
  });

  const stateArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 });
  const all: number[][] = [];
  for (let n = 0; n < 4096; n++) all.push(ids.map((_, i) => Math.floor(n / 4 ** i) % 4));
  const quickLevel = (gs: number[]) => {
    const { state } = readStagedAnswers(model, assess(gs.map((i) => G[i]!)));
    return stagedLevel(model, overallS(model, levelScores(model, state.items)).S);
  };
  const levels = all.map(quickLevel);

  it('path to the next level is minimal (brute force) and reaches the target', () => {
    fc.assert(
      fc.property(stateArb, (idx) => {
        const r = diagnose(model, assess(idx.map((i) => G[i]!))).result;
        const cur = levelIdx(r.level?.id);
        if (cur === 2) {
          expect(r.nextLevel).toBeNull();
          return;
        }
        let brute: { count: number; step: number } | null = null;
        for (const [n, to] of all.entries()) {
          if ((levels[n] ?? -1) < cur + 1) continue;
          let count = 0;
          let step = 0;
          to.forEach((g, i) => {
            if (g !== idx[i]) {
              count++;
              step += Math.abs(g - idx[i]!);
            }
          });
          if (!brute || count < brute.count || (count === brute.count && step < brute.step))
            brute = { count, step };
        }
        const next = r.nextLevel;
        if (!next?.reachable) throw new Error('expected reachable');
        expect({ count: next.changeCount, step: next.totalStep }).toEqual(brute);
        const after = diagnose(model, applyChanges(assess(idx.map((i) => G[i]!)), next.changes)).result;
        expect(levelIdx(after.level?.id)).toBeGreaterThanOrEqual(cur + 1);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('monotonic and bounded', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 0, max: 5 }), (idx, k) => {
        const r0 = diagnose(model, assess(idx.map((i) => G[i]!))).result;
        const up = [...idx];
        up[k] = Math.min(3, up[k]! + 1);
        const r1 = diagnose(model, assess(up.map((i) => G[i]!))).result;
        expect(r0.score).toBeGreaterThanOrEqual(0);
        expect(r0.score).toBeLessThanOrEqual(r0.maxScore);
        expect(r1.score).toBeGreaterThanOrEqual(r0.score);
        expect(levelIdx(r1.level?.id)).toBeGreaterThanOrEqual(levelIdx(r0.level?.id));
      }),
    );
  });
});
