/**
 * A full, deterministic assessment of any model (every question, requirement and checklist item answered), varied by
 * `shift`: for tests and benchmarks that need a realistic answer set of a shipped pack without a form.
 */
import type { Assessment } from './assessment.ts';
import type { IndicatorSystem } from './model-schema.ts';

export function answersFor(model: IndicatorSystem, shift: number): Assessment {
  const answers: Assessment['answers'] = {};
  let i = shift;
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions) {
          i++;
          if (q.type === 'ratio') answers[q.id] = (i * 17) % 100;
          else if (q.type === 'single') answers[q.id] = q.options[i % q.options.length]?.id ?? 'A';
          else
            answers[q.id] = q.options
              .filter((o) => !o.exclusive)
              .slice(0, 1 + (i % 2))
              .map((o) => o.id);
        }
    const scenes = Object.fromEntries(model.scenes.map((s, k) => [s.id, (k + shift) % (model.sceneMax + 1)]));
    return { model: model.meta.id, answers, scenes };
  }
  if (model.family === 'staged') {
    for (const a of model.areas)
      for (const s of a.subdomains)
        for (const r of s.requirements)
          answers[r.id] =
            r.level <= 2 ? 1 : (model.rules.grades[i++ % model.rules.grades.length]?.value ?? 0);
    return { model: model.meta.id, answers, weightTable: model.rules.weightTables[0]?.id };
  }
  for (const p of model.parts)
    for (const g of p.groups)
      for (const it of g.items) answers[it.id] = ['met', 'partly', 'not', 'na'][i++ % 4] ?? 'na';
  return { model: model.meta.id, answers };
}
