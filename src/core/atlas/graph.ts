import { indexAtlas } from './atlas-index.ts';
import { findCycles, formatCycle } from './cycles.ts';
import type { ChainType, Link } from './pack-schema.ts';
import type { Atlas } from './types.ts';

export interface Neighbours {
  /** links from this scenario to others (what it feeds) */
  outgoing: Link[];
  /** links from others to this scenario (what feeds it) */
  incoming: Link[];
}

/** Direct neighbours of a scenario, optionally along some chain types only. Unknown codes have none. */
export function neighbours(atlas: Atlas, code: string, chains?: readonly ChainType[]): Neighbours {
  const index = indexAtlas(atlas);
  const keep = (l: Link) => !chains || chains.length === 0 || chains.includes(l.chain);
  return {
    outgoing: (index.outgoing.get(code) ?? []).filter(keep),
    incoming: (index.incoming.get(code) ?? []).filter(keep),
  };
}

function reachable(atlas: Atlas, code: string, direction: 'up' | 'down'): Set<string> {
  const index = indexAtlas(atlas);
  const seen = new Set<string>([code]);
  const queue = [code];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    const links = direction === 'up' ? index.incoming.get(at) : index.outgoing.get(at);
    for (const l of links ?? []) {
      if (!l.prerequisite) continue;
      const next = direction === 'up' ? l.from : l.to;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  seen.delete(code);
  return seen;
}

function inOrder(atlas: Atlas, codes: Set<string>): string[] {
  const ordered = topologicalOrder(atlas, [...codes]);
  return ordered.ok ? ordered.order : [...codes].sort();
}

/**
 * Every scenario that must be in place before `code` (transitively, over prerequisite links), prerequisites first.
 * Never contains `code` itself.
 */
export function prerequisites(atlas: Atlas, code: string): string[] {
  return inOrder(atlas, reachable(atlas, code, 'up'));
}

/** Every scenario that `code` is a (transitive) prerequisite of — what doing it unlocks — in doing order. */
export function unlocks(atlas: Atlas, code: string): string[] {
  return inOrder(atlas, reachable(atlas, code, 'down'));
}

export interface ChainPath {
  /** scenario codes from start to end */
  codes: string[];
  /** the links walked, codes.length - 1 of them */
  links: Link[];
}

/**
 * Shortest chain from one scenario to another along link direction (breadth-first over all links, or only links of the
 * given chain types). Ties go to the link written first. `undefined` when there is no such chain.
 */
export function shortestChain(
  atlas: Atlas,
  from: string,
  to: string,
  chains?: readonly ChainType[],
): ChainPath | undefined {
  const index = indexAtlas(atlas);
  if (!index.byCode.has(from) || !index.byCode.has(to)) return undefined;
  const via = new Map<string, Link | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !via.has(to); i++) {
    const at = queue[i]!;
    for (const l of index.outgoing.get(at) ?? []) {
      if (chains && chains.length > 0 && !chains.includes(l.chain)) continue;
      if (via.has(l.to)) continue;
      via.set(l.to, l);
      queue.push(l.to);
    }
  }
  if (!via.has(to)) return undefined;
  const links: Link[] = [];
  for (let l = via.get(to); l; l = via.get(l.from)) links.unshift(l);
  return { codes: [from, ...links.map((l) => l.to)], links };
}

export type TopologicalResult =
  { ok: true; order: string[] } | { ok: false; cycle: string[]; message: string };

/**
 * Order a set of scenarios so that every scenario comes after all its (transitive) prerequisites in the set; among
 * scenarios free to go, the smaller code goes first. Unknown codes are kept and ordered by code. Fails naming a cycle
 * when the prerequisites among them are cyclic.
 *
 * Works on the set plus all its ancestors (Kahn's algorithm), letting ancestors outside the set go as soon as they are
 * free, so the order among set members is the one the transitive prerequisite relation alone would give.
 */
export function topologicalOrder(atlas: Atlas, codes: readonly string[]): TopologicalResult {
  const index = indexAtlas(atlas);
  const set = new Set(codes);
  const scope = new Set(set);
  const queue = [...set];
  for (let i = 0; i < queue.length; i++) {
    for (const l of index.incoming.get(queue[i]!) ?? []) {
      if (l.prerequisite && !scope.has(l.from)) {
        scope.add(l.from);
        queue.push(l.from);
      }
    }
  }
  const remaining = new Map<string, number>();
  for (const c of scope) {
    remaining.set(c, (index.incoming.get(c) ?? []).filter((l) => l.prerequisite).length);
  }
  const readyOutside: string[] = [];
  const readyInSet: string[] = [];
  for (const c of [...scope].sort()) {
    if (remaining.get(c) === 0) (set.has(c) ? readyInSet : readyOutside).push(c);
  }
  const order: string[] = [];
  const release = (c: string) => {
    for (const l of index.outgoing.get(c) ?? []) {
      if (!l.prerequisite || !scope.has(l.to)) continue;
      const left = remaining.get(l.to)! - 1;
      remaining.set(l.to, left);
      if (left === 0) {
        if (set.has(l.to)) insertSorted(readyInSet, l.to);
        else readyOutside.push(l.to);
      }
    }
  };
  for (;;) {
    const outside = readyOutside.pop();
    if (outside !== undefined) {
      release(outside);
      continue;
    }
    const next = readyInSet.shift();
    if (next === undefined) break;
    order.push(next);
    release(next);
  }
  if (order.length === set.size) return { ok: true, order };
  const done = new Set(order);
  const stuck = new Set([...scope].filter((c) => remaining.get(c)! > 0 && !done.has(c)));
  const edges = atlas.links
    .map((l, i) => ({ from: l.from, to: l.to, index: i, prerequisite: l.prerequisite }))
    .filter((e) => e.prerequisite && stuck.has(e.from) && stuck.has(e.to));
  const cycle = findCycles(edges)[0]?.path ?? [...stuck].sort();
  return { ok: false, cycle, message: `prerequisite cycle: ${formatCycle(cycle)}` };
}

function insertSorted(list: string[], value: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
