import { z } from 'zod';

/**
 * Request and response shapes of the service-provider pool and matching (服务商资源池, 供需对接). Money is in 万元.
 * Each shape is the domain's (src/core/providers) and is checked equal to it at compile time by providers.test.ts
 * (core does not import contracts): the profile and its products, references and certifications; the initiative,
 * filters and options of a match; the match result with each score's breakdown by factor; why-not; supply against
 * demand; pool standings. Change one side and the other, or the test does not compile.
 */

/** DEPLOYMENTS of src/core/providers/profile.ts */
export const DEPLOYMENTS = ['cloud', 'on-premises'] as const;
/** PRICING_MODELS of src/core/providers/profile.ts */
export const PRICING_MODELS = ['subscription', 'licence'] as const;
/** MEMBERSHIP_STATES of src/core/providers/membership.ts */
export const MEMBERSHIP_STATES = [
  'applied',
  'publicised',
  'admitted',
  'warned',
  'rectifying',
  'rejected',
  'removed',
  'withdrawn',
] as const;
/** MATCH_FACTORS of src/core/providers/matching.ts */
export const MATCH_FACTORS = [
  'scenario',
  'industry',
  'region',
  'pool',
  'grade',
  'satisfaction',
  'price',
] as const;
/** MATCH_REASONS of src/core/providers/matching.ts */
export const MATCH_REASONS = [
  'product',
  'capability',
  'reference',
  'same-category',
  'no-scenario',
  'reference-industry',
  'declared-industry',
  'no-industry',
  'local',
  'province',
  'nationwide',
  'same-province',
  'elsewhere',
  'member',
  'warned',
  'rectifying',
  'publicised',
  'not-member',
  'graded',
  'ungraded',
  'rated',
  'no-ratings',
  'within-budget',
  'partly-within-budget',
  'over-budget',
  'no-price',
  'not-asked',
] as const;
/** the keys of MatchFilters of src/core/providers/matching.ts */
export const MATCH_FILTERS = [
  'types',
  'inPool',
  'minGrade',
  'deployment',
  'pricing',
  'maxPrice',
  'coversRegion',
  'scenarioRequired',
] as const;

const Id = z.string().trim().min(1).max(100);
const Name = z.string().trim().min(1).max(200);
/** an atlas scenario code: INDUSTRY[.SEGMENT]-CATEGORY-NN (as the atlas packs' ScenarioCode) */
export const ScenarioCodeField = z
  .string()
  .regex(
    /^[A-Z]{2,5}(\.[A-Z0-9]{1,6})?-[A-Z]{2}-\d{2,3}$/,
    'scenario code must look like GEN-PM-03 or EQP.MACH-PM-07',
  );
/** a GB/T 4754 code: a 门类 letter and/or 2–4 digits (the domain checks the letter agrees with the digits) */
export const IndustryCode = z
  .string()
  .regex(/^([A-Ta-t]\d{0,4}|\d{2,4})$/, 'industry code must be a GB/T 4754 code such as C3484 (or 3484)');
/** a GB/T 2260 six-digit division code; 000000 is the whole country */
export const RegionCode = z
  .string()
  .regex(/^\d{6}$/, 'region must be a six-digit GB/T 2260 code such as 350200');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** 万元 */
const Money = z.number().finite().min(0).max(1e9);

export const PriceRange = z
  .object({ min: Money, max: Money })
  .refine((p) => p.min <= p.max, { message: 'min must not exceed max', path: ['max'] });
export type PriceRange = z.infer<typeof PriceRange>;

/** ProviderProduct of src/core/providers/profile.ts: a "小快轻准" offering */
export const ProviderProduct = z.object({
  id: Id,
  name: Name,
  scenarios: z.array(ScenarioCodeField).min(1).max(50),
  price: PriceRange,
  deployment: z.array(z.enum(DEPLOYMENTS)).min(1).max(2),
  pricing: z.array(z.enum(PRICING_MODELS)).min(1).max(2),
  description: z.string().max(4000).optional(),
});
export type ProviderProduct = z.infer<typeof ProviderProduct>;

/** ReferenceProject of src/core/providers/profile.ts */
export const ReferenceProject = z.object({
  title: Name,
  enterprise: z.string().max(200).optional(),
  industry: IndustryCode.optional(),
  region: RegionCode.optional(),
  scenarios: z.array(ScenarioCodeField).max(50),
  year: z.number().int().min(1990).max(2100).optional(),
});
export type ReferenceProject = z.infer<typeof ReferenceProject>;

