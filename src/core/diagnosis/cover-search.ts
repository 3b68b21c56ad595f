import { atLeast } from './numbers.ts';

/**
 * Exact searches behind "the path to the next level". Both minimise, lexicographically,
 *   1. the number of changed answers, 2. the total step size; remaining ties favour items earlier in pack order.
 */

/** One way to improve one item: the score it gains and the size of the change. */
export interface Move {
  gain: number;
  step: number;
}

export interface Cover {
  /** chosen move per item: [item index, move index], items ascending */
  picks: [number, number][];
  count: number;
  step: number;
  gain: number;
}

/** For every (number of changed items c, total step s): the largest total gain, and the picks that give it. */
export interface GainTable {
  maxCount: number;
  maxStep: number;
  /** largest gain with exactly c changed items and total step exactly s (-Infinity when impossible) */
  gain(c: number, s: number): number;
  picks(c: number, s: number): [number, number][];
}

/**
 * Exact dynamic programme over (items × count × step), keeping the largest gain per cell, at most one move per item.
 * Items are processed last-to-first so that reconstruction decides the earliest item first and favours taking it.
 * Steps must be positive integers.
 */
export function gainTable(items: readonly (readonly Move[])[]): GainTable {
  const n = items.length;
  let maxStep = 0;
  for (const moves of items) maxStep += Math.max(0, ...moves.map((m) => m.step));
  const width = maxStep + 1;
  const cells = (n + 1) * width;
  const choice: Int16Array[] = [];
  let best = new Float64Array(cells).fill(-Infinity);
  best[0] = 0;
  for (let li = 0; li < n; li++) {
    const moves = items[n - 1 - li] ?? [];
    const next = Float64Array.from(best);
    const pick = new Int16Array(cells).fill(-1);
    for (let c = 0; c < li + 1; c++)
      for (let s = 0; s < width; s++) {
        const g = best[c * width + s] ?? -Infinity;
        if (g === -Infinity) continue;
        for (let mi = 0; mi < moves.length; mi++) {
          const m = moves[mi];
          if (!m) continue;
          const s2 = s + m.step;
          if (s2 >= width) continue;
          const at = (c + 1) * width + s2;
          const g2 = g + m.gain;
          const was = next[at] ?? -Infinity;
          if (g2 > was + 1e-12 || (atLeast(g2, was) && pick[at] === -1)) {
            next[at] = g2;
            pick[at] = mi;
          }
        }
      }
    best = next;
    choice.push(pick);
  }
  const final = best;
  return {
    maxCount: n,
    maxStep,
    gain: (c, s) =>
      c < 0 || c > n || s < 0 || s > maxStep ? -Infinity : (final[c * width + s] ?? -Infinity),
    picks(c, s) {
      const picks: [number, number][] = [];
      let cc = c;
      let ss = s;
      for (let li = n - 1; li >= 0 && cc > 0; li--) {
        const mi = choice[li]?.[cc * width + ss] ?? -1;
        const item = n - 1 - li;
        const m = mi >= 0 ? items[item]?.[mi] : undefined;
        if (m) {
          picks.push([item, mi]);
          cc -= 1;
          ss -= m.step;
        }
      }
      return picks;
    },
  };
}

/** Pick at most one move per item so that the gains add up to at least `need`, minimising (count, step). */
export function minimalGainCover(items: readonly (readonly Move[])[], need: number): Cover | null {
  if (atLeast(0, need)) return { picks: [], count: 0, step: 0, gain: 0 };
  const t = gainTable(items);
  for (let c = 1; c <= t.maxCount; c++)
    for (let s = 0; s <= t.maxStep; s++) {
      const g = t.gain(c, s);
      if (atLeast(g, need)) return { picks: t.picks(c, s), count: c, step: s, gain: g };
    }
  return null;
}

/** A yes/no improvement counted by the scene gates: raising a scene to the gate level. */
export interface CountMove {
  constrained: boolean;
  step: number;
}

/**
 * Choose items so that at least `needAll` are chosen, at least `needConstrained` of them constrained, minimising
 * (count, step). Exact dynamic programme over (constrained count, total count), both capped at what is needed.
 */
export function minimalCountCover(
  items: readonly (CountMove | null)[],
  needAll: number,
  needConstrained: number,
): Cover | null {
  const A = Math.max(0, needAll);
  const C = Math.max(0, needConstrained);
  type Cell = { count: number; step: number; picks: number[] } | null;
  let table: Cell[] = new Array<Cell>((A + 1) * (C + 1)).fill(null);
  table[0] = { count: 0, step: 0, picks: [] };
  const better = (a: Cell, b: Cell) =>
    a !== null && (b === null || a.count < b.count || (a.count === b.count && a.step < b.step));
  items.forEach((m, i) => {
    if (!m) return;
    const next = table.slice();
    for (let a = 0; a <= A; a++)
      for (let c = 0; c <= C; c++) {
        const cell = table[a * (C + 1) + c];
        if (!cell) continue;
        const a2 = Math.min(A, a + 1);
        const c2 = Math.min(C, c + (m.constrained ? 1 : 0));
        if (a2 === a && c2 === c) continue; // adds nothing that is still needed
        const cand = { count: cell.count + 1, step: cell.step + m.step, picks: [...cell.picks, i] };
        const at = a2 * (C + 1) + c2;
        if (better(cand, next[at] ?? null)) next[at] = cand;
      }
    table = next;
  });
  const goal = table[A * (C + 1) + C];
  if (!goal) return null;
  return { picks: goal.picks.map((i) => [i, 0]), count: goal.count, step: goal.step, gain: 0 };
}
