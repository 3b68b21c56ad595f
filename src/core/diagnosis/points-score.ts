import type { PointsIndicatorSystem, QuestionDef, RatioQuestion } from './model-schema.ts';
import { atLeast, tidy } from './numbers.ts';
import type { PointsAnswers, QuestionAnswer } from './points-answers.ts';
import { flatQuestions } from './points-flat.ts';

/** Index of the band a percentage falls in: bands are (previous upTo, upTo], the first one [0, upTo]. */
export function bandIndex(q: RatioQuestion, percent: number): number {
  for (let i = 0; i < q.bands.length; i++) if (percent <= (q.bands[i]?.upTo ?? 100) + 1e-9) return i;
  return q.bands.length - 1;
}

/**
 * The smallest clean percentage that lands in band j, i.e. the value to aim for to earn that band's points. The first
 * band is [0, upTo] → 0; any other band is (previous upTo, upTo] → the next whole percentage above the previous bound
 * (answers may be decimals, so nothing is "the" smallest; a whole number is what a consultant would quote). When the
 * band holds no whole percentage (e.g. (60, 60.5]) one decimal is tried, then two…, and the bound itself as last resort.
 */
export function bandFloor(q: RatioQuestion, j: number): number {
  const band = q.bands[j];
  if (band === undefined) throw new Error(`question ${q.id} has no band ${j}`);
  const lower = j === 0 ? undefined : q.bands[j - 1]?.upTo;
  if (lower === undefined) return 0;
  for (let decimals = 0; decimals <= 6; decimals++) {
    const unit = 10 ** -decimals;
    const v = tidy((Math.floor(tidy(lower / unit)) + 1) * unit);
    if (v > lower + 1e-9 && v <= band.upTo + 1e-9 && bandIndex(q, v) === j) return v;
  }
  return band.upTo;
}

/** Points of one answer, capped at the question's maximum; unanswered scores 0. */
export function questionScore(q: QuestionDef, a: QuestionAnswer): number {
  if (q.type === 'single' && a.type === 'single')
    return a.index === null ? 0 : (q.options[a.index]?.points ?? 0);
  if (q.type === 'multi' && a.type === 'multi') {
    let s = 0;
    for (const i of a.chosen) {
      const o = q.options[i];
      if (o && !o.exclusive) s += o.points;
    }
    return tidy(Math.min(q.max, s));
  }
  if (q.type === 'ratio' && a.type === 'ratio')
    return a.percent === null ? 0 : (q.bands[bandIndex(q, a.percent)]?.points ?? 0);
  throw new Error(`answer of type ${a.type} given to ${q.type} question ${q.id}`);
}

export interface PointsScore {
  questionScores: number[];
  dimensionScores: number[];
  dimensionMax: number[];
  score: number;
  maxScore: number;
}

export function scorePoints(model: PointsIndicatorSystem, answers: PointsAnswers): PointsScore {
  const flat = flatQuestions(model);
  const dimensionScores = model.dimensions.map(() => 0);
  const dimensionMax = model.dimensions.map(() => 0);
  const questionScores: number[] = [];
  let score = 0;
  let maxScore = 0;
  flat.forEach((fq, i) => {
    const a = answers.questions[i];
    const s = a ? questionScore(fq.def, a) : 0;
    questionScores.push(s);
    dimensionScores[fq.dimension] = (dimensionScores[fq.dimension] ?? 0) + s;
    dimensionMax[fq.dimension] = (dimensionMax[fq.dimension] ?? 0) + fq.best;
    score += s;
    maxScore += fq.best;
  });
  return {
    questionScores,
    dimensionScores: dimensionScores.map(tidy),
    dimensionMax: dimensionMax.map(tidy),
    score: tidy(score),
    maxScore: tidy(maxScore),
  };
}

/** Number of scenes at level ≥ `level`, and how many of them are 约束性. */
export function countScenes(
  model: PointsIndicatorSystem,
  scenes: readonly number[],
  level: number,
): { all: number; constrained: number } {
  let all = 0;
  let constrained = 0;
  model.scenes.forEach((s, i) => {
    if ((scenes[i] ?? 0) >= level) {
      all++;
      if (s.constrained) constrained++;
    }
  });
  return { all, constrained };
}

/** Whether the gate of level k (index into model.levels) holds. */
export function gateHolds(
  model: PointsIndicatorSystem,
  k: number,
  score: number,
  scenes: readonly number[],
): boolean {
  const lv = model.levels[k];
  if (!lv) return false;
  if (!atLeast(score, lv.minScore)) return false;
  const c = countScenes(model, scenes, lv.sceneLevel);
  return c.all >= lv.minScenes && c.constrained >= lv.minConstrainedScenes;
}

/**
 * The level reached: levels are climbed bottom-up, level k counts only if levels 1…k-1 hold too.
 * Returns the index of the highest level reached, or -1.
 */
export function pointsLevel(model: PointsIndicatorSystem, score: number, scenes: readonly number[]): number {
  let reached = -1;
  for (let k = 0; k < model.levels.length; k++) {
    if (!gateHolds(model, k, score, scenes)) break;
    reached = k;
  }
  return reached;
}
