import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighbours, prerequisites, shortestChain, topologicalOrder, unlocks } from './graph.ts';
import type { ChainType, Link } from './pack-schema.ts';
import { testAtlas, testLink } from './test-support.ts';

// RD-01 ─p→ PM-01 ─p→ PM-02 ─p→ OM-01 ; RD-02 ─p→ PM-02 ; PM-01 ─(model)→ OM-01 ; OM-01 ─(data)→ RD-01
const diamond = testAtlas(
  ['GEN-RD-01', 'GEN-RD-02', 'GEN-PM-01', 'GEN-PM-02', 'GEN-OM-01', 'GEN-OM-02'],
  [
    testLink('GEN-RD-01', 'GEN-PM-01', 'tool', true),
    testLink('GEN-PM-01', 'GEN-PM-02', 'data', true),
    testLink('GEN-RD-02', 'GEN-PM-02', 'model', true),
    testLink('GEN-PM-02', 'GEN-OM-01', 'data', true),
    testLink('GEN-PM-01', 'GEN-OM-01', 'model'),
    testLink('GEN-OM-01', 'GEN-RD-01', 'data'),
  ],
);

describe('neighbours', () => {
  it('lists incoming and outgoing links with their chain and flow', () => {
    const n = neighbours(diamond, 'GEN-PM-01');
    expect(n.incoming.map((l) => [l.from, l.chain])).toEqual([['GEN-RD-01', 'tool']]);
    expect(n.outgoing.map((l) => [l.to, l.chain])).toEqual([
      ['GEN-PM-02', 'data'],
      ['GEN-OM-01', 'model'],
    ]);
    expect(n.outgoing[0]?.flow.zh).toBe('GEN-PM-01→GEN-PM-02');
  });
  it('filters by chain type and knows nothing of unknown codes', () => {
    expect(neighbours(diamond, 'GEN-PM-01', ['model']).outgoing.map((l) => l.to)).toEqual(['GEN-OM-01']);
    expect(neighbours(diamond, 'GEN-XX-99')).toEqual({ incoming: [], outgoing: [] });
  });
});

describe('prerequisites and unlocks', () => {
  it('follows prerequisite links transitively, prerequisites first', () => {
    expect(prerequisites(diamond, 'GEN-OM-01')).toEqual(['GEN-RD-01', 'GEN-PM-01', 'GEN-RD-02', 'GEN-PM-02']);
    expect(prerequisites(diamond, 'GEN-RD-01')).toEqual([]); // OM-01 → RD-01 is not a prerequisite link
    expect(unlocks(diamond, 'GEN-RD-01')).toEqual(['GEN-PM-01', 'GEN-PM-02', 'GEN-OM-01']);
    expect(unlocks(diamond, 'GEN-OM-02')).toEqual([]);
  });
});

describe('shortestChain', () => {
  it('finds the shortest directed chain with its links', () => {
    const p = shortestChain(diamond, 'GEN-RD-01', 'GEN-OM-01');
    expect(p?.codes).toEqual(['GEN-RD-01', 'GEN-PM-01', 'GEN-OM-01']);
    expect(p?.links.map((l) => l.chain)).toEqual(['tool', 'model']);
  });
  it('can be restricted to chain types', () => {
    expect(shortestChain(diamond, 'GEN-PM-01', 'GEN-OM-01', ['data'])?.codes).toEqual([
      'GEN-PM-01',
      'GEN-PM-02',
      'GEN-OM-01',
    ]);
    expect(shortestChain(diamond, 'GEN-RD-01', 'GEN-OM-01', ['data'])).toBeUndefined();
  });
  it('is a single node from a scenario to itself, and undefined when unreachable or unknown', () => {
    expect(shortestChain(diamond, 'GEN-PM-01', 'GEN-PM-01')).toEqual({ codes: ['GEN-PM-01'], links: [] });
    expect(shortestChain(diamond, 'GEN-OM-02', 'GEN-RD-01')).toBeUndefined();
    expect(shortestChain(diamond, 'GEN-RD-01', 'GEN-XX-01')).toBeUndefined();
  });
});

describe('topologicalOrder', () => {
  it('puts prerequisites first, ties by code, and respects prerequisites through scenarios outside the set', () => {
    expect(topologicalOrder(diamond, ['GEN-OM-01', 'GEN-RD-02', 'GEN-OM-02', 'GEN-RD-01'])).toEqual({
      ok: true,
      order: ['GEN-OM-02', 'GEN-RD-01', 'GEN-RD-02', 'GEN-OM-01'],
    });
    // PM-02 is outside the set but links RD-01 … to OM-01
    expect(topologicalOrder(diamond, ['GEN-OM-01', 'GEN-RD-01'])).toEqual({
      ok: true,
      order: ['GEN-RD-01', 'GEN-OM-01'],
    });
  });
  it('names the cycle when prerequisites loop', () => {
    const cyclic = testAtlas(
      ['GEN-PM-01', 'GEN-PM-02', 'GEN-PM-03', 'GEN-OM-01'],
      [
        testLink('GEN-PM-01', 'GEN-PM-02', 'data', true),
        testLink('GEN-PM-02', 'GEN-PM-03', 'data', true),
        testLink('GEN-PM-03', 'GEN-PM-01', 'data', true),
        testLink('GEN-PM-03', 'GEN-OM-01', 'data', true),
      ],
    );
    const r = topologicalOrder(cyclic, ['GEN-OM-01']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.cycle).toEqual(['GEN-PM-01', 'GEN-PM-02', 'GEN-PM-03', 'GEN-PM-01']);
    expect(r.message).toBe('prerequisite cycle: GEN-PM-01 → GEN-PM-02 → GEN-PM-03 → GEN-PM-01');
  });
});

