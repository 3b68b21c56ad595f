import type { AnswerProblem, Assessment } from './assessment.ts';
import type { StagedIndicatorSystem } from './model-schema.ts';
import { atLeast, tidy } from './numbers.ts';
import type { DiagnosisResult, DimensionScore, Gap } from './result.ts';
import { stagedNextLevel } from './staged-next-level.ts';
import { levelScores, overallS, readStagedAnswers, stagedLevel, type StagedItem } from './staged-score.ts';

export function diagnoseStaged(
  model: StagedIndicatorSystem,
  assessment: Assessment,
): { result: DiagnosisResult; problems: AnswerProblem[] } {
  const { state, problems } = readStagedAnswers(model, assessment);
  return { result: stagedResult(model, state.items), problems };
}

/**
 * Staged maturity (GB/T 39116 / GB/T 36073 style): each level's weighted score; S summed bottom-up until the first level
 * under the pass score; the level is the interval S falls in. score = S, maxScore = the number of levels.
 */
export function stagedResult(model: StagedIndicatorSystem, items: readonly StagedItem[]): DiagnosisResult {
  const scores = levelScores(model, items);
  const { S, counted } = overallS(model, scores);
  const k = stagedLevel(model, S);
  const lv = k >= 0 ? model.rules.levels[k] : undefined;
  const maxScore = model.rules.levels.filter((_, l) => items.some((it) => it.level === l + 1)).length;
  const sumUp = (pred: (it: StagedItem) => boolean) => {
    const xs = items.filter(pred);
    return { score: tidy(xs.reduce((s, it) => s + it.grade, 0)), max: xs.length };
  };
  const dimensions: DimensionScore[] = model.areas.map((a, i) => ({
    id: a.id,
    name: a.name.zh,
    ...sumUp((it) => it.area === i),
  }));
  const subDimensions: DimensionScore[] = model.areas.flatMap((a) =>
    a.subdomains.map((s) => ({ id: s.id, name: s.name.zh, ...sumUp((it) => it.subdomain === s.id) })),
  );
  const gaps: Gap[] = items
    .filter((it) => it.grade < 1)
    .map((it) => ({
      itemId: it.id,
      name: it.text,
      current: it.grade,
      best: 1,
      lostPoints: tidy(it.coeff * (1 - it.grade)),
      scenarios: it.scenarios,
    }))
    .sort((x, y) => y.lostPoints - x.lostPoints);
  return {
    model: { id: model.meta.id, version: model.meta.version },
    family: 'staged',
    score: Math.min(S, maxScore),
    maxScore,
    percent: maxScore > 0 ? tidy((Math.min(S, maxScore) / maxScore) * 100) : 0,
    level: lv ? { id: lv.id, name: lv.name.zh } : null,
    dimensions,
    subDimensions,
    scenes: [],
    levelScores: model.rules.levels.map((l, i) => ({
      id: l.id,
      name: l.name.zh,
      score: scores[i] ?? 0,
      passed: atLeast(scores[i] ?? 0, model.rules.passScore),
      counted: i < counted,
    })),
    gaps,
    nextLevel: stagedNextLevel(model, [...items], k),
  };
}
