import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { AnswerShown } from '../core/diagnosis/result.ts';
import { optionLabels, SHORT_OPTION_CHARS } from '../core/diagnosis/option-labels.ts';
import { textIn, type LocalizedText, type ZhText } from '../core/shared/text.ts';
import { reportText, type ReportLang } from './diagnosis-report-text.ts';

/** One answerable item of an indicator system as the report names it, with a way to show an answer in words. */
export interface ReportItem {
  name: string;
  /** a short label for lists: the question or scene name, sub-domain + level, checklist item id */
  short: string;
  show: (value: AnswerShown) => string;
  /** a short form for tables: each option's letter and its text clipped (src/core/diagnosis/option-labels.ts) */
  brief: (value: AnswerShown) => string;
}

const MAX_OPTION_CHARS = 36;

const BRIEF_OPTION_CHARS = SHORT_OPTION_CHARS;

/** An indicator system text in the report's language; texts without English fall back to Chinese. */
function pick(text: LocalizedText | ZhText, lang: ReportLang): string {
  return textIn(text, lang);
}

/** Every item of an indicator system (questions, scenes, requirements, checklist items) by id, named in `lang`. */
export function indicatorSystemItems(model: IndicatorSystem, lang: ReportLang): Map<string, ReportItem> {
  const t = reportText(lang);
  const items = new Map<string, ReportItem>();
  const missing = (v: AnswerShown) =>
    v === null || (Array.isArray(v) && v.length === 0) ? t.noAnswer : null;
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions) {
          /** option letters as "B. text" (the shared labels of src/core/diagnosis/option-labels.ts) */
          const options = (ids: string[], max: number) =>
            (optionLabels(model, q.id, ids, lang, max) ?? ids.map((id) => ({ id, short: id })))
              .map((o) => (o.short === o.id ? o.id : `${o.id}. ${o.short}`))
              .join(t.listSep);
          const option = (id: string, max: number) => options([id], max);
          items.set(q.id, {
            name: pick(q.name, lang),
            short: pick(q.name, lang),
            show: (v) =>
              missing(v) ??
              (Array.isArray(v)
                ? options(v, MAX_OPTION_CHARS)
                : typeof v === 'number'
                  ? `${v}%`
                  : option(String(v), MAX_OPTION_CHARS)),
            brief: (v) =>
              missing(v) ??
              (Array.isArray(v)
                ? options(v, BRIEF_OPTION_CHARS)
                : typeof v === 'number'
                  ? `${v}%`
                  : option(String(v), BRIEF_OPTION_CHARS)),
          });
        }
    for (const s of model.scenes)
      items.set(s.id, {
        name: pick(s.name, lang),
        short: pick(s.name, lang),
        show: (v) => missing(v) ?? t.sceneLevelN(typeof v === 'number' ? v : Number(v)),
        brief: (v) => missing(v) ?? t.sceneLevelN(typeof v === 'number' ? v : Number(v)),
      });
  } else if (model.family === 'staged') {
    const grade = (v: AnswerShown) => model.rules.grades.find((g) => g.value === v)?.name[lang] ?? String(v);
    for (const a of model.areas)
      for (const s of a.subdomains)
        for (const r of s.requirements)
          items.set(r.id, {
            name: `${pick(s.name, lang)} L${r.level}${lang === 'zh' ? '：' : ': '}${pick(r.text, lang)}`,
            short: `${pick(s.name, lang)} L${r.level}`,
            show: (v) => missing(v) ?? grade(v),
            brief: (v) => missing(v) ?? grade(v),
          });
  } else {
    const grade = (v: AnswerShown) =>
      v === 'na' ? t.notApplicable : (model.conformance.find((g) => g.id === v)?.name[lang] ?? String(v));
    for (const p of model.parts)
      for (const g of p.groups)
        for (const it of g.items)
          items.set(it.id, {
            name: `${it.id} ${pick(it.text, lang)}`,
            short: it.name ? `${it.id} ${pick(it.name, lang)}` : it.id,
            show: (v) => missing(v) ?? grade(v),
            brief: (v) => missing(v) ?? grade(v),
          });
  }
  return items;
}

/** Localised names of the indicator system's structure (dimensions, sub-dimensions, levels, scene groups) by id. */
export function indicatorSystemNames(model: IndicatorSystem, lang: ReportLang): Map<string, string> {
  const names = new Map<string, string>();
  if (model.family === 'points') {
    for (const d of model.dimensions) {
      names.set(d.id, pick(d.name, lang));
      for (const ind of d.indicators) names.set(ind.id, pick(ind.name, lang));
    }
    for (const g of model.sceneGroups) names.set(g.id, pick(g.name, lang));
    for (const s of model.scenes) names.set(s.id, pick(s.name, lang));
    for (const l of model.levels) names.set(l.id, pick(l.name, lang));
  } else if (model.family === 'staged') {
    for (const a of model.areas) {
      names.set(a.id, pick(a.name, lang));
      for (const s of a.subdomains) names.set(s.id, pick(s.name, lang));
    }
    for (const l of model.rules.levels) names.set(l.id, pick(l.name, lang));
  } else {
    for (const p of model.parts) {
      names.set(p.id, pick(p.name, lang));
      for (const g of p.groups) names.set(g.id, pick(g.name, lang));
    }
  }
  return names;
}