// ---------- properties over random acyclic atlases ----------

const chainArb = fc.constantFrom<ChainType>('tool', 'data', 'model');
/** n scenarios; prerequisite links only go from a lower to a higher index (acyclic), other links go anywhere. */
const atlasArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .array(
      fc.record({
        a: fc.nat({ max: n - 1 }),
        b: fc.nat({ max: n - 1 }),
        chain: chainArb,
        prerequisite: fc.boolean(),
      }),
      { maxLength: 30 },
    )
    .map((raw) => {
      const codes = Array.from({ length: n }, (_, i) => `GEN-PM-${String(n - i).padStart(2, '0')}`); // index order ≠ code order
      const links: Link[] = [];
      for (const r of raw) {
        if (r.a === r.b) continue;
        const [from, to] = r.prerequisite ? [Math.min(r.a, r.b), Math.max(r.a, r.b)] : [r.a, r.b];
        links.push(testLink(codes[from]!, codes[to]!, r.chain, r.prerequisite));
      }
      return { codes, atlas: testAtlas(codes, links) };
    }),
);

function allPathLengthsByDfs(links: readonly Link[], from: string, to: string): number[] {
  const lengths: number[] = [];
  const visit = (at: string, seen: Set<string>, depth: number) => {
    if (at === to) lengths.push(depth);
    for (const l of links) {
      if (l.from !== at || seen.has(l.to)) continue;
      seen.add(l.to);
      visit(l.to, seen, depth + 1);
      seen.delete(l.to);
    }
  };
  visit(from, new Set([from]), 0);
  return lengths;
}

describe('graph laws', () => {
  it('topological order contains the set once and respects every prerequisite path', () => {
    fc.assert(
      fc.property(atlasArb, ({ codes, atlas }) => {
        const r = topologicalOrder(atlas, codes);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect([...r.order].sort()).toEqual([...codes].sort());
        const pos = new Map(r.order.map((c, i) => [c, i]));
        for (const l of atlas.links)
          if (l.prerequisite) expect(pos.get(l.from)!).toBeLessThan(pos.get(l.to)!);
      }),
    );
  });

  it('on any subset, every transitive prerequisite in the subset comes first', () => {
    fc.assert(
      fc.property(
        atlasArb,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        ({ codes, atlas }, pick) => {
          const subset = codes.filter((_, i) => pick[i]);
          const r = topologicalOrder(atlas, subset);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const pos = new Map(r.order.map((c, i) => [c, i]));
          for (const b of subset) {
            for (const a of prerequisites(atlas, b))
              if (pos.has(a)) expect(pos.get(a)!).toBeLessThan(pos.get(b)!);
          }
        },
      ),
    );
  });

  it('prerequisites never contain the scenario itself and are exactly what unlocks it', () => {
    fc.assert(
      fc.property(atlasArb, ({ codes, atlas }) => {
        for (const c of codes) {
          const ups = prerequisites(atlas, c);
          expect(ups).not.toContain(c);
          for (const u of ups) expect(unlocks(atlas, u)).toContain(c);
          for (const d of unlocks(atlas, c)) expect(prerequisites(atlas, d)).toContain(c);
        }
      }),
    );
  });

  it('shortest chain is a real chain no longer than any path a depth-first search finds', () => {
    fc.assert(
      fc.property(atlasArb, fc.nat(), fc.nat(), ({ codes, atlas }, i, j) => {
        const from = codes[i % codes.length]!;
        const to = codes[j % codes.length]!;
        const p = shortestChain(atlas, from, to);
        const dfs = allPathLengthsByDfs(atlas.links, from, to);
        if (!p) {
          expect(dfs).toEqual([]);
          return;
        }
        expect(p.codes[0]).toBe(from);
        expect(p.codes.at(-1)).toBe(to);
        p.links.forEach((l, k) => {
          expect(l.from).toBe(p.codes[k]);
          expect(l.to).toBe(p.codes[k + 1]);
        });
        for (const len of dfs) expect(p.links.length).toBeLessThanOrEqual(len);
        expect(dfs).toContain(p.links.length);
      }),
    );
  });
});
