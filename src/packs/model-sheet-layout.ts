import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { textIn } from '../core/shared/text.ts';

/** The language of an answer workbook: its sheet names, headers, instructions and item texts. */
export type SheetLang = 'zh' | 'en';
export const SHEET_LANGS = ['zh', 'en'] as const;

interface SheetNames {
  instructions: string;
  answers: string;
  scenes: string;
  settings: string;
}

/** Sheet names per language. The Chinese ones are those of every sheet made so far (kept so old files import). */
export const SHEET_NAMES: Record<SheetLang, SheetNames> = {
  zh: {
    instructions: '说明 Instructions',
    answers: '答题 Answers',
    scenes: '场景 Scenes',
    settings: '设置 Settings',
  },
  en: { instructions: 'Instructions', answers: 'Answers', scenes: 'Scenes', settings: 'Settings' },
};

/** Sheet names of a Chinese answer workbook (the default), and the hidden metadata sheet of every workbook. */
export const SHEET = { ...SHEET_NAMES.zh, meta: '_tupu_meta' } as const;

/** Answers sheet: A id, B group, C name, D prompt / requirement, E options, F answer. */
export const ANSWER_COL = 6;
/** Scenes sheet: A id, B group, C 约束性, D… level descriptors, then the level column. */
export const SETTING_ROWS = { weightTable: 2, notApplicable: 3 } as const;

/** The conformance answer "not applicable" of checklist sheets, per language (both are read back). */
export const NOT_APPLICABLE: Record<SheetLang, string> = { zh: '不适用', en: 'Not applicable' };

/** A row of the answers sheet: one question (points), requirement (staged) or item (checklist). */
export interface SheetRow {
  id: string;
  group: string;
  name: string;
  prompt: string;
  options: string;
  /** allowed values for a dropdown, or numeric bounds */
  allowed: { list: string[] } | { min: number; max: number } | { free: string };
}

const ROW_TEXT = {
  zh: {
    ratio: (fields: string) => `填写百分比 0–100${fields !== '' ? `（${fields} × 100）` : ''}`,
    multi: (exclusive: string) => `可多选，字母用逗号分隔，如 B,C（${exclusive} 不能与其他选项同选）`,
    gradeSep: '；',
  },
  en: {
    ratio: (fields: string) => `Enter a percentage 0–100${fields !== '' ? ` (${fields} × 100)` : ''}`,
    multi: (exclusive: string) =>
      `Several may be chosen: letters separated by commas, e.g. B,C (${exclusive} cannot be combined with others)`,
    gradeSep: '; ',
  },
} as const;

/** The rows of the answers sheet in `lang` (texts without English fall back to Chinese). */
export function answerRows(model: IndicatorSystem, lang: SheetLang = 'zh'): SheetRow[] {
  const w = ROW_TEXT[lang];
  const tx = (t: Parameters<typeof textIn>[0]) => textIn(t, lang);
  const rows: SheetRow[] = [];
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions) {
          const base = {
            id: q.id,
            group: `${tx(d.name)} / ${tx(ind.name)}`,
            name: tx(q.name),
            prompt: tx(q.prompt),
          };
          if (q.type === 'ratio')
            rows.push({
              ...base,
              options: w.ratio(q.fields ? `${tx(q.fields.numerator)} / ${tx(q.fields.denominator)}` : ''),
              allowed: { min: 0, max: 100 },
            });
          else {
            const opts = q.options.map((o) => `${o.id} ${tx(o.text)}`).join('\n');
            if (q.type === 'single')
              rows.push({ ...base, options: opts, allowed: { list: q.options.map((o) => o.id) } });
            else
              rows.push({
                ...base,
                options: `${w.multi(q.options.find((o) => o.exclusive)?.id ?? '—')}\n${opts}`,
                allowed: { free: q.options.map((o) => o.id).join(',') },
              });
          }
        }
  } else if (model.family === 'staged') {
    const grades = model.rules.grades.map((g) => String(g.value));
    const gradeText = model.rules.grades.map((g) => `${g.value} ${tx(g.name)}`).join(w.gradeSep);
    for (const a of model.areas)
      for (const s of a.subdomains)
        for (const r of s.requirements) {
          const level = model.rules.levels[r.level - 1];
          rows.push({
            id: r.id,
            group: `${tx(a.name)} / ${tx(s.name)} / ${level ? tx(level.name) : `L${r.level}`}`,
            name: tx(s.name),
            prompt: tx(r.text),
            options: gradeText,
            allowed: { list: grades },
          });
        }
  } else {
    const names = [...model.conformance.map((g) => tx(g.name)), NOT_APPLICABLE[lang]];
    for (const p of model.parts)
      for (const g of p.groups)
        for (const it of g.items)
          rows.push({
            id: it.id,
            group: `${tx(p.name)} / ${tx(g.name)}`,
            name: tx(it.name ?? g.name),
            prompt: tx(it.text),
            options: names.join(' / '),
            allowed: { list: names },
          });
  }
  return rows;
}
