import type { OptionDef, PointsIndicatorSystem, QuestionDef } from './model-schema.ts';
import { tidy } from './numbers.ts';

/** A question with its place in the tree and its achievable maximum, computed once per model. */
export interface FlatQuestion {
  def: QuestionDef;
  dimension: number;
  /** the achievable maximum of this question */
  best: number;
  scenarios: string[];
}

const cache = new WeakMap<PointsIndicatorSystem, FlatQuestion[]>();

export function flatQuestions(model: PointsIndicatorSystem): FlatQuestion[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: FlatQuestion[] = [];
  model.dimensions.forEach((d, dimension) => {
    for (const ind of d.indicators)
      for (const q of ind.questions)
        out.push({ def: q, dimension, best: questionBest(q), scenarios: q.scenarios });
  });
  cache.set(model, out);
  return out;
}

export function questionBest(q: QuestionDef): number {
  switch (q.type) {
    case 'single':
      return Math.max(...q.options.map((o) => o.points));
    case 'multi':
      return tidy(Math.min(q.max, sumPoints(q.options.filter((o) => !o.exclusive))));
    case 'ratio':
      return Math.max(...q.bands.map((b) => b.points));
  }
}

export function sumPoints(options: readonly OptionDef[]): number {
  let s = 0;
  for (const o of options) s += o.points;
  return s;
}
