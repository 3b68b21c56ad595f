import type { AnswerProblem, Assessment } from './assessment.ts';
import type { StagedIndicatorSystem } from './model-schema.ts';
import { atLeast, tidy } from './numbers.ts';

/** A requirement as scored: its sub-domain, level, and its coefficient in its level's score. */
export interface StagedItem {
  id: string;
  text: string;
  area: number;
  subdomain: string;
  level: number;
  /** grade value given (0 when unanswered) */
  grade: number;
  /** weight of this requirement in its level score: sub-domain weight / requirements of that sub-domain at that level */
  coeff: number;
  scenarios: string[];
}

export interface StagedState {
  items: StagedItem[];
  /** effective sub-domain weights after tailoring (sum 1) */
  weights: Map<string, number>;
}

/**
 * Effective sub-domain weights: the chosen table (or the area means of DCMM), tailored-out sub-domains removed and
 * the rest scaled proportionally so they sum to 1.
 */
export function effectiveWeights(
  model: StagedIndicatorSystem,
  table: string | undefined,
  notApplicable: ReadonlySet<string>,
): Map<string, number> {
  const raw = new Map<string, number>();
  if (model.rules.aggregate === 'weighted') {
    const t = table ?? model.rules.weightTables[0]?.id ?? '';
    for (const a of model.areas)
      for (const s of a.subdomains) if (!notApplicable.has(s.id)) raw.set(s.id, s.weights?.[t] ?? 0);
  } else {
    const live = model.areas.map((a) => a.subdomains.filter((s) => !notApplicable.has(s.id)));
    const areas = live.filter((l) => l.length > 0).length;
    for (const subs of live) for (const s of subs) raw.set(s.id, 1 / areas / subs.length);
  }
  let total = 0;
  for (const w of raw.values()) total += w;
  const out = new Map<string, number>();
  for (const [id, w] of raw) out.set(id, total > 0 ? w / total : 0);
  return out;
}

export function readStagedAnswers(
  model: StagedIndicatorSystem,
  assessment: Pick<Assessment, 'answers' | 'weightTable' | 'notApplicable'>,
): { state: StagedState; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const tables = model.rules.weightTables.map((t) => t.id);
  let table = assessment.weightTable;
  if (table !== undefined && model.rules.aggregate === 'weighted' && !tables.includes(table)) {
    problems.push({
      itemId: '(weightTable)',
      message: `unknown weight table "${table}"; allowed: ${tables.join(', ')}`,
    });
    table = undefined;
  }
  const subs = new Map(model.areas.flatMap((a) => a.subdomains.map((s) => [s.id, s] as const)));
  const na = new Set<string>();
  for (const id of assessment.notApplicable ?? []) {
    const s = subs.get(id);
    if (!s) problems.push({ itemId: id, message: `unknown sub-domain "${id}" in notApplicable` });
    else if (!s.tailorable) problems.push({ itemId: id, message: `sub-domain ${id} cannot be tailored out` });
    else na.add(id);
  }
  const weights = effectiveWeights(model, table, na);
  const grades = model.rules.grades.map((g) => g.value);
  const items: StagedItem[] = [];
  const known = new Set<string>();
  model.areas.forEach((a, area) =>
    a.subdomains.forEach((s) => {
      for (const r of s.requirements) {
        known.add(r.id);
        if (na.has(s.id)) continue;
        const raw = assessment.answers[r.id];
        let grade = 0;
        if (raw !== undefined && raw !== null && raw !== '') {
          const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
          if (!grades.includes(v))
            problems.push({
              itemId: r.id,
              message: `grade must be one of ${grades.join(' / ')}, got ${JSON.stringify(raw)}`,
            });
          else grade = v;
        }
        const n = s.requirements.filter((x) => x.level === r.level).length;
        items.push({
          id: r.id,
          text: r.text.zh,
          area,
          subdomain: s.id,
          level: r.level,
          grade,
          coeff: (weights.get(s.id) ?? 0) / n,
          scenarios: s.scenarios,
        });
      }
    }),
  );
  // normalise each level over the sub-domains that have requirements at that level
  for (let l = 1; l <= model.rules.levels.length; l++) {
    const at = items.filter((it) => it.level === l);
    const w = at.reduce((s, it) => s + it.coeff, 0);
    if (w > 0) for (const it of at) it.coeff /= w;
  }
  for (const id of Object.keys(assessment.answers))
    if (!known.has(id))
      problems.push({ itemId: id, message: `unknown requirement "${id}" (not in model ${model.meta.id})` });
  return { state: { items, weights }, problems };
}

/** Weighted score of each level (index 0 = level 1). */
export function levelScores(
  model: StagedIndicatorSystem,
  items: readonly Pick<StagedItem, 'level' | 'grade' | 'coeff'>[],
): number[] {
  const out = model.rules.levels.map(() => 0);
  for (const it of items) out[it.level - 1] = (out[it.level - 1] ?? 0) + it.coeff * it.grade;
  return out.map(tidy);
}

/** S: level scores summed bottom-up, up to and including the first level below the pass score. */
export function overallS(
  model: StagedIndicatorSystem,
  scores: readonly number[],
): { S: number; counted: number } {
  let S = 0;
  let counted = 0;
  for (const x of scores) {
    S += x;
    counted++;
    if (!atLeast(x, model.rules.passScore)) break;
  }
  return { S: tidy(S), counted };
}

/** Index of the level whose interval holds S, or -1. */
export function stagedLevel(model: StagedIndicatorSystem, S: number): number {
  let k = -1;
  model.rules.levels.forEach((l, i) => {
    if (atLeast(S, l.minS)) k = i;
  });
  return k;
}
