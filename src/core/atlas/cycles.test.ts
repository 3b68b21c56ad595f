import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycles, formatCycle } from './cycles.ts';

const edges = (...pairs: [string, string][]) => pairs.map(([from, to], index) => ({ from, to, index }));

describe('findCycles', () => {
  it('finds none in a DAG', () => {
    expect(findCycles(edges(['a', 'b'], ['b', 'c'], ['a', 'c']))).toEqual([]);
  });
  it('reports the path and the edge written last that closes it', () => {
    const [cycle, ...rest] = findCycles(edges(['a', 'b'], ['x', 'a'], ['b', 'c'], ['c', 'a']));
    expect(rest).toEqual([]);
    expect(cycle?.path).toEqual(['a', 'b', 'c', 'a']);
    expect(cycle?.closingEdge.index).toBe(3);
    expect(formatCycle(cycle!.path)).toBe('a → b → c → a');
  });
  it('finds self-loops and separate cycles', () => {
    const found = findCycles(edges(['a', 'a'], ['b', 'c'], ['c', 'b']));
    expect(found.map((c) => c.path)).toEqual([
      ['a', 'a'],
      ['b', 'c', 'b'],
    ]);
  });
  it('finds a cycle exactly when a cycle exists (vs. a reachability check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 6 })), { maxLength: 15 }), (pairs) => {
        const es = edges(...pairs.map(([a, b]) => [String(a), String(b)] as [string, string]));
        const reaches = (from: string, to: string) => {
          const seen = new Set<string>();
          const stack = [from];
          while (stack.length) {
            const at = stack.pop()!;
            for (const e of es) {
              if (e.from !== at || seen.has(e.to)) continue;
              if (e.to === to) return true;
              seen.add(e.to);
              stack.push(e.to);
            }
          }
          return false;
        };
        const hasCycle = es.some((e) => reaches(e.to, e.from) || e.from === e.to);
        const found = findCycles(es);
        expect(found.length > 0).toBe(hasCycle);
        for (const c of found) {
          expect(c.path[0]).toBe(c.path.at(-1));
          for (let k = 0; k + 1 < c.path.length; k++) {
            expect(es.some((e) => e.from === c.path[k] && e.to === c.path[k + 1])).toBe(true);
          }
        }
      }),
    );
  });
});
