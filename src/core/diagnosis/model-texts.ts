import type { ZhText } from '../shared/text.ts';
import type { IndicatorSystem } from './model-schema.ts';

/** A translatable text of a model and where it is (item id and field), e.g. `网络建设 option B`. */
export interface IndicatorSystemText {
  where: string;
  text: ZhText;
}

/**
 * Every ZhText of a model (prompts, help, option texts, ratio field labels, scene descriptors, level descriptions,
 * requirement and checklist texts, the pack's publisher, source citation and uncertainty notes), in pack order. Names are LocalizedText and always bilingual, so not listed.
 */
export function indicatorSystemTexts(model: IndicatorSystem): IndicatorSystemText[] {
  const out: IndicatorSystemText[] = [];
  const add = (where: string, text: ZhText | undefined) => {
    if (text) out.push({ where, text });
  };
  add('publisher', model.meta.publisher);
  add('source', model.meta.source.source);
  add('source section', model.meta.source.section);
  add('source note', model.meta.source.note);
  model.meta.uncertainty.forEach((u, i) => add(`uncertainty ${i + 1}`, u));
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions) {
          add(`${q.id} prompt`, q.prompt);
          add(`${q.id} help`, q.help);
          if (q.type === 'ratio') {
            add(`${q.id} numerator`, q.fields?.numerator);
            add(`${q.id} denominator`, q.fields?.denominator);
          } else for (const o of q.options) add(`${q.id} option ${o.id}`, o.text);
        }
    for (const s of model.scenes) s.levels.forEach((d, i) => add(`${s.id} level ${i + 1}`, d));
    for (const l of model.levels) add(`${l.id} description`, l.description);
  } else if (model.family === 'staged') {
    for (const l of model.rules.levels) add(`${l.id} description`, l.description);
    for (const a of model.areas)
      for (const s of a.subdomains) for (const r of s.requirements) add(`${r.id}`, r.text);
  } else {
    for (const p of model.parts) for (const g of p.groups) for (const it of g.items) add(it.id, it.text);
  }
  return out;
}