/** Certification of src/core/providers/profile.ts */
export const Certification = z.object({
  name: Name,
  issuer: z.string().max(200).optional(),
  validUntil: IsoDate.optional(),
});
export type Certification = z.infer<typeof Certification>;

/** ProviderProfile of src/core/providers/profile.ts */
export const ProviderProfile = z.object({
  id: Id,
  name: Name,
  types: z.array(Id).min(1).max(12),
  categories: z.array(Id).max(10),
  capabilities: z.array(ScenarioCodeField).max(500),
  industries: z.array(IndustryCode).max(200),
  regions: z.array(RegionCode).max(500),
  products: z.array(ProviderProduct).max(500),
  references: z.array(ReferenceProject).max(500),
  certifications: z.array(Certification).max(100),
});
export type ProviderProfile = z.infer<typeof ProviderProfile>;

/** MatchInitiative of src/core/providers/matching.ts: what is matched (a plan initiative or a project) */
export const MatchInitiative = z.object({
  scenario: ScenarioCodeField,
  industry: IndustryCode.optional(),
  region: RegionCode.optional(),
  budget: Money.optional(),
  poolId: Id.optional(),
});
export type MatchInitiative = z.infer<typeof MatchInitiative>;

/** MatchFilters of src/core/providers/matching.ts */
export const MatchFilters = z.object({
  types: z.array(Id).max(12).optional(),
  inPool: z.boolean().optional(),
  minGrade: z.number().min(0).max(100).optional(),
  deployment: z.enum(DEPLOYMENTS).optional(),
  pricing: z.enum(PRICING_MODELS).optional(),
  maxPrice: Money.optional(),
  coversRegion: z.boolean().optional(),
  scenarioRequired: z.boolean().optional(),
});
export type MatchFilters = z.infer<typeof MatchFilters>;

const Weight = z.number().finite().min(0).max(1000);
/** MatchWeights of src/core/providers/matching.ts (a request may give some) */
export const MatchWeights = z.object({
  scenario: Weight,
  industry: Weight,
  region: Weight,
  pool: Weight,
  grade: Weight,
  satisfaction: Weight,
  price: Weight,
});
export type MatchWeights = z.infer<typeof MatchWeights>;

