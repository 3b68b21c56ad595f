import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  MATCH_FACTORS,
  matchByFullScan,
  matchCandidate,
  matchProviders,
  MIN_SHOWN,
  whyNot,
  type MatchCandidate,
  type MatchFilters,
  type MatchInitiative,
} from './matching.ts';
import { replayPool } from './membership.ts';
import {
  arbitraryCandidates,
  candidate,
  INDUSTRIES,
  product,
  profile,
  REGIONS,
  SCENARIOS,
} from './test-providers.ts';

const initiative: MatchInitiative = {
  scenario: 'GEN-PM-03',
  industry: 'C3484',
  region: '350203',
  budget: 30,
  poolId: 'xm',
};

const strong = candidate(
  profile('strong', {
    industries: ['C34'],
    regions: ['350200'],
    products: [product('s1', ['GEN-PM-03'], 10, 25)],
    references: [{ title: '阀门厂 MES', industry: 'C3484', scenarios: ['GEN-PM-03'] }],
  }),
  {
    pools: { xm: 'admitted' },
    grade: { score: 88, level: 'B级' },
    satisfaction: { percent: 90, ratings: 6 },
  },
);

function factor(c: MatchCandidate, f: string, init: MatchInitiative = initiative) {
  const r = matchProviders(buildMatchIndex([c]), init);
  return r.entries[0]!.factors.find((x) => x.factor === f)!;
}

