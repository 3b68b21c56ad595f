/**
 * One shape per concept: each provider shape is defined in src/core/providers, and its contract here must be the very
 * same shape. Compile-time checks (tsc checks test files), plus a few runtime checks of the request schemas.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  FactorScore as CoreFactorScore,
  MatchEntry as CoreMatchEntry,
  MatchFactor,
  MatchFilter,
  MatchFilters as CoreMatchFilters,
  MatchInitiative as CoreMatchInitiative,
  MatchOptions as CoreMatchOptions,
  MatchReason,
  MatchResult as CoreMatchResult,
  MatchWeights as CoreMatchWeights,
  WhyNot as CoreWhyNot,
} from '../core/providers/matching.ts';
import type {
  Membership as CoreMembership,
  MembershipCommand as CoreMembershipCommand,
  MembershipState,
  PoolDefinition as CorePoolDefinition,
  Refusal as CoreRefusal,
  RefusalCode,
} from '../core/providers/membership.ts';
import type {
  Certification as CoreCertification,
  Deployment,
  PricingModel,
  ProviderProduct as CoreProviderProduct,
  ProviderProfile as CoreProviderProfile,
  ReferenceProject as CoreReferenceProject,
} from '../core/providers/profile.ts';
import type { SupplyDemand as CoreSupplyDemand } from '../core/providers/supply-demand.ts';
import type {
  DEPLOYMENTS,
  MATCH_FACTORS,
  MATCH_FILTERS,
  MATCH_REASONS,
  MEMBERSHIP_STATES,
  PRICING_MODELS,
} from './providers.ts';
import {
  type Certification,
  type FactorScore,
  type MatchEntry,
  type MatchFilters,
  type MatchInitiative,
  type MatchOptions,
  MatchRequest,
  type MatchResult,
  type MatchWeights,
  type Membership,
  type MembershipCommand,
  type PoolDefinition,
  type Refusal,
  type REFUSAL_CODES,
  type ProviderProduct,
  ProviderProfile,
  type ReferenceProject,
  type SupplyDemand,
  type WhyNot,
} from './providers.ts';
import type { Writable } from './test-writable.ts';

describe('provider contracts are the domain shapes', () => {
  it('enumerations', () => {
    expectTypeOf<(typeof DEPLOYMENTS)[number]>().toEqualTypeOf<Deployment>();
    expectTypeOf<(typeof PRICING_MODELS)[number]>().toEqualTypeOf<PricingModel>();
    expectTypeOf<(typeof MEMBERSHIP_STATES)[number]>().toEqualTypeOf<MembershipState>();
    expectTypeOf<(typeof MATCH_FACTORS)[number]>().toEqualTypeOf<MatchFactor>();
    expectTypeOf<(typeof MATCH_REASONS)[number]>().toEqualTypeOf<MatchReason>();
    expectTypeOf<(typeof MATCH_FILTERS)[number]>().toEqualTypeOf<MatchFilter>();
    expectTypeOf<(typeof REFUSAL_CODES)[number]>().toEqualTypeOf<RefusalCode>();
  });

  it('the profile, its products, references and certifications', () => {
    expectTypeOf<ProviderProduct>().toEqualTypeOf<Writable<CoreProviderProduct>>();
    expectTypeOf<ReferenceProject>().toEqualTypeOf<Writable<CoreReferenceProject>>();
    expectTypeOf<Certification>().toEqualTypeOf<Writable<CoreCertification>>();
    expectTypeOf<ProviderProfile>().toEqualTypeOf<Writable<CoreProviderProfile>>();
  });

  it('a match: initiative, filters, weights, options; the result with its breakdown; why-not; supply and demand', () => {
    expectTypeOf<MatchInitiative>().toEqualTypeOf<Writable<CoreMatchInitiative>>();
    expectTypeOf<MatchFilters>().toEqualTypeOf<Writable<CoreMatchFilters>>();
    expectTypeOf<MatchWeights>().toEqualTypeOf<Writable<CoreMatchWeights>>();
    expectTypeOf<MatchOptions>().toEqualTypeOf<Writable<CoreMatchOptions>>();
    expectTypeOf<FactorScore>().toEqualTypeOf<Writable<CoreFactorScore>>();
    expectTypeOf<MatchEntry>().toEqualTypeOf<Writable<CoreMatchEntry>>();
    expectTypeOf<MatchResult>().toEqualTypeOf<Writable<CoreMatchResult>>();
    expectTypeOf<WhyNot>().toEqualTypeOf<Writable<CoreWhyNot>>();
    expectTypeOf<SupplyDemand>().toEqualTypeOf<Writable<CoreSupplyDemand>>();
    expectTypeOf<z.infer<typeof MatchRequest>['initiative']>().toEqualTypeOf<MatchInitiative>();
  });
});

describe('pool contracts are the domain shapes', () => {
  it('the pool, its commands, memberships with their history, refusals', () => {
    expectTypeOf<PoolDefinition>().toEqualTypeOf<Writable<CorePoolDefinition>>();
    expectTypeOf<MembershipCommand>().toEqualTypeOf<Writable<CoreMembershipCommand>>();
    expectTypeOf<Membership>().toEqualTypeOf<Writable<CoreMembership>>();
    expectTypeOf<Refusal>().toEqualTypeOf<Writable<CoreRefusal>>();
  });
});

describe('provider request schemas', () => {
  const profile = {
    id: 'p1',
    name: '某服务商',
    types: ['production-software'],
    categories: [],
    capabilities: ['GEN-PM-03'],
    industries: ['C3484', '34'],
    regions: ['350200'],
    products: [
      {
        id: 'x',
        name: 'MES 轻量版',
        scenarios: ['GEN-PM-03'],
        price: { min: 5, max: 20 },
        deployment: ['cloud'],
        pricing: ['subscription'],
      },
    ],
    references: [],
    certifications: [],
  };
  it('accepts a good profile and names the field of a bad one', () => {
    expect(ProviderProfile.safeParse(profile).success).toBe(true);
    const bad = ProviderProfile.safeParse({
      ...profile,
      regions: ['3502'],
      products: [{ ...profile.products[0], price: { min: 30, max: 10 }, scenarios: ['mes'] }],
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual([
      'regions.0',
      'products.0.scenarios.0',
      'products.0.price.max',
    ]);
  });
  it('checks a match request', () => {
    expect(
      MatchRequest.safeParse({ initiative: { scenario: 'GEN-PM-03', budget: 30 }, options: { limit: 5 } })
        .success,
    ).toBe(true);
    expect(
      MatchRequest.safeParse({ initiative: { scenario: 'GEN-PM-03' }, options: { weights: { grade: -1 } } })
        .success,
    ).toBe(false);
    expect(
      MatchRequest.safeParse({ initiative: { scenario: 'GEN-PM-03', industry: 'manufacturing' } }).success,
    ).toBe(false);
  });
});
