import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';

/** Sheet names and columns of a Tupu answer workbook, shared by the template writer and the reader. */
export const SHEET = {
  instructions: '说明 Instructions',
  answers: '答题 Answers',
  scenes: '场景 Scenes',
  settings: '设置 Settings',
  meta: '_tupu_meta',
} as const;

/** Answers sheet: A id, B group, C name, D prompt / requirement, E options, F answer. */
export const ANSWER_COL = 6;
/** Scenes sheet: A id, B group, C 约束性, D… level descriptors, then the level column. */
export const SETTING_ROWS = { weightTable: 2, notApplicable: 3 } as const;

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

export function answerRows(model: IndicatorSystem): SheetRow[] {
  const rows: SheetRow[] = [];
  if (model.family === 'points') {
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions) {
          const base = {
            id: q.id,
            group: `${d.name.zh} / ${ind.name.zh}`,
            name: q.name.zh,
            prompt: q.prompt.zh,
          };
          if (q.type === 'ratio')
            rows.push({
              ...base,
              options: `填写百分比 0–100${q.fields ? `（${q.fields.numerator.zh} / ${q.fields.denominator.zh} × 100）` : ''}`,
              allowed: { min: 0, max: 100 },
            });
          else {
            const opts = q.options.map((o) => `${o.id} ${o.text.zh}`).join('\n');
            if (q.type === 'single')
              rows.push({ ...base, options: opts, allowed: { list: q.options.map((o) => o.id) } });
            else
              rows.push({
                ...base,
                options: `可多选，字母用逗号分隔，如 B,C（${q.options.find((o) => o.exclusive)?.id ?? '—'} 不能与其他选项同选）\n${opts}`,
                allowed: { free: q.options.map((o) => o.id).join(',') },
              });
          }
        }
  } else if (model.family === 'staged') {
    const grades = model.rules.grades.map((g) => String(g.value));
    const gradeText = model.rules.grades.map((g) => `${g.value} ${g.name.zh}`).join('；');
    for (const a of model.areas)
      for (const s of a.subdomains)
        for (const r of s.requirements)
          rows.push({
            id: r.id,
            group: `${a.name.zh} / ${s.name.zh} / ${model.rules.levels[r.level - 1]?.name.zh ?? r.level}`,
            name: s.name.zh,
            prompt: r.text.zh,
            options: gradeText,
            allowed: { list: grades },
          });
  } else {
    const names = [...model.conformance.map((g) => g.name.zh), '不适用'];
    for (const p of model.parts)
      for (const g of p.groups)
        for (const it of g.items)
          rows.push({
            id: it.id,
            group: `${p.name.zh} / ${g.name.zh}`,
            name: g.name.zh,
            prompt: it.text.zh,
            options: names.join(' / '),
            allowed: { list: names },
          });
  }
  return rows;
}
