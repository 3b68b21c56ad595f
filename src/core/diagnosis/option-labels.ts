import type { IndicatorSystem, OptionDef } from './model-schema.ts';
import { textIn } from '../shared/text.ts';

/**
 * The texts of a choice question's options, for results that store bare option letters (gaps, the path to the next
 * level): used alike by the web result page, the PDF/DOCX diagnosis report and the results workbook. Pure: the
 * indicator system and the letters in, labelled texts out.
 */
export interface OptionLabel {
  /** the option's letter, e.g. "B" */
  id: string;
  /** the option's full text in the language asked for (Chinese when the pack has no English for it) */
  text: string;
  /** the text clipped to about `max` Chinese characters' width, with "…" when clipped */
  short: string;
  /** the language `text` is in: "en" asked for but the option has no English gives "zh" */
  lang: 'zh' | 'en';
}

/** How wide a short label is, in Chinese characters (an English text may have twice as many letters). */
export const SHORT_OPTION_CHARS = 14;

/** A Chinese character is about as wide as two Latin letters. */
const WIDTH_FACTOR = { zh: 1, en: 2 } as const;

/**
 * Clip a text written in `lang` to about `max` Chinese characters' width: Chinese at a character, English at a word
 * boundary when there is one in the second half; "…" marks the cut.
 */
export function clipText(text: string, max: number, lang: 'zh' | 'en'): string {
  const limit = max * WIDTH_FACTOR[lang];
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  if (lang === 'zh') return `${cut}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

/** The options of the choice question `itemId` (single or multiple choice), or null for any other item. */
function choiceOptions(model: IndicatorSystem, itemId: string): readonly OptionDef[] | null {
  if (model.family !== 'points') return null;
  for (const d of model.dimensions)
    for (const ind of d.indicators)
      for (const q of ind.questions) if (q.id === itemId) return q.type === 'ratio' ? null : q.options;
  return null;
}

/**
 * The options `value` names, labelled in `lang`, when `itemId` is a choice question and `value` is its letter or
 * letters (as a result stores them: "C", ["B", "C"]); null otherwise (a ratio, a scene level, a grade, no answer),
 * which the caller shows as it did. A letter the question does not have is kept as it is (text = the letter).
 */
export function optionLabels(
  model: IndicatorSystem,
  itemId: string,
  value: unknown,
  lang: 'zh' | 'en',
  max: number = SHORT_OPTION_CHARS,
): OptionLabel[] | null {
  const ids =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? value
        : null;
  if (ids === null || ids.length === 0) return null;
  const options = choiceOptions(model, itemId);
  if (!options) return null;
  return ids.map((id) => {
    const o = options.find((x) => x.id === id);
    if (!o) return { id, text: id, short: id, lang };
    const textLang = lang === 'en' && o.text.en ? 'en' : 'zh';
    const text = textIn(o.text, lang);
    return { id, text, short: clipText(text, max, textLang), lang: textLang };
  });
}

/**
 * What a change of a multiple-choice answer adds when it only adds: the letters of `to` not in `from`; null unless
 * both are lists and every letter of `from` stays (dropping 无 for other options is a new answer, not an addition).
 */
export function addedOptions(from: unknown, to: unknown): string[] | null {
  if (!Array.isArray(from) || !Array.isArray(to)) return null;
  if (!from.every((x) => to.includes(x))) return null;
  return to.filter((x): x is string => typeof x === 'string' && !from.includes(x));
}
