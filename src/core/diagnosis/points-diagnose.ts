import type { AnswerProblem, Assessment } from './assessment.ts';
import type { PointsIndicatorSystem } from './model-schema.ts';
import { tidy } from './numbers.ts';
import { readPointsAnswers, type PointsAnswers } from './points-answers.ts';
import { flatQuestions } from './points-flat.ts';
import { bestAnswer, showAnswer } from './points-moves.ts';
import { pointsNextLevel } from './points-next-level.ts';
import { pointsLevel, scorePoints } from './points-score.ts';
import type { DiagnosisResult, DimensionScore, Gap } from './result.ts';

export function diagnosePoints(
  model: PointsIndicatorSystem,
  assessment: Pick<Assessment, 'answers' | 'scenes'>,
): { result: DiagnosisResult; problems: AnswerProblem[] } {
  const { answers, problems } = readPointsAnswers(model, assessment);
  return { result: pointsResult(model, answers), problems };
}

/** The diagnosis of already-normalised answers (used directly by the search tests and the benchmark). */
export function pointsResult(
  model: PointsIndicatorSystem,
  answers: PointsAnswers,
  withNextLevel = true,
): DiagnosisResult {
  const s = scorePoints(model, answers);
  const k = pointsLevel(model, s.score, answers.scenes);
  const lv = k >= 0 ? model.levels[k] : undefined;
  const flat = flatQuestions(model);
  const gaps: Gap[] = [];
  flat.forEach((fq, i) => {
    const got = s.questionScores[i] ?? 0;
    const a = answers.questions[i];
    if (!a || got >= fq.best - 1e-9) return;
    gaps.push({
      itemId: fq.def.id,
      name: fq.def.name.zh,
      current: showAnswer(fq.def, a),
      best: bestAnswer(fq.def),
      lostPoints: tidy(fq.best - got),
      scenarios: fq.scenarios,
    });
  });
  gaps.sort((x, y) => y.lostPoints - x.lostPoints);
  return {
    model: { id: model.meta.id, version: model.meta.version },
    family: 'points',
    score: s.score,
    maxScore: s.maxScore,
    percent: s.maxScore > 0 ? tidy((s.score / s.maxScore) * 100) : 0,
    level: lv ? { id: lv.id, name: lv.name.zh } : null,
    dimensions: model.dimensions.map((d, i) => ({
      id: d.id,
      name: d.name.zh,
      score: s.dimensionScores[i] ?? 0,
      max: s.dimensionMax[i] ?? 0,
    })),
    subDimensions: indicatorScores(model, s.questionScores),
    scenes: model.scenes.map((sc, i) => ({
      id: sc.id,
      name: sc.name.zh,
      group: sc.group,
      constrained: sc.constrained,
      level: answers.scenes[i] ?? 0,
    })),
    levelScores: [],
    gaps,
    nextLevel: withNextLevel ? pointsNextLevel(model, answers, s.score, k) : null,
  };
}

function indicatorScores(model: PointsIndicatorSystem, questionScores: readonly number[]): DimensionScore[] {
  const out: DimensionScore[] = [];
  let i = 0;
  for (const d of model.dimensions)
    for (const ind of d.indicators) {
      let score = 0;
      for (const _q of ind.questions) score += questionScores[i++] ?? 0;
      out.push({ id: ind.id, name: ind.name.zh, score: tidy(score), max: ind.points });
    }
  return out;
}
