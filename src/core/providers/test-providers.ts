import fc from 'fast-check';
import type { MatchCandidate } from './matching.ts';
import type { ProviderProduct, ProviderProfile } from './profile.ts';

/** A profile with sensible defaults; override what a test is about. */
export function profile(id: string, over: Partial<ProviderProfile> = {}): ProviderProfile {
  return {
    id,
    name: `服务商${id}`,
    types: ['production-software'],
    categories: [],
    capabilities: [],
    industries: [],
    regions: [],
    products: [],
    references: [],
    certifications: [],
    ...over,
  };
}

export function product(
  id: string,
  scenarios: string[],
  min: number,
  max: number,
  over: Partial<ProviderProduct> = {},
): ProviderProduct {
  return {
    id,
    name: `产品${id}`,
    scenarios,
    price: { min, max },
    deployment: ['cloud'],
    pricing: ['subscription'],
    ...over,
  };
}

export function candidate(p: ProviderProfile, over: Partial<MatchCandidate> = {}): MatchCandidate {
  return { profile: p, pools: {}, grade: null, satisfaction: null, ...over };
}

export const SCENARIOS = ['GEN-PM-01', 'GEN-PM-02', 'GEN-PM-03', 'GEN-RD-01', 'GEN-BM-01', 'EQP.MACH-PM-07'];
export const INDUSTRIES = ['C', 'C34', 'C348', 'C3484', 'C3481', 'C35', 'C2611', 'I65'];
export const REGIONS = ['000000', '350000', '350200', '350203', '350100', '370200', '110000'];

/** Random providers (unique ids) with products, capabilities, references, pools, grades and ratings. */
export const arbitraryCandidates = (maxLength = 25): fc.Arbitrary<MatchCandidate[]> =>
  fc
    .array(
      fc.record({
        types: fc.subarray(['production-software', 'integrated-solutions', 'data-services'], {
          minLength: 1,
        }),
        capabilities: fc.subarray(SCENARIOS),
        industries: fc.subarray(INDUSTRIES, { maxLength: 3 }),
        regions: fc.subarray(REGIONS, { maxLength: 3 }),
        products: fc.array(
          fc.record({
            scenarios: fc.subarray(SCENARIOS, { minLength: 1, maxLength: 2 }),
            min: fc.integer({ min: 0, max: 80 }),
            span: fc.integer({ min: 0, max: 80 }),
            cloud: fc.boolean(),
            licence: fc.boolean(),
          }),
          { maxLength: 4 },
        ),
        refs: fc.array(
          fc.record({
            industry: fc.constantFrom(...INDUSTRIES),
            scenarios: fc.subarray(SCENARIOS, { maxLength: 2 }),
          }),
          {
            maxLength: 2,
          },
        ),
        pool: fc.constantFrom(
          undefined,
          'admitted',
          'warned',
          'rectifying',
          'publicised',
          'removed',
          'applied',
        ),
        grade: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        rating: fc.option(
          fc.record({ percent: fc.integer({ min: 0, max: 100 }), ratings: fc.integer({ min: 0, max: 9 }) }),
          {
            nil: null,
          },
        ),
      }),
      { maxLength },
    )
    .map((rows) =>
      rows.map((r, i): MatchCandidate => {
        const id = `P${String(i).padStart(3, '0')}`;
        return candidate(
          profile(id, {
            types: r.types,
            capabilities: r.capabilities,
            industries: r.industries,
            regions: r.regions,
            products: r.products.map((p, j) =>
              product(`${id}-${j}`, p.scenarios, p.min, p.min + p.span, {
                deployment: p.cloud ? ['cloud'] : ['on-premises'],
                pricing: p.licence ? ['licence'] : ['subscription', 'licence'],
              }),
            ),
            references: r.refs.map((x, j) => ({
              title: `案例${j}`,
              industry: x.industry,
              scenarios: x.scenarios,
            })),
          }),
          {
            pools: r.pool ? { pool1: r.pool as MatchCandidate['pools'][string] } : {},
            grade: r.grade === null ? null : { score: r.grade, level: r.grade >= 60 ? 'C级' : null },
            satisfaction: r.rating,
          },
        );
      }),
    );
