import { z } from 'zod';
import { IndicatorSystemDetail } from './diagnosis.ts';

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

// ── The pool and matching API (src/features/providers): requests and views over the domain shapes above ──────────

/** What a provider edits of its profile: everything but its id and name, which are its organisation's. */
export const ProfileFields = ProviderProfile.omit({ id: true, name: true });
export type ProfileFields = z.infer<typeof ProfileFields>;

/** An answer of the grading model (AnswerValue of src/contracts/diagnosis.ts) */
const GradingAnswer = z.union([
  z.string().max(100),
  z.array(z.string().max(100)).max(50),
  z.number().finite(),
  z.record(z.string(), z.number().finite()),
]);

/**
 * A save of the caller's own profile at `version` (0 when it has none yet). `gradingAnswers` are the typed answers
 * of the grading model (服务企业情况, 产品服务能力, 综合服务能力); 工作实效 is computed from finished projects.
 */
export const SaveProviderProfile = z.object({
  version: z.number().int().min(0).optional(),
  profile: ProfileFields,
  gradingAnswers: z.record(z.string(), GradingAnswer).optional(),
});
export type SaveProviderProfile = z.infer<typeof SaveProviderProfile>;

/** A pool membership in standing, as the directory lists it. */
export const PoolStanding = z.object({
  poolId: z.string(),
  poolName: z.string(),
  state: z.enum(MEMBERSHIP_STATES),
  typeId: z.string(),
});
export type PoolStanding = z.infer<typeof PoolStanding>;

/** A provider's profile as stored, with its version (0: none saved yet) and the pools it stands in. */
export const ProviderProfileView = z.object({
  /** as saved; before the first save every list is empty (no type yet) */
  profile: ProviderProfile.extend({ types: z.array(Id).max(12) }),
  gradingAnswers: z.record(z.string(), GradingAnswer),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  pools: z.array(PoolStanding),
});
export type ProviderProfileView = z.infer<typeof ProviderProfileView>;

/** One provider in the directory. */
export const ProviderSummary = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  types: z.array(z.string()),
  categories: z.array(z.string()),
  capabilities: z.number().int(),
  products: z.number().int(),
  regions: z.array(z.string()),
  industries: z.array(z.string()),
  pools: z.array(PoolStanding),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

/** Filters of the directory (query string). */
export const ProviderDirectoryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.string().trim().max(100).optional(),
  scenario: ScenarioCodeField.optional(),
  industry: IndustryCode.optional(),
  region: RegionCode.optional(),
  poolId: z.uuid().optional(),
});
export type ProviderDirectoryQuery = z.infer<typeof ProviderDirectoryQuery>;

export const ProviderDirectory = z.object({ providers: z.array(ProviderSummary), total: z.number().int() });
export type ProviderDirectory = z.infer<typeof ProviderDirectory>;

/** A match answer: the ranked list and, when asked for a provider, why it is not (higher) in it. */
export const MatchAnswer = z.object({ result: MatchResult, whyNot: WhyNot.nullable() });
export type MatchAnswer = z.infer<typeof MatchAnswer>;

/** Matching a plan initiative or a project: what the record does not say, the options, and whom to explain. */
export const DerivedMatchRequest = z.object({
  industry: IndustryCode.optional(),
  region: RegionCode.optional(),
  budget: Money.optional(),
  poolId: Id.optional(),
  options: MatchOptions.optional(),
  whyNot: Id.optional(),
});
export type DerivedMatchRequest = z.infer<typeof DerivedMatchRequest>;

/** POST /api/providers/match: a MatchRequest, and whom to explain. */
export const MatchWithWhyNot = MatchRequest.extend({ whyNot: Id.optional() });
export type MatchWithWhyNot = z.infer<typeof MatchWithWhyNot>;

/** An authority opens a pool: the domain's definition without its id, and whether its pilot requires the pool. */
export const OpenPool = PoolDefinition.omit({ id: true }).extend({
  name: z.string().trim().min(1).max(200),
  requiredForPilot: z.boolean().default(false),
});
export type OpenPool = z.infer<typeof OpenPool>;

/**
 * One step of a membership, sent to the pool: the domain's command without `by` (the caller) and with `at`
 * optional (default today; a decision taken earlier, a review meeting say, may be dated back, never ahead). A
 * provider's own steps (apply, appeal, withdraw) take its own id; an authority's name the provider.
 */