describe('matchProviders: the breakdown', () => {
  it('scores every factor, with weights adding up to 100 and points adding up to the total', () => {
    const r = matchProviders(buildMatchIndex([strong]), initiative);
    const e = r.entries[0]!;
    expect(e.factors.map((f) => [f.factor, f.reason, f.detail])).toEqual([
      ['scenario', 'product', 's1'],
      ['industry', 'reference-industry', 'C3484'],
      ['region', 'local', '350200'],
      ['pool', 'member', 'xm'],
      ['grade', 'graded', 'B级'],
      ['satisfaction', 'rated', '6'],
      ['price', 'within-budget', 's1'],
    ]);
    expect(e.factors.reduce((a, f) => a + f.weight, 0)).toBeCloseTo(100, 9);
    expect(e.factors.reduce((a, f) => a + f.points, 0)).toBeCloseTo(e.total, 9);
    // all full marks but grade 0.88 and satisfaction 0.9: 100 − 15 × 0.12 − 10 × 0.1
    expect(e.total).toBeCloseTo(97.2, 9);
    expect(e.product).toEqual({ id: 's1', name: '产品s1', price: { min: 10, max: 25 } });
  });

  it('tells a product from a capability, a reference, a neighbour in the category and nothing', () => {
    const at = (over: Parameters<typeof profile>[1]) => factor(candidate(profile('x', over)), 'scenario');
    expect(at({ products: [product('p', ['GEN-PM-03'], 1, 2)] })).toMatchObject({
      score: 1,
      reason: 'product',
    });
    expect(at({ capabilities: ['GEN-PM-03'] })).toMatchObject({ score: 0.7, reason: 'capability' });
    expect(at({ references: [{ title: 't', scenarios: ['GEN-PM-03'] }] })).toMatchObject({
      score: 0.6,
      reason: 'reference',
    });
    expect(at({ capabilities: ['EQP.MACH-PM-07'] })).toMatchObject({
      score: 0.3,
      reason: 'same-category',
      detail: 'EQP.MACH-PM-07',
    });
    expect(at({ capabilities: ['GEN-RD-01'] })).toMatchObject({ score: 0, reason: 'no-scenario' });
  });

  it('scores industry experience by shared levels, proven by references above declared', () => {
    const at = (over: Parameters<typeof profile>[1]) => factor(candidate(profile('x', over)), 'industry');
    expect(at({ industries: ['C3484'] })).toMatchObject({ score: 0.8, reason: 'declared-industry' });
    expect(at({ references: [{ title: 't', industry: '3481', scenarios: [] }] })).toMatchObject({
      score: 0.85,
      reason: 'reference-industry',
      detail: 'C3481',
    });
    expect(at({ industries: ['C34'] }).score).toBeCloseTo(0.48, 9);
    expect(at({ industries: ['I65'] })).toMatchObject({ score: 0, reason: 'no-industry' });
  });

  it('scores regions: local, province, nationwide, same province, elsewhere', () => {
    const at = (regions: string[]) => factor(candidate(profile('x', { regions })), 'region');
    expect(at(['350203'])).toMatchObject({ score: 1, reason: 'local' });
    expect(at(['350000'])).toMatchObject({ score: 0.9, reason: 'province' });
    expect(at(['000000'])).toMatchObject({ score: 0.7, reason: 'nationwide' });
    expect(at(['350100'])).toMatchObject({ score: 0.4, reason: 'same-province' });
    expect(at(['110000', '000000', '350200'])).toMatchObject({ score: 1, reason: 'local', detail: '350200' });
    expect(at([])).toMatchObject({ score: 0, reason: 'elsewhere' });
  });

  it('scores pool standing in the initiative’s pool, or the best pool when none is named', () => {
    const at = (pools: MatchCandidate['pools'], init = initiative) =>
      factor(candidate(profile('x'), { pools }), 'pool', init);
    expect(at({ xm: 'warned' })).toMatchObject({ score: 0.6, reason: 'warned' });
    expect(at({ xm: 'rectifying' })).toMatchObject({ score: 0.3, reason: 'rectifying' });
    expect(at({ xm: 'publicised' })).toMatchObject({ score: 0.2, reason: 'publicised' });
    expect(at({ xm: 'removed', other: 'admitted' })).toMatchObject({
      score: 0,
      reason: 'not-member',
      detail: 'xm',
    });
    const { poolId: _, ...anyPool } = initiative;
    expect(at({ xm: 'removed', other: 'admitted' }, anyPool)).toMatchObject({
      score: 1,
      reason: 'member',
      detail: 'other',
    });
  });

  it('scores price fit to the budget from the best-fitting product for the scenario', () => {
    const at = (products: ReturnType<typeof product>[]) =>
      factor(candidate(profile('x', { products })), 'price');
    expect(at([product('a', ['GEN-PM-03'], 40, 60), product('b', ['GEN-PM-03'], 20, 30)])).toMatchObject({
      score: 1,
      reason: 'within-budget',
      detail: 'b',
    });
    expect(at([product('a', ['GEN-PM-03'], 20, 40)])).toMatchObject({
      score: 0.75,
      reason: 'partly-within-budget',
    });
    expect(at([product('a', ['GEN-PM-03'], 45, 60)])).toMatchObject({ score: 0.25, reason: 'over-budget' });
    expect(at([product('a', ['GEN-PM-03'], 90, 120)])).toMatchObject({ score: 0, reason: 'over-budget' });
    expect(at([product('a', ['GEN-RD-01'], 1, 2)])).toMatchObject({ score: 0.5, reason: 'no-price' });
  });

  it('gives ungraded and unrated providers 0 and a neutral half, and weighs nothing the initiative does not ask', () => {
    const c = candidate(profile('x'));
    expect(factor(c, 'grade')).toMatchObject({ score: 0, reason: 'ungraded' });
    expect(factor(c, 'satisfaction')).toMatchObject({ score: 0.5, reason: 'no-ratings' });
    const bare = { scenario: 'GEN-PM-03' };
    for (const f of ['industry', 'region', 'price'])
      expect(factor(c, f, bare)).toMatchObject({ weight: 0, points: 0, reason: 'not-asked' });
    expect(factor(c, 'scenario', bare).weight).toBeCloseTo((30 / 65) * 100, 9);
  });

  it('takes other weights, and refuses negative ones or none at all', () => {
    const r = matchProviders(buildMatchIndex([strong]), initiative, {
      weights: { scenario: 0, industry: 0, region: 0, pool: 0, grade: 100, satisfaction: 0, price: 0 },
    });
    expect(r.entries[0]!.total).toBeCloseTo(88, 9);
    expect(() => matchProviders(buildMatchIndex([strong]), initiative, { weights: { grade: -1 } })).toThrow(
      'weight of grade must be a number ≥ 0, got -1',
    );
    expect(() =>
      matchProviders(
        buildMatchIndex([strong]),
        { scenario: 'GEN-PM-03' },
        { weights: { scenario: 0, pool: 0, grade: 0, satisfaction: 0 } },
      ),
    ).toThrow('at least one weight');
  });

  it('refuses an index with one provider twice', () => {
    expect(() => buildMatchIndex([strong, strong])).toThrow('provider strong is given twice');
  });
});

