import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.ts';
import { applyChanges, diagnose } from './diagnose.ts';
import { readPointsAnswers, type PointsAnswers, type QuestionAnswer } from './points-answers.ts';
import { pointsResult } from './points-diagnose.ts';
import type { RatioQuestion } from './model-schema.ts';
import { answerMoves, bestAnswer } from './points-moves.ts';
import { bandFloor, bandIndex, pointsLevel, questionScore, scorePoints } from './points-score.ts';
import { tinyPointsIndicatorSystem } from './test-models.ts';

const model = tinyPointsIndicatorSystem();
const [q1, q2, q3] = model.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.questions));
const base: Assessment = {
  model: 'tiny-points',
  answers: { Q1: 'B', Q2: ['C'], Q3: 30 },
  scenes: { S1: 1, S2: 0, S3: 0, S4: 1 },
};

describe('points family — scoring', () => {
  it('scores single, multi (capped, exclusive 无) and ratio bands', () => {
    if (!q1 || !q2 || !q3) throw new Error('fixture');
    expect(questionScore(q1, { type: 'single', index: 2 })).toBe(3);
    expect(questionScore(q1, { type: 'single', index: null })).toBe(0);
    expect(questionScore(q2, { type: 'multi', chosen: [1, 2, 3] })).toBe(3); // 2+1+1 = 4 capped at 3
    expect(questionScore(q2, { type: 'multi', chosen: [0] })).toBe(0);
    expect(questionScore(q2, { type: 'multi', chosen: [2, 3] })).toBe(2);
    if (q3.type !== 'ratio') throw new Error('fixture');
    expect([0, 10, 10.01, 50, 50.5, 100].map((p) => bandIndex(q3, p))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('diagnoses a full assessment', () => {
    const { result, problems } = diagnose(model, base);
    expect(problems).toEqual([]);
    expect(result.score).toBe(1 + 1 + 1);
    expect(result.maxScore).toBe(8);
    expect(result.percent).toBe(37.5);
    expect(result.level).toEqual({ id: 'L1', name: '一级' });
    expect(result.dimensions).toEqual([
      { id: 'D1', name: '维度一', score: 2, max: 6 },
      { id: 'D2', name: '维度二', score: 1, max: 2 },
    ]);
    expect(result.gaps.map((g) => [g.itemId, g.lostPoints])).toEqual([
      ['Q1', 2],
      ['Q2', 2],
      ['Q3', 1],
    ]);
  });

  it('reads ratio form fields and reports every bad answer', () => {
    const ok = readPointsAnswers(model, {
      answers: { Q1: 'c', Q2: 'B,C', Q3: { 联网数: 6, 总数: 10 } },
      scenes: base.scenes,
    });
    expect(ok.problems).toEqual([]);
    expect(ok.answers.questions).toEqual([
      { type: 'single', index: 2 },
      { type: 'multi', chosen: [1, 2] },
      { type: 'ratio', percent: 60 },
    ]);
    const bad = readPointsAnswers(model, {
      answers: { Q1: 'Z', Q2: ['A', 'B'], Q3: 120, Q9: 'A' },
      scenes: { S1: 5 },
    });
    expect(bad.problems.map((p) => p.itemId)).toEqual(['Q1', 'Q2', 'Q3', 'Q9', 'S1', 'S2', 'S3', 'S4']);
    expect(bad.problems[0]?.message).toMatch(/unknown option "Z"; allowed: one of A, B, C/);
    expect(bad.problems[1]?.message).toMatch(/cannot be combined/);
    expect(bad.problems[2]?.message).toMatch(/between 0 and 100/);
    const missing = readPointsAnswers(model, { answers: { Q1: 'A' }, scenes: base.scenes });
    expect(missing.problems.map((p) => `${p.itemId}: ${p.message}`)).toEqual([
      'Q2: missing required answer',
      'Q3: missing required answer',
    ]);
  });

  it('flags answers from another model or version', () => {
    const { problems } = diagnose(model, { ...base, model: 'other', version: '9.9.9' });
    expect(problems.map((p) => p.itemId)).toEqual(['(model)', '(version)']);
  });

  it('decides the level by score AND scene counts (约束性 counted separately)', () => {
    const all2 = [2, 2, 2, 2];
    expect(pointsLevel(model, 8, all2)).toBe(1);
    expect(pointsLevel(model, 4.99, all2)).toBe(0); // score short of 5
    expect(pointsLevel(model, 8, [2, 2, 0, 2])).toBe(0); // 3 scenes at 2 but only 1 constrained
    expect(pointsLevel(model, 8, [0, 1, 0, 1])).toBe(-1); // no constrained scene at ≥1
    expect(pointsLevel(model, 1.99, all2)).toBe(-1);
  });
});

// ---------------------------------------------------------------- brute force over the whole tiny answer space

const singles = [0, 1, 2].map((index): QuestionAnswer => ({ type: 'single', index }));
const multis: QuestionAnswer[] = [{ type: 'multi', chosen: [0] }];
for (let mask = 1; mask < 8; mask++)
  multis.push({ type: 'multi', chosen: [1, 2, 3].filter((_, b) => mask & (1 << b)) });
const ratios = [5, 30, 80].map((percent): QuestionAnswer => ({ type: 'ratio', percent }));
const all: PointsAnswers[] = [];
for (const a of singles)
  for (const b of multis)
    for (const c of ratios)
      for (let s = 0; s < 81; s++)
        all.push({
          questions: [a, b, c],
          scenes: [s % 3, Math.floor(s / 3) % 3, Math.floor(s / 9) % 3, Math.floor(s / 27) % 3],
        });

function stepBetween(x: QuestionAnswer, y: QuestionAnswer): number {
  if (x.type === 'single' && y.type === 'single') return Math.abs((x.index ?? -1) - (y.index ?? -1));
  if (x.type === 'multi' && y.type === 'multi') {
    const real = (l: number[]) => l.filter((i) => i !== 0);
    const X = real(x.chosen);
    const Y = real(y.chosen);
    return Y.filter((i) => !X.includes(i)).length + X.filter((i) => !Y.includes(i)).length;
  }
  if (x.type === 'ratio' && y.type === 'ratio' && q3?.type === 'ratio')
    return Math.abs(bandIndex(q3, x.percent ?? 0) - bandIndex(q3, y.percent ?? 0));
  return 0;
}
const same = (x: QuestionAnswer, y: QuestionAnswer) => JSON.stringify(x) === JSON.stringify(y);

function levelOf(a: PointsAnswers): number {
  return pointsLevel(model, scorePoints(model, a).score, a.scenes);
}

/** Minimal (count, step) over every reachable answer state at or above the target level. */
function bruteForce(from: PointsAnswers, target: number): { count: number; step: number } | null {
  let best: { count: number; step: number } | null = null;
  for (const to of all) {
    if (levelOf(to) < target) continue;
    let count = 0;
    let step = 0;
    to.questions.forEach((q, i) => {
      const f = from.questions[i];
      if (f && !same(f, q)) {
        count++;
        step += stepBetween(f, q);
      }
    });
    to.scenes.forEach((s, i) => {
      const f = from.scenes[i] ?? 0;
      if (f !== s) {
        count++;
        step += Math.abs(s - f);
      }
    });
    if (!best || count < best.count || (count === best.count && step < best.step)) best = { count, step };
  }
  return best;
}

function toAssessment(a: PointsAnswers): Assessment {
  const show = (q: QuestionAnswer) =>
    q.type === 'single'
      ? String.fromCharCode(65 + (q.index ?? 0))
      : q.type === 'multi'
        ? q.chosen.map((i) => String.fromCharCode(65 + i))
        : (q.percent ?? 0);
  return {
    model: 'tiny-points',
    answers: { Q1: show(a.questions[0]!), Q2: show(a.questions[1]!), Q3: show(a.questions[2]!) },
    scenes: Object.fromEntries(model.scenes.map((s, i) => [s.id, a.scenes[i] ?? 0])),
  };
}

describe('points family — path to the next level', () => {
  it('is minimal (count, then step) and reaches the target, checked against brute force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), (i) => {
        const from = all[i]!;
        const r = pointsResult(model, from);
        const current = levelOf(from);
        if (current === model.levels.length - 1) {
          expect(r.nextLevel).toBeNull();
          return;
        }
        const brute = bruteForce(from, current + 1);
        const next = r.nextLevel;
        if (!next) throw new Error('expected a next level');
        if (!brute) {
          expect(next.reachable).toBe(false);
          return;
        }
        if (!next.reachable) throw new Error(`search says unreachable: ${next.reason}`);
        expect({ count: next.changeCount, step: next.totalStep }).toEqual(brute);
        const after = diagnose(model, applyChanges(toAssessment(from), next.changes));
        expect(after.problems).toEqual([]);
        expect(model.levels.findIndex((l) => l.id === after.result.level?.id)).toBeGreaterThanOrEqual(
          current + 1,
        );
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('gives a concrete to-do list', () => {
    const r = diagnose(model, base).result;
    expect(r.nextLevel).toEqual({
      reachable: true,
      target: { id: 'L2', name: '二级' },
      changes: [
        {
          itemId: 'Q1',
          kind: 'question',
          name: '单选',
          from: 'B',
          to: 'C',
          gain: 2,
          step: 1,
          scenarios: ['GEN-PM-01'],
        },
        { itemId: 'S1', kind: 'scene', name: 'S1', from: 1, to: 2, gain: 0, step: 1, scenarios: [] },
        { itemId: 'S3', kind: 'scene', name: 'S3', from: 0, to: 2, gain: 0, step: 2, scenarios: [] },
        { itemId: 'S4', kind: 'scene', name: 'S4', from: 1, to: 2, gain: 0, step: 1, scenarios: [] },
      ],
      changeCount: 4,
      totalStep: 5,
    });
  });
});

describe('points family — laws', () => {
  const answerArb = fc.integer({ min: 0, max: all.length - 1 }).map((i) => all[i]!);
  it('bounds: 0 ≤ score ≤ maxScore, percent ≤ 100', () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        const r = pointsResult(model, a, false);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(r.maxScore);
        expect(r.percent).toBeLessThanOrEqual(100);
        for (const d of r.dimensions) expect(d.score).toBeLessThanOrEqual(d.max);
      }),
    );
  });
  it('monotonic: improving any answer never lowers score or level', () => {
    fc.assert(
      fc.property(answerArb, fc.integer({ min: 0, max: 6 }), (a, item) => {
        const better: PointsAnswers = { questions: [...a.questions], scenes: [...a.scenes] };
        if (item < 3) {
          const q = a.questions[item]!;
          better.questions[item] =
            q.type === 'single'
              ? { type: 'single', index: Math.min(2, (q.index ?? 0) + 1) }
              : q.type === 'multi'
                ? {
                    type: 'multi',
                    chosen: [...new Set([...q.chosen.filter((i) => i !== 0), 1 + (item % 3)])].sort(),
                  }
                : { type: 'ratio', percent: Math.min(100, (q.percent ?? 0) + 30) };
        } else better.scenes[item - 3] = Math.min(2, (a.scenes[item - 3] ?? 0) + 1);
        const r0 = pointsResult(model, a, false);
        const r1 = pointsResult(model, better, false);
        expect(r1.score).toBeGreaterThanOrEqual(r0.score);
        expect(levelOf(better)).toBeGreaterThanOrEqual(levelOf(a));
      }),
    );
  });
});