/** MatchOptions of src/core/providers/matching.ts */
export const MatchOptions = z.object({
  filters: MatchFilters.optional(),
  weights: MatchWeights.partial().optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type MatchOptions = z.infer<typeof MatchOptions>;

/** A match request: the initiative and how to match it. */
export const MatchRequest = z.object({ initiative: MatchInitiative, options: MatchOptions.optional() });
export type MatchRequest = z.infer<typeof MatchRequest>;

/** FactorScore of src/core/providers/matching.ts: one factor of a score */
export const FactorScore = z.object({
  factor: z.enum(MATCH_FACTORS),
  weight: z.number(),
  score: z.number(),
  points: z.number(),
  reason: z.enum(MATCH_REASONS),
  detail: z.string().optional(),
});
export type FactorScore = z.infer<typeof FactorScore>;

/** MatchEntry of src/core/providers/matching.ts: one ranked provider with its breakdown */
export const MatchEntry = z.object({
  providerId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  total: z.number(),
  factors: z.array(FactorScore),
  product: z
    .object({ id: z.string(), name: z.string(), price: z.object({ min: z.number(), max: z.number() }) })
    .nullable(),
});
export type MatchEntry = z.infer<typeof MatchEntry>;

/** MatchResult of src/core/providers/matching.ts */
export const MatchResult = z.object({
  initiative: MatchInitiative,
  providers: z.number().int(),
  considered: z.number().int(),
  excluded: z.partialRecord(z.enum(MATCH_FILTERS), z.number().int()),
  entries: z.array(MatchEntry),
});
export type MatchResult = z.infer<typeof MatchResult>;

/** WhyNot of src/core/providers/matching.ts: why an expected provider is absent or low */
export const WhyNot = z.object({
  providerId: z.string(),
  known: z.boolean(),
  excludedBy: z.array(z.object({ filter: z.enum(MATCH_FILTERS), message: z.string() })),
  entry: MatchEntry.nullable(),
  rank: z.number().int().nullable(),
  shown: z.boolean(),
  lastShown: z.object({ providerId: z.string(), total: z.number() }).nullable(),
  gap: z.number(),
  weakest: z.array(FactorScore.extend({ lost: z.number() })),
});
export type WhyNot = z.infer<typeof WhyNot>;

/** ScenarioSupply of src/core/providers/supply-demand.ts */
export const ScenarioSupply = z.object({
  scenario: z.string(),
  enterprises: z.number().int(),
  initiatives: z.number().int(),
  providers: z.array(z.string()),
  withProduct: z.number().int(),
  products: z.number().int(),
  providersPerEnterprise: z.number(),
});
export type ScenarioSupply = z.infer<typeof ScenarioSupply>;

/** SupplyDemand of src/core/providers/supply-demand.ts: an authority's supply against demand */
export const SupplyDemand = z.object({
  scenarios: z.array(ScenarioSupply),
  uncovered: z.array(z.string()),
  singleProvider: z.array(z.string()),
  coverage: z.number(),
});
export type SupplyDemand = z.infer<typeof SupplyDemand>;

/** PoolDefinition of src/core/providers/membership.ts: a pool an authority opens */
export const PoolDefinition = z.object({
  id: Id,
  name: z.string().max(200).optional(),
  region: RegionCode.optional(),
  industry: IndustryCode.optional(),
  publicityDays: z.number().int().min(0).max(365),
  types: z.array(Id).max(50).optional(),
  quotas: z.record(z.string(), z.number().int().min(0).max(10_000)),
  passScore: z.number().min(0).max(100).optional(),
  appealDays: z.number().int().min(0).max(365).optional(),
});
export type PoolDefinition = z.infer<typeof PoolDefinition>;

const CommandBase = { providerId: Id, at: IsoDate, by: Id };
const Reason = z.string().trim().min(1).max(2000);
/** MembershipCommand of src/core/providers/membership.ts: one step of a pool membership */
export const MembershipCommand = z.discriminatedUnion('kind', [
  z.object({ ...CommandBase, kind: z.literal('apply'), typeId: Id }),
  z.object({
    ...CommandBase,
    kind: z.literal('review'),
    scores: z.array(z.object({ expert: Id, score: z.number() })).max(50),
  }),
  z.object({ ...CommandBase, kind: z.literal('object'), reason: Reason }),
  z.object({ ...CommandBase, kind: z.literal('admit') }),
  z.object({ ...CommandBase, kind: z.literal('warn'), reason: Reason }),
  z.object({ ...CommandBase, kind: z.literal('order-rectification'), reason: Reason, deadline: IsoDate }),
  z.object({ ...CommandBase, kind: z.literal('rectified') }),
  z.object({ ...CommandBase, kind: z.literal('remove'), reason: Reason }),
  z.object({ ...CommandBase, kind: z.literal('appeal'), reason: Reason }),
  z.object({ ...CommandBase, kind: z.literal('decide-appeal'), upheld: z.boolean(), reason: Reason }),
  z.object({ ...CommandBase, kind: z.literal('withdraw') }),
]);
export type MembershipCommand = z.infer<typeof MembershipCommand>;

/** MembershipEntry of src/core/providers/membership.ts */
export const MembershipEntry = z.object({
  command: MembershipCommand,
  from: z.enum(MEMBERSHIP_STATES).nullable(),
  to: z.enum(MEMBERSHIP_STATES),
});
export type MembershipEntry = z.infer<typeof MembershipEntry>;

/** Membership of src/core/providers/membership.ts: one application and its full history */
export const Membership = z.object({
  poolId: z.string(),
  providerId: z.string(),
  typeId: z.string(),
  state: z.enum(MEMBERSHIP_STATES),
  reviewScore: z.number().nullable(),
  publicityUntil: z.string().nullable(),
  rectificationDeadline: z.string().nullable(),
  appeal: z.object({ against: z.number().int(), at: z.string() }).nullable(),
  history: z.array(MembershipEntry),
});
export type Membership = z.infer<typeof Membership>;

/** REFUSAL_CODES of src/core/providers/membership.ts */
export const REFUSAL_CODES = [
  'already-applied',
  'removed-from-pool',
  'type-not-in-pool',
  'no-application',
  'wrong-state',
  'out-of-order',
  'bad-date',
  'bad-scores',
  'publicity-not-over',
  'quota-full',
  'nothing-to-appeal',
  'appeal-pending',
  'appeal-too-late',
  'no-appeal',
] as const;
/** Refusal of src/core/providers/membership.ts: why a pool step was refused */
export const Refusal = z.object({ code: z.enum(REFUSAL_CODES), message: z.string() });
export type Refusal = z.infer<typeof Refusal>;