describe('matchProviders: the list', () => {
  const many = Array.from({ length: 12 }, (_, i) =>
    candidate(
      profile(`p${String(i).padStart(2, '0')}`, { capabilities: i % 2 ? ['GEN-PM-03'] : ['GEN-RD-01'] }),
      {
        grade: { score: i * 5, level: null },
      },
    ),
  );

  it('shows at least five where five exist, never one, ranked best first with ties by id', () => {
    const r = matchProviders(buildMatchIndex(many), initiative, { limit: 1 });
    expect(r.entries).toHaveLength(MIN_SHOWN);
    expect(r.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.entries.map((e) => e.providerId)).toEqual(['p11', 'p09', 'p07', 'p05', 'p03']);
    expect(matchProviders(buildMatchIndex(many.slice(0, 3)), initiative).entries).toHaveLength(3);
    expect(matchProviders(buildMatchIndex(many), initiative, { limit: 20 }).entries).toHaveLength(12);
    const tied = matchProviders(
      buildMatchIndex([candidate(profile('b')), candidate(profile('a'))]),
      initiative,
    );
    expect(tied.entries.map((e) => e.providerId)).toEqual(['a', 'b']);
  });

  it('filters, counting what each filter turned away', () => {
    const cs = [
      strong,
      candidate(
        profile('onprem', {
          types: ['integrated-solutions'],
          regions: ['110000'],
          products: [
            product('o', ['GEN-PM-03'], 50, 80, { deployment: ['on-premises'], pricing: ['licence'] }),
          ],
        }),
        {
          pools: { xm: 'removed' },
          grade: { score: 50, level: null },
        },
      ),
      candidate(profile('none', { capabilities: ['EQP.MACH-PM-07'] })),
    ];
    const index = buildMatchIndex(cs);
    const ids = (filters: MatchFilters) =>
      matchProviders(index, initiative, { filters }).entries.map((e) => e.providerId);
    expect(ids({ types: ['integrated-solutions'] })).toEqual(['onprem']);
    expect(ids({ inPool: true })).toEqual(['strong']);
    expect(ids({ minGrade: 60 })).toEqual(['strong']);
    expect(ids({ deployment: 'on-premises' })).toEqual(['onprem']);
    expect(ids({ pricing: 'subscription' })).toEqual(['strong']);
    expect(ids({ maxPrice: 40 })).toEqual(['strong']);
    expect(ids({ coversRegion: true })).toEqual(['strong']);
    expect(ids({ scenarioRequired: true })).toEqual(['strong', 'onprem']);
    const r = matchProviders(index, initiative, {
      filters: { inPool: true, minGrade: 60, deployment: 'cloud' },
    });
    expect(r).toMatchObject({
      providers: 3,
      considered: 1,
      excluded: { inPool: 2, minGrade: 2, deployment: 2 },
    });
  });
});