describe('points family — ratio targets are the smallest value of the band', () => {
  const ratio = (uppers: number[]): RatioQuestion => ({
    id: 'R',
    name: { zh: 'R', en: 'R' },
    prompt: { zh: 'R' },
    scenarios: [],
    required: true,
    type: 'ratio',
    bands: uppers.map((upTo, i) => ({ upTo, points: i })),
  });

  it('aims at the next whole percentage above the band below, 0 for the first band', () => {
    if (q3?.type !== 'ratio') throw new Error('fixture');
    // bands [0,10] (10,50] (50,100]
    expect([0, 1, 2].map((j) => bandFloor(q3, j))).toEqual([0, 11, 51]);
    expect(answerMoves(q3, { type: 'ratio', percent: 5 }).map((m) => m.to)).toEqual([
      { type: 'ratio', percent: 11 },
      { type: 'ratio', percent: 51 },
    ]);
    expect(answerMoves(q3, { type: 'ratio', percent: 5 }).map((m) => m.step)).toEqual([1, 2]);
    expect(bestAnswer(q3)).toBe(51);
  });

  it('falls back to decimals when a band holds no whole percentage', () => {
    const q = ratio([10, 10.5, 10.55, 100]);
    expect([0, 1, 2, 3].map((j) => bandFloor(q, j))).toEqual([0, 10.1, 10.51, 11]);
  });

  it('law: the floor of every band lies in that band, and nothing whole below it does', () => {
    const bounds = fc
      .uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 0, maxLength: 6 })
      .map((xs) =>
        [...xs.map((x) => x / 100).sort((a, b) => a - b), 100].filter(
          (x, i, l) => x < 100 || i === l.length - 1,
        ),
      );
    fc.assert(
      fc.property(bounds, (uppers) => {
        const q = ratio(uppers);
        uppers.forEach((_, j) => {
          const v = bandFloor(q, j);
          expect(bandIndex(q, v)).toBe(j);
          const whole = Math.ceil(v) - 1;
          if (whole >= 0 && Number.isInteger(v)) expect(bandIndex(q, whole)).toBeLessThan(j);
        });
      }),
    );
  });
});
