import { describe, expect, it } from 'vitest';
import {
  industryDepth,
  normaliseIndustry,
  profileProblems,
  regionCovers,
  regionLevel,
  scenarioCategory,
} from './profile.ts';
import { product, profile } from './test-providers.ts';

describe('industry codes (GB/T 4754-2017)', () => {
  it('adds the 门类 letter to digits, checks a given letter agrees, refuses what is not a code', () => {
    expect(normaliseIndustry('3484')).toBe('C3484');
    expect(normaliseIndustry('c34')).toBe('C34');
    expect(normaliseIndustry('C')).toBe('C');
    expect(normaliseIndustry('01')).toBe('A01');
    expect(normaliseIndustry('651')).toBe('I651');
    expect(normaliseIndustry('98')).toBe('T98');
    expect(normaliseIndustry('A34')).toBeNull();
    expect(normaliseIndustry('99')).toBeNull();
    expect(normaliseIndustry('00')).toBeNull();
    expect(normaliseIndustry('C34841')).toBeNull();
    expect(normaliseIndustry('U')).toBeNull();
    expect(normaliseIndustry('')).toBeNull();
    expect(normaliseIndustry('3')).toBeNull();
  });
  it('measures how many levels two codes share', () => {
    expect(industryDepth('C3484', '3484')).toBe(4);
    expect(industryDepth('C3484', 'C3481')).toBe(3);
    expect(industryDepth('C348', 'C3484')).toBe(3);
    expect(industryDepth('C34', 'C3484')).toBe(2);
    expect(industryDepth('C35', 'C3484')).toBe(1);
    expect(industryDepth('C', 'C3484')).toBe(1);
    expect(industryDepth('I65', 'C3484')).toBe(0);
    expect(industryDepth('bad', 'C3484')).toBe(0);
  });
});

describe('region codes (GB/T 2260)', () => {
  it('knows levels and which division covers which', () => {
    expect(['000000', '350000', '350200', '350203'].map(regionLevel)).toEqual([
      'country',
      'province',
      'city',
      'county',
    ]);
    expect(regionCovers('000000', '350203')).toBe(true);
    expect(regionCovers('350000', '350203')).toBe(true);
    expect(regionCovers('350200', '350203')).toBe(true);
    expect(regionCovers('350203', '350203')).toBe(true);
    expect(regionCovers('350203', '350200')).toBe(false);
    expect(regionCovers('350100', '350203')).toBe(false);
    expect(regionCovers('370000', '350203')).toBe(false);
  });
});

describe('profileProblems', () => {
  it('accepts a good profile', () => {
    const p = profile('a', {
      industries: ['C34', '3484'],
      regions: ['350200'],
      capabilities: ['GEN-PM-01'],
      products: [product('x', ['GEN-PM-01'], 5, 20)],
      references: [{ title: '案例', industry: 'C3484', region: '350203', scenarios: ['GEN-PM-01'] }],
      certifications: [{ name: 'ISO 9001', validUntil: '2027-01-31' }],
    });
    expect(
      profileProblems(p, { types: new Set(['production-software']), scenarios: new Set(['GEN-PM-01']) }),
    ).toEqual([]);
  });
  it('names every problem with its path', () => {
    const p = profile('a', {
      types: ['nope'],
      categories: ['odd'],
      capabilities: ['GEN-XX-99'],
      industries: ['Z1'],
      regions: ['3502'],
      products: [
        product('x', [], 30, 10, { deployment: [], pricing: [] }),
        product('x', ['GEN-PM-01'], 1, 2),
      ],
      references: [{ title: 'r', industry: '99', region: 'x', scenarios: ['GEN-XX-98'] }],
      certifications: [{ name: 'c', validUntil: '31.01.2027' }],
    });
    const problems = profileProblems(p, {
      types: new Set(['production-software']),
      categories: new Set(['integrated']),
      scenarios: new Set(['GEN-PM-01']),
    });
    expect(problems.map((x) => `${x.path.join('.')}: ${x.message}`)).toEqual([
      'types.0: unknown provider type "nope"',
      'categories.0: unknown pilot category "odd"',
      'capabilities.0: unknown scenario code "GEN-XX-99" (not in the atlas)',
      'industries.0: "Z1" is not a GB/T 4754 industry code (e.g. C3484)',
      'regions.0: "3502" is not a six-digit GB/T 2260 division code (e.g. 350200)',
      'products.0.scenarios: a product serves at least one scenario',
      'products.0.price: price range must be 0 ≤ min ≤ max, got 30–10',
      'products.0.deployment: say how it is deployed: cloud, on-premises or both',
      'products.0.pricing: say how it is paid for: subscription, licence or both',
      'products.1.id: duplicate product id "x"',
      'references.0.industry: "99" is not a GB/T 4754 industry code',
      'references.0.region: "x" is not a six-digit GB/T 2260 division code',
      'references.0.scenarios.0: unknown scenario code "GEN-XX-98" (not in the atlas)',
      'certifications.0.validUntil: expected a date YYYY-MM-DD, got "31.01.2027"',
    ]);
    expect(profileProblems(profile('b', { types: [] })).map((x) => x.message)).toEqual([
      'a provider needs at least one provider type',
    ]);
  });
  it('reads the category of a scenario code', () => {
    expect(scenarioCategory('GEN-PM-03')).toBe('PM');
    expect(scenarioCategory('EQP.MACH-PM-07')).toBe('PM');
    expect(scenarioCategory('odd')).toBe('');
  });
});