export const PoolStepRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apply'), typeId: Id, at: IsoDate.optional() }),
  z.object({ kind: z.literal('appeal'), reason: Reason, at: IsoDate.optional() }),
  z.object({ kind: z.literal('withdraw'), at: IsoDate.optional() }),
  z.object({
    kind: z.literal('review'),
    providerId: z.uuid(),
    scores: z
      .array(z.object({ expert: Id, score: z.number() }))
      .min(1)
      .max(50),
    at: IsoDate.optional(),
  }),
  z.object({ kind: z.literal('object'), providerId: z.uuid(), reason: Reason, at: IsoDate.optional() }),
  z.object({ kind: z.literal('admit'), providerId: z.uuid(), at: IsoDate.optional() }),
  z.object({ kind: z.literal('warn'), providerId: z.uuid(), reason: Reason, at: IsoDate.optional() }),
  z.object({
    kind: z.literal('order-rectification'),
    providerId: z.uuid(),
    reason: Reason,
    deadline: IsoDate,
    at: IsoDate.optional(),
  }),
  z.object({ kind: z.literal('rectified'), providerId: z.uuid(), at: IsoDate.optional() }),
  z.object({ kind: z.literal('remove'), providerId: z.uuid(), reason: Reason, at: IsoDate.optional() }),
  z.object({
    kind: z.literal('decide-appeal'),
    providerId: z.uuid(),
    upheld: z.boolean(),
    reason: Reason,
    at: IsoDate.optional(),
  }),
]);
export type PoolStepRequest = z.infer<typeof PoolStepRequest>;

/** A pool as the caller may see it: its opener sees every application with its history; a provider its own; others the members in standing and those under 公示. */
export const PoolView = z.object({
  id: z.string(),
  authorityId: z.string(),
  authorityName: z.string(),
  definition: PoolDefinition,
  requiredForPilot: z.boolean(),
  version: z.number().int(),
  /** members in standing per type, and the quota (null: unlimited) */
  quotas: z.array(
    z.object({ typeId: z.string(), quota: z.number().int().nullable(), members: z.number().int() }),
  ),
  memberships: z.array(Membership.extend({ providerName: z.string() })),
  /** whether the caller opened it (and may review, admit and sanction) */
  own: z.boolean(),
});
export type PoolView = z.infer<typeof PoolView>;

export const PoolList = z.object({ pools: z.array(PoolView.omit({ memberships: true })) });
export type PoolList = z.infer<typeof PoolList>;

/** A provider's grade: the grading model scored by the diagnosis engine, 工作实效 computed from finished projects. */
export const ProviderGrade = z.object({
  providerId: z.string(),
  model: z.object({ id: z.string(), version: z.string() }),
  score: z.number(),
  maxScore: z.number(),
  level: z.object({ id: z.string(), name: z.string() }).nullable(),
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number() })),
  /** the computed part: counts and rates from the provider's finished projects */
  outcomes: z.object({
    finished: z.number().int(),
    onTime: z.number().int(),
    onBudget: z.number().int(),
    rated: z.number().int(),
    onTimeRate: z.number().nullable(),
    onBudgetRate: z.number().nullable(),
    satisfaction: z.number().nullable(),
  }),
  /** the provider's own view only: typed answers, the sub-dimensions and projects left out of the rates */
  breakdown: z
    .object({
      subDimensions: z.array(
        z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number() }),
      ),
      answers: z.record(z.string(), GradingAnswer),
      problems: z.array(z.object({ projectId: z.string(), message: z.string() })),
    })
    .nullable(),
});
export type ProviderGrade = z.infer<typeof ProviderGrade>;

/**
 * The grading model a provider answers (IndicatorSystemDetail of the assessments API), with the questions 工作实效
 * computes from finished projects: those are shown, never typed.
 */
export const GradingModelView = IndicatorSystemDetail.extend({ computed: z.array(z.string()) });
export type GradingModelView = z.infer<typeof GradingModelView>;

/** An authority's supply against demand, over the enterprises under it and the pool given (or every provider). */
export const SupplyDemandView = SupplyDemand.extend({
  enterprises: z.number().int(),
  providers: z.number().int(),
  poolId: z.string().nullable(),
});
export type SupplyDemandView = z.infer<typeof SupplyDemandView>;

/** Whether an enterprise may engage a provider under its pilot's pool rules (pilot-pool-check.ts). */
export const PilotPoolEligibility = z.object({
  providerId: z.string(),
  eligible: z.boolean(),
  requiredPools: z.array(z.object({ poolId: z.string(), name: z.string(), member: z.boolean() })),
  message: z.string(),
});
export type PilotPoolEligibility = z.infer<typeof PilotPoolEligibility>;

/** A name in both languages, as packs carry it. */
const ClassName = z.object({ zh: z.string(), en: z.string() });

/** The provider classes, types and pilot categories of the loaded provider-classes pack (T/ZJEI 010-2023 by default). */
export const ProviderClassesView = z.object({
  pack: z.object({ id: z.string(), version: z.string(), title: ClassName }),
  classes: z.array(
    z.object({
      id: z.string(),
      name: ClassName,
      types: z.array(
        z.object({
          id: z.string(),
          name: ClassName,
          description: ClassName.nullable(),
          scenarios: z.array(z.string()),
          assumed: z.boolean(),
        }),
      ),
    }),
  ),
  categories: z.array(
    z.object({
      id: z.string(),
      name: ClassName,
      typicalPoolSize: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    }),
  ),
});
export type ProviderClassesView = z.infer<typeof ProviderClassesView>;
