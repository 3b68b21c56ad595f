import { describe, expect, it } from 'vitest';
import { supplyDemand } from './supply-demand.ts';
import { candidate, product, profile } from './test-providers.ts';

const providers = [
  candidate(
    profile('a', {
      products: [product('a1', ['GEN-PM-03', 'GEN-PM-01'], 1, 2), product('a2', ['GEN-PM-03'], 1, 2)],
    }),
    {
      pools: { xm: 'admitted' },
    },
  ),
  candidate(profile('b', { capabilities: ['GEN-PM-03', 'GEN-RD-01'] }), { pools: { xm: 'warned' } }),
  candidate(profile('c', { products: [product('c1', ['GEN-BM-01'], 1, 2)] }), { pools: { xm: 'removed' } }),
];
const demand = [
  { scenario: 'GEN-PM-03', enterpriseId: 'e1', initiativeId: 'i1' },
  { scenario: 'GEN-PM-03', enterpriseId: 'e2', initiativeId: 'i2' },
  { scenario: 'GEN-PM-03', enterpriseId: 'e2', initiativeId: 'i3' },
  { scenario: 'GEN-RD-01', enterpriseId: 'e1' },
  { scenario: 'GEN-BM-01', enterpriseId: 'e3' },
  { scenario: 'GEN-SC-04', enterpriseId: 'e1' },
  { scenario: 'GEN-SC-04', enterpriseId: 'e1' },
];

describe('supplyDemand', () => {
  it('sets the scenarios plans need against the pool members covering them, and lists the uncovered', () => {
    const r = supplyDemand(demand, providers, { poolId: 'xm' });
    expect(r.scenarios).toEqual([
      {
        scenario: 'GEN-PM-03',
        enterprises: 2,
        initiatives: 3,
        providers: ['a', 'b'],
        withProduct: 1,
        products: 2,
        providersPerEnterprise: 1,
      },
      {
        scenario: 'GEN-SC-04',
        enterprises: 1,
        initiatives: 2,
        providers: [],
        withProduct: 0,
        products: 0,
        providersPerEnterprise: 0,
      },
      {
        scenario: 'GEN-BM-01',
        enterprises: 1,
        initiatives: 1,
        providers: [],
        withProduct: 0,
        products: 0,
        providersPerEnterprise: 0,
      },
      {
        scenario: 'GEN-RD-01',
        enterprises: 1,
        initiatives: 1,
        providers: ['b'],
        withProduct: 0,
        products: 0,
        providersPerEnterprise: 1,
      },
    ]);
    expect(r.uncovered).toEqual(['GEN-SC-04', 'GEN-BM-01']);
    expect(r.singleProvider).toEqual(['GEN-RD-01']);
    expect(r.coverage).toBe(0.5);
  });

  it('counts every provider given when no pool is named, and products only when asked', () => {
    expect(supplyDemand(demand, providers).uncovered).toEqual(['GEN-SC-04']);
    const productsOnly = supplyDemand(demand, providers, { capabilitiesCount: false });
    expect(productsOnly.uncovered).toEqual(['GEN-SC-04', 'GEN-RD-01']);
    expect(productsOnly.scenarios[0]?.providers).toEqual(['a']);
  });

  it('without demand everything needed is covered', () => {
    expect(supplyDemand([], providers)).toEqual({
      scenarios: [],
      uncovered: [],
      singleProvider: [],
      coverage: 1,
    });
  });
});