describe('whyNot', () => {
  const index = buildMatchIndex([
    strong,
    ...Array.from({ length: 6 }, (_, i) =>
      candidate(
        profile(`good${i}`, { products: [product(`g${i}`, ['GEN-PM-03'], 5, 10)], regions: ['350200'] }),
        {
          pools: { xm: 'admitted' },
          grade: { score: 70 + i, level: 'C级' },
        },
      ),
    ),
    candidate(profile('weak', { capabilities: ['GEN-PM-03'], regions: ['110000'] })),
  ]);

  it('says where an expected provider ranks, how far behind the list it is, and where it lost most', () => {
    const w = whyNot(index, initiative, 'weak', { limit: 5 });
    expect(w).toMatchObject({ known: true, excludedBy: [], rank: 8, shown: false });
    expect(w.lastShown?.providerId).toBe('good2');
    expect(w.gap).toBeCloseTo(w.lastShown!.total - w.entry!.total, 9);
    expect(w.weakest.map((f) => f.factor)).toEqual([
      'industry',
      'grade',
      'region',
      'pool',
      'scenario',
      'satisfaction',
      'price',
    ]);
    expect(w.weakest.slice(0, 2)).toMatchObject([
      { lost: 15, reason: 'no-industry' },
      { lost: 15, reason: 'ungraded' },
    ]);
  });

  it('names the filters that turn it away', () => {
    const w = whyNot(index, initiative, 'weak', {
      filters: { inPool: true, deployment: 'cloud', minGrade: 50 },
    });
    expect(w.rank).toBeNull();
    expect(w.excludedBy).toEqual([
      { filter: 'inPool', message: 'is not a member of pool xm (never applied)' },
      { filter: 'minGrade', message: 'is not graded' },
      { filter: 'deployment', message: 'has no product for GEN-PM-03' },
    ]);
    expect(
      whyNot(index, initiative, 'good0', { filters: { coversRegion: true, types: ['data-services'] } })
        .excludedBy,
    ).toEqual([{ filter: 'types', message: 'is of type production-software, not data-services' }]);
  });

  it('answers for a shown provider and for an unknown one', () => {
    expect(whyNot(index, initiative, 'strong')).toMatchObject({ rank: 1, shown: true, gap: 0 });
    expect(whyNot(index, initiative, 'ghost')).toMatchObject({ known: false, entry: null, rank: null });
  });
});

// ------------------------------------------------------------------ laws

