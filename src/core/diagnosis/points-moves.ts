import type { AnswerShown } from './result.ts';
import type { QuestionDef } from './model-schema.ts';
import type { QuestionAnswer } from './points-answers.ts';
import { tidy } from './numbers.ts';
import { bandFloor, bandIndex, questionScore } from './points-score.ts';

/** A possible improvement of one answer: the new answer, its score gain and its step size. */
export interface AnswerMove {
  to: QuestionAnswer;
  gain: number;
  step: number;
}

/**
 * The useful improvements of one answer: for each step size the one with the largest gain, keeping only those that
 * gain strictly more than every smaller step (anything else is dominated). Ascending by step.
 *   single — move to a higher-scoring option; step = distance in the option list
 *   multi  — add the j best-scoring options not yet chosen ("无" dropped); step = j
 *   ratio  — climb to a higher band, aiming at its smallest value (bandFloor); step = bands climbed
 */
export function answerMoves(q: QuestionDef, a: QuestionAnswer): AnswerMove[] {
  const current = questionScore(q, a);
  const raw: AnswerMove[] = [];
  if (q.type === 'single' && a.type === 'single') {
    const from = a.index ?? -1;
    q.options.forEach((o, j) => {
      if (o.points > current)
        raw.push({
          to: { type: 'single', index: j },
          gain: tidy(o.points - current),
          step: Math.abs(j - from),
        });
    });
  } else if (q.type === 'multi' && a.type === 'multi') {
    const base = a.chosen.filter((i) => !q.options[i]?.exclusive);
    const candidates = q.options
      .map((o, i) => ({ o, i }))
      .filter(({ o, i }) => !o.exclusive && !base.includes(i) && o.points > 0)
      .sort((x, y) => y.o.points - x.o.points || x.i - y.i);
    const chosen = [...base];
    candidates.forEach(({ i }, j) => {
      chosen.push(i);
      const to: QuestionAnswer = { type: 'multi', chosen: [...chosen].sort((x, y) => x - y) };
      raw.push({ to, gain: tidy(questionScore(q, to) - current), step: j + 1 });
    });
  } else if (q.type === 'ratio' && a.type === 'ratio') {
    const from = a.percent === null ? -1 : bandIndex(q, a.percent);
    q.bands.forEach((b, j) => {
      if (j > from && b.points > current)
        raw.push({
          to: { type: 'ratio', percent: bandFloor(q, j) },
          gain: tidy(b.points - current),
          step: j - from,
        });
    });
  }
  raw.sort((x, y) => x.step - y.step || y.gain - x.gain);
  const out: AnswerMove[] = [];
  for (const m of raw) if (m.gain > 1e-9 && m.gain > (out[out.length - 1]?.gain ?? 0) + 1e-9) out.push(m);
  return out;
}

/** How an answer is shown in results and to-do lists: a letter, letters, a percentage, or null when unanswered. */
export function showAnswer(q: QuestionDef, a: QuestionAnswer): AnswerShown {
  if (q.type === 'single' && a.type === 'single')
    return a.index === null ? null : (q.options[a.index]?.id ?? null);
  if (q.type === 'multi' && a.type === 'multi') return a.chosen.map((i) => q.options[i]?.id ?? '?');
  if (a.type === 'ratio') return a.percent === null ? null : tidy(a.percent);
  return null;
}

/** The best answer of a question as shown in gaps; for a ratio, the smallest clean percentage with full points. */
export function bestAnswer(q: QuestionDef): AnswerShown {
  if (q.type === 'single') {
    let best = q.options[0];
    for (const o of q.options) if (best === undefined || o.points > best.points) best = o;
    return best?.id ?? null;
  }
  if (q.type === 'multi') return q.options.filter((o) => !o.exclusive && o.points > 0).map((o) => o.id);
  let top = 0;
  q.bands.forEach((b, j) => {
    if (b.points > (q.bands[top]?.points ?? 0)) top = j;
  });
  return bandFloor(q, top);
}
