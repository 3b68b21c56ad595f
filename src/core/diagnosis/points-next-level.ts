import { minimalCountCover, minimalGainCover } from './cover-search.ts';
import type { PointsIndicatorSystem } from './model-schema.ts';
import { atLeast, tidy } from './numbers.ts';
import type { PointsAnswers } from './points-answers.ts';
import { flatQuestions } from './points-flat.ts';
import { answerMoves, showAnswer } from './points-moves.ts';
import { countScenes } from './points-score.ts';
import type { Change, NextLevel } from './result.ts';

/**
 * The smallest set of answer improvements that reaches the level after `levelIndex` (-1 = none reached yet).
 * The loader guarantees gate parameters never decrease from one level to the next, so the target's gate alone
 * decides. Questions only feed the score and scenes only feed the scene counts, so the two parts are searched
 * separately, each exactly (see cover-search.ts); the sum of two minimal parts is minimal.
 * Returns null when the highest level is already reached.
 */
export function pointsNextLevel(
  model: PointsIndicatorSystem,
  answers: PointsAnswers,
  score: number,
  levelIndex: number,
): NextLevel | null {
  const target = model.levels[levelIndex + 1];
  if (!target) return null;
  const ref = { id: target.id, name: target.name.zh };
  const flat = flatQuestions(model);

  // score part
  const moves = flat.map((fq, i) => {
    const a = answers.questions[i];
    return a ? answerMoves(fq.def, a) : [];
  });
  const need = tidy(target.minScore - score);
  const scoreCover = minimalGainCover(moves, need);
  if (!scoreCover) {
    const reachable = tidy(score + moves.reduce((s, ms) => s + (ms[ms.length - 1]?.gain ?? 0), 0));
    return {
      reachable: false,
      target: ref,
      reason: `the score can reach at most ${reachable}, ${target.name.en} needs ${target.minScore}`,
      why: { kind: 'score-cap', reachable, needed: target.minScore },
    };
  }

  // scene part
  const L = target.sceneLevel;
  const have = countScenes(model, answers.scenes, L);
  const totalConstrained = model.scenes.filter((s) => s.constrained).length;
  if (model.scenes.length < target.minScenes || totalConstrained < target.minConstrainedScenes)
    return {
      reachable: false,
      target: ref,
      reason: `the model has too few scenes for the gate of ${target.name.en}`,
      why: { kind: 'too-few-scenes' },
    };
  const sceneMoves = model.scenes.map((s, i) => {
    const cur = answers.scenes[i] ?? 0;
    return cur >= L ? null : { constrained: s.constrained, step: L - cur };
  });
  const sceneCover = minimalCountCover(
    sceneMoves,
    target.minScenes - have.all,
    target.minConstrainedScenes - have.constrained,
  );
  if (!sceneCover)
    return {
      reachable: false,
      target: ref,
      reason: 'not enough scenes can be raised',
      why: { kind: 'scenes-cannot-rise' },
    };

  const changes: Change[] = [];
  for (const [qi, mi] of scoreCover.picks) {
    const fq = flat[qi];
    const m = moves[qi]?.[mi];
    const a = answers.questions[qi];
    if (!fq || !m || !a) continue;
    changes.push({
      itemId: fq.def.id,
      kind: 'question',
      name: fq.def.name.zh,
      from: showAnswer(fq.def, a),
      to: showAnswer(fq.def, m.to),
      gain: m.gain,
      step: m.step,
      scenarios: fq.scenarios,
    });
  }
  for (const [si] of sceneCover.picks) {
    const s = model.scenes[si];
    if (!s) continue;
    const cur = answers.scenes[si] ?? 0;
    changes.push({
      itemId: s.id,
      kind: 'scene',
      name: s.name.zh,
      from: cur,
      to: L,
      gain: 0,
      step: L - cur,
      scenarios: s.scenarios,
    });
  }
  if (!atLeast(score + scoreCover.gain, target.minScore))
    throw new Error('internal: cover does not reach the target');
  return {
    reachable: true,
    target: ref,
    changes,
    changeCount: changes.length,
    totalStep: changes.reduce((s, c) => s + c.step, 0),
  };
}
