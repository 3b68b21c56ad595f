import { gainTable, type GainTable, type Move } from './cover-search.ts';
import type { StagedIndicatorSystem } from './model-schema.ts';
import { atLeast, tidy } from './numbers.ts';
import type { StagedItem } from './staged-score.ts';
import { levelScores } from './staged-score.ts';
import type { Change, NextLevel } from './result.ts';

/**
 * Smallest set of requirement improvements that lifts S into the next level's interval.
 * A final state whose first m levels pass has S = L1 + … + L(m+1); so for each m we need every level ≤ m to reach the
 * pass score and the sum of levels ≤ m+1 to reach the target. Per level, an exact table gives the best gain for each
 * (changes, step); the levels are then combined by a second exact programme, first on the count, then on the step.
 * The best case over m is the answer.
 */
export function stagedNextLevel(
  model: StagedIndicatorSystem,
  items: readonly StagedItem[],
  levelIndex: number,
): NextLevel | null {
  const target = model.rules.levels[levelIndex + 1];
  if (!target) return null;
  const ref = { id: target.id, name: target.name.zh };
  const grades = model.rules.grades.map((g) => g.value);
  const L = model.rules.levels.length;
  const scores = levelScores(model, items);
  const byLevel: { item: StagedItem; moves: Move[] }[][] = model.rules.levels.map(() => []);
  for (const it of items) {
    const gi = grades.indexOf(it.grade);
    const moves = grades
      .map((g, j) => ({ gain: it.coeff * (g - it.grade), step: j - gi }))
      .filter((m) => m.step > 0 && m.gain > 1e-12);
    byLevel[it.level - 1]?.push({ item: it, moves });
  }
  const tables: GainTable[] = byLevel.map((lv) => gainTable(lv.map((x) => x.moves)));

  type Plan = { count: number; step: number; cells: [number, number][] };
  let best: Plan | null = null;
  for (let m = 0; m <= L; m++) {
    const top = Math.min(m + 1, L); // levels 1..top count in S
    const needs = scores.slice(0, top).map((x, l) => (l < m ? Math.max(0, model.rules.passScore - x) : 0));
    const needTotal = target.minS - scores.slice(0, top).reduce((a, b) => a + b, 0);
    const plan = combine(tables.slice(0, top), needs, needTotal);
    if (plan && (!best || plan.count < best.count || (plan.count === best.count && plan.step < best.step)))
      best = plan;
  }
  if (!best)
    return {
      reachable: false,
      target: ref,
      reason: `S cannot reach ${target.minS} even with every requirement fully met`,
      why: { kind: 'staged-cap', minS: target.minS },
    };

  const changes: Change[] = [];
  best.cells.forEach(([c, s], l) => {
    const lv = byLevel[l] ?? [];
    for (const [ii, mi] of tables[l]?.picks(c, s) ?? []) {
      const x = lv[ii];
      const m = x?.moves[mi];
      if (!x || !m) continue;
      const to = grades[grades.indexOf(x.item.grade) + m.step] ?? 1;
      changes.push({
        itemId: x.item.id,
        kind: 'requirement',
        name: x.item.text,
        from: x.item.grade,
        to,
        gain: tidy(m.gain),
        step: m.step,
        scenarios: x.item.scenarios,
      });
    }
  });
  return { reachable: true, target: ref, changes, changeCount: changes.length, totalStep: best.step };
}

/**
 * Choose (count, step) per level so that each level gains at least its need and all together at least needTotal,
 * minimising total count then total step. Exact: first the smallest count, then the smallest step at that count.
 */
function combine(
  tables: readonly GainTable[],
  needs: readonly number[],
  needTotal: number,
): { count: number; step: number; cells: [number, number][] } | null {
  // options per level: (c, s, gain) meeting the level's need; only the best gain per (c, s) matters
  const options = tables.map((t, l) => {
    const out: { c: number; s: number; g: number }[] = [];
    for (let c = 0; c <= t.maxCount; c++)
      for (let s = 0; s <= t.maxStep; s++) {
        const g = t.gain(c, s);
        if (g !== -Infinity && atLeast(g, needs[l] ?? 0)) out.push({ c, s, g });
      }
    return out;
  });
  if (options.some((o) => o.length === 0)) return null;
  // stage 1: largest total gain per total count
  let byCount = new Map<number, number>([[0, 0]]);
  for (const opts of options) {
    const bestPerC = new Map<number, number>();
    for (const o of opts) bestPerC.set(o.c, Math.max(bestPerC.get(o.c) ?? -Infinity, o.g));
    const next = new Map<number, number>();
    for (const [C, G] of byCount)
      for (const [c, g] of bestPerC) next.set(C + c, Math.max(next.get(C + c) ?? -Infinity, G + g));
    byCount = next;
  }
  const feasible = [...byCount].filter(([, g]) => atLeast(g, needTotal)).map(([c]) => c);
  if (feasible.length === 0) return null;
  const Cstar = Math.min(...feasible);
  // stage 2: at total count Cstar, smallest total step; state (C, S) → best gain with the choices made
  type State = { g: number; cells: [number, number][] };
  let states = new Map<string, State>([['0,0', { g: 0, cells: [] }]]);
  for (const opts of options) {
    const next = new Map<string, State>();
    for (const [key, st] of states) {
      const [C, S] = key.split(',').map(Number) as [number, number];
      for (const o of opts) {
        if (C + o.c > Cstar) continue;
        const k2 = `${C + o.c},${S + o.s}`;
        const g2 = st.g + o.g;
        const was = next.get(k2);
        if (!was || g2 > was.g + 1e-12) next.set(k2, { g: g2, cells: [...st.cells, [o.c, o.s]] });
      }
    }
    states = next;
  }
  let best: { count: number; step: number; cells: [number, number][] } | null = null;
  for (const [key, st] of states) {
    const [C, S] = key.split(',').map(Number) as [number, number];
    if (C !== Cstar || !atLeast(st.g, needTotal)) continue;
    if (!best || S < best.step) best = { count: C, step: S, cells: st.cells };
  }
  return best;
}