const initiatives: fc.Arbitrary<MatchInitiative> = fc.record(
  {
    scenario: fc.constantFrom(...SCENARIOS, 'GEN-SC-01'),
    industry: fc.constantFrom(...INDUSTRIES),
    region: fc.constantFrom(...REGIONS.filter((r) => r !== '000000')),
    budget: fc.integer({ min: 0, max: 150 }),
    poolId: fc.constant('pool1'),
  },
  { requiredKeys: ['scenario'] },
);
const filters: fc.Arbitrary<MatchFilters> = fc.record(
  {
    types: fc.subarray(['production-software', 'integrated-solutions', 'data-services'], { minLength: 1 }),
    inPool: fc.boolean(),
    minGrade: fc.integer({ min: 0, max: 100 }),
    deployment: fc.constantFrom('cloud' as const, 'on-premises' as const),
    pricing: fc.constantFrom('subscription' as const, 'licence' as const),
    maxPrice: fc.integer({ min: 0, max: 100 }),
    coversRegion: fc.boolean(),
    scenarioRequired: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('matching laws', () => {
  it('the index gives exactly the full scan’s answer, whatever the providers, initiative, filters and limit', () => {
    fc.assert(
      fc.property(
        arbitraryCandidates(30),
        initiatives,
        fc.option(filters, { nil: undefined }),
        fc.integer({ min: 0, max: 12 }),
        (cs, init, f, limit) => {
          const options = { limit, ...(f ? { filters: f } : {}) };
          expect(matchProviders(buildMatchIndex(cs), init, options)).toEqual(
            matchByFullScan(cs, init, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows min(max(limit, 5), considered) providers, best first, each total 0–100 and the sum of its points', () => {
    fc.assert(
      fc.property(arbitraryCandidates(), initiatives, fc.integer({ min: 0, max: 12 }), (cs, init, limit) => {
        const r = matchProviders(buildMatchIndex(cs), init, { limit });
        expect(r.entries).toHaveLength(Math.min(Math.max(limit, MIN_SHOWN), r.considered));
        expect(r.considered).toBe(cs.length);
        r.entries.forEach((e, i) => {
          expect(e.total).toBeGreaterThanOrEqual(0);
          expect(e.total).toBeLessThanOrEqual(100 + 1e-9);
          expect(e.factors.map((x) => x.factor)).toEqual([...MATCH_FACTORS]);
          expect(e.factors.reduce((a, x) => a + x.points, 0)).toBeCloseTo(e.total, 9);
          if (i > 0) expect(r.entries[i - 1]!.total).toBeGreaterThanOrEqual(e.total);
        });
      }),
    );
  });

  it('a product for the scenario within the budget never lowers a provider’s score', () => {
    fc.assert(
      fc.property(arbitraryCandidates(8), initiatives, (cs, init) => {
        if (cs.length === 0) return;
        const target = cs[0]!;
        const before = whyNot(buildMatchIndex(cs), init, target.profile.id).entry!.total;
        const added: MatchCandidate = {
          ...target,
          profile: {
            ...target.profile,
            products: [...target.profile.products, product('new', [init.scenario], 0, 0)],
          },
        };
        const after = whyNot(buildMatchIndex([added, ...cs.slice(1)]), init, target.profile.id).entry!.total;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });

  it('whyNot agrees with the list: a shown provider has its rank there, others rank after the last shown', () => {
    fc.assert(
      fc.property(
        arbitraryCandidates(20),
        initiatives,
        fc.option(filters, { nil: undefined }),
        (cs, init, f) => {
          const index = buildMatchIndex(cs);
          const options = f ? { filters: f } : {};
          const r = matchProviders(index, init, options);
          for (const c of cs) {
            const w = whyNot(index, init, c.profile.id, options);
            const shown = r.entries.find((e) => e.providerId === c.profile.id);
            expect(w.shown).toBe(shown !== undefined);
            if (shown) expect(w.rank).toBe(shown.rank);
            else if (w.rank !== null) expect(w.rank).toBeGreaterThan(r.entries.length);
            expect(w.rank === null).toBe(w.excludedBy.length > 0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('matching: pruning stays exact', () => {
  const full = (id: string, scenarios: string[]) =>
    candidate(
      profile(id, {
        regions: ['350203'],
        products: [product(`${id}-p`, scenarios, 0, 1)],
        references: [{ title: 't', industry: 'C3484', scenarios: [] }],
      }),
      {
        pools: { xm: 'admitted' },
        grade: { score: 100, level: 'A级' },
        satisfaction: { percent: 100, ratings: 3 },
      },
    );
  it('skips providers that cannot reach the list, and keeps those that can outrank a poor exact fit', () => {
    const exactStrong = Array.from({ length: 6 }, (_, i) => full(`e${i}`, ['GEN-PM-03']));
    const offTopic = Array.from({ length: 6 }, (_, i) => full(`o${i}`, ['GEN-RD-01']));
    const exactPoor = Array.from({ length: 6 }, (_, i) =>
      candidate(profile(`w${i}`, { products: [product(`w${i}`, ['GEN-PM-03'], 90, 99)] })),
    );
    const a = [...exactStrong, ...offTopic, ...exactPoor];
    const r = matchProviders(buildMatchIndex(a), initiative, { limit: 5 });
    expect(r.entries.map((e) => e.providerId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(r).toEqual(matchByFullScan(a, initiative, { limit: 5 }));
    const b = [...offTopic, ...exactPoor];
    const s = matchProviders(buildMatchIndex(b), initiative, { limit: 5 });
    expect(s.entries.map((e) => e.providerId)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    expect(s.entries[0]!.total).toBeCloseTo(65, 9); // no scenario (30) and no price for it (half of 10)
    expect(s).toEqual(matchByFullScan(b, initiative, { limit: 5 }));
  });
});

describe('matchCandidate', () => {
  it('gathers pool standings, the grade and satisfaction from the other parts', () => {
    const pool = replayPool({ id: 'xm', publicityDays: 1, quotas: {} }, [
      { kind: 'apply', providerId: 'a', typeId: 't', at: '2024-01-01', by: 'u' },
    ]).state;
    const other = replayPool({ id: 'qd', publicityDays: 1, quotas: {} }, []).state;
    const c = matchCandidate(
      profile('a'),
      [pool, other],
      { score: 77, level: { id: 'B级', name: 'B级（良好）' } },
      { satisfaction: 80, rated: 4 },
    );
    expect(c).toEqual({
      profile: profile('a'),
      pools: { xm: 'applied' },
      grade: { score: 77, level: 'B级' },
      satisfaction: { percent: 80, ratings: 4 },
    });
    expect(
      matchCandidate(profile('a'), [], { score: 40, level: null }, { satisfaction: null, rated: 0 }),
    ).toMatchObject({
      grade: { score: 40, level: null },
      satisfaction: null,
    });
  });
});
