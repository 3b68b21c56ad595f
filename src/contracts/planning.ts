import { z } from 'zod';
import { RecordVersion, VersionField } from './versioning.ts';

/**
 * Request and response shapes of the planning API (/api/plans). Money is in 万元; periods are quarters unless
 * `periodsPerYear` says otherwise. The web app imports these as types only.
 */

const Text = z.object({ zh: z.string(), en: z.string() });

/*
 * The shapes here that the domain also has are defined in src/core and checked equal to them at compile time by
 * planning.test.ts (core does not import contracts): enterprise and process types, the enterprise profile, plan
 * settings, candidates (origins, KPI deltas, benefit, appraisal), strategy advice, risks, problems and the solver's
 * answers. Change one and the other, or the test does not compile.
 */

/** EnterpriseType of src/core/planning/candidates-defaults.ts */
export const ENTERPRISE_TYPES = ['leader', 'large', 'little-giant', 'specialized-sme', 'micro'] as const;
/** ProcessType of src/core/planning/candidates-defaults.ts */
export const PROCESS_TYPES = ['process', 'discrete'] as const;

/** EnterpriseProfile of src/core/planning/candidates-defaults.ts */
export const EnterpriseProfile = z.object({
  name: z.string().max(200).optional(),
  industry: z.string().trim().min(1).max(200),
  processType: z.enum(PROCESS_TYPES),
  employees: z.number().int().min(1).max(10_000_000),
  /** annual revenue, 万元 */
  revenue: z.number().positive().max(1e9),
  enterpriseType: z.enum(ENTERPRISE_TYPES),
});
export type EnterpriseProfile = z.infer<typeof EnterpriseProfile>;

export const ORIGIN_KINDS = ['default', 'gap', 'pain-point', 'prerequisite', 'atlas', 'user'] as const;
export const Origin = z.object({ kind: z.enum(ORIGIN_KINDS), ref: z.string().optional() });
export type Origin = z.infer<typeof Origin>;

export const KpiDelta = z.object({
  kpi: z.string(),
  name: Text,
  unit: z.string(),
  valueTag: z.string(),
  /** relative improvement, 0.05 = 5 % */
  improvement: z.number().min(-1).max(10),
  /** share of revenue a 100 % improvement moves */
  factor: z.number().min(0).max(10),
  origin: Origin,
});
export type KpiDelta = z.infer<typeof KpiDelta>;

const NumberOrigins = z.object({
  capex: Origin,
  opexPerYear: Origin,
  duration: Origin,
  effort: Origin,
  successProbability: Origin,
});

/** An initiative as the planner edits it (numbers are checked by the planning validator, every problem at once). */
export const PlanCandidate = z.object({
  id: z.string().min(1).max(100),
  scenario: z.string(),
  name: Text,
  category: z.string(),
  scope: Text,
  capex: z.number(),
  opexPerYear: z.number().min(0),
  duration: z.number(),
  effort: z.number(),
  successProbability: z.number(),
  kpiDeltas: z.array(KpiDelta),
  requires: z.array(z.string()),
  excludes: z.array(z.string()),
  mandatory: z.boolean(),
  origins: NumberOrigins,
  reasons: z.array(Origin),
});
export type PlanCandidate = z.infer<typeof PlanCandidate>;

/** PlanStart of src/core/planning/plan-calendar.ts: the quarter a plan's first period starts in. */
export const PlanStart = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
});
export type PlanStart = z.infer<typeof PlanStart>;

/**
 * PlanSettings of src/core/planning/plan-instance.ts; a new plan starts from `defaultSettings` of
 * src/core/planning/candidates-defaults.ts, which gives every field.
 */
export const PlanSettings = z.object({
  periods: z.number().int().min(1).max(40),
  periodsPerYear: z.number().int().min(1).max(12),
  discountRate: z.number().min(0).max(1),
  benefitYears: z.number().min(0).max(30),
  /** budget per period, 万元 */
  budget: z.array(z.number()),
  /** people per period; absent = unlimited */
  capacity: z.array(z.number()).optional(),
  /** the quarter the first period starts in (a new plan: the next quarter) */
  start: PlanStart,
});
export type PlanSettings = z.infer<typeof PlanSettings>;

export const GapRef = z.object({ name: z.string(), scenarios: z.array(z.string()) });

export const CreatePlan = z.object({
  title: z.string().trim().min(1).max(200),
  atlasPackId: z.string().min(1),
  profile: EnterpriseProfile,
  painPoints: z.array(z.string()).max(200),
  assessmentId: z.uuid().optional(),
  /**
   * With `assessmentId`: the names of the diagnosis gaps (GapRef names: the result's gaps and next-level changes)
   * to take into the plan, as ticked on the result page; without it, every gap of the assessment.
   */
  gaps: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
  settings: PlanSettings.partial().optional(),
});
export type CreatePlan = z.infer<typeof CreatePlan>;

/**
 * PATCH /api/plans/:id: the version edited (required, from the last read) and the parts changed. `initiatives` are
 * matched by id: those sent replace the stored ones, those left out are kept (so that two people editing different
 * initiatives both keep their change), an unknown id is added.
 */
export const UpdatePlan = VersionField.extend({
  title: z.string().trim().min(1).max(200).optional(),
  settings: PlanSettings.optional(),
  initiatives: z.array(PlanCandidate).max(500).optional(),
});
export type UpdatePlan = z.infer<typeof UpdatePlan>;

/** A risk as the planner enters it: RiskEntry of src/core/planning/risk.ts without its id. */
export const RiskInput = z.object({
  title: z.string().trim().min(1).max(300),
  initiativeId: z.string().optional(),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  mitigation: z.string().trim().min(1).max(2000),
  exposure: z.number().min(0).optional(),
});
export type RiskInput = z.infer<typeof RiskInput>;

/** PUT /api/plans/:id/risks/:riskId: the risk and the plan version it was edited from (required). */
export const SaveRisk = RiskInput.extend(VersionField.shape);
export type SaveRisk = z.infer<typeof SaveRisk>;

export const SolveRequest = z.object({
  /** HiGHS time limit per solve, seconds (default 10) */
  timeLimitSeconds: z.number().min(1).max(120).optional(),
  /** also solve the budget frontier (default true) */
  frontier: z.boolean().optional(),
});

/** RiskBand of src/core/planning/risk.ts */
export const BANDS = ['low', 'medium', 'high', 'critical'] as const;
/** The words of the risk bands, the one scale the plan page and the plan document both use. */
export const BAND_WORDS: Readonly<Record<(typeof BANDS)[number], { zh: string; en: string }>> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  critical: { zh: '重大', en: 'critical' },
};
/** AssessedRisk of src/core/planning/risk.ts */
export const AssessedRisk = RiskInput.extend({
  id: z.string(),
  score: z.number(),
  band: z.enum(BANDS),
  probability: z.number(),
  expectedLoss: z.number(),
});
export type AssessedRisk = z.infer<typeof AssessedRisk>;

export const RiskSummary = z.object({
  count: z.number(),
  byBand: z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() }),
  top: z.array(AssessedRisk),
  expectedLoss: z.number(),
  expectedLossByInitiative: z.record(z.string(), z.number()),
});

export const Appraisal = z.object({
  npv: z.number(),
  riskAdjustedNpv: z.number(),
  irr: z.number().nullable(),
  paybackYears: z.number().nullable(),
  discountedPaybackYears: z.number().nullable(),
  benefitCostRatio: z.number().nullable(),
});
export type Appraisal = z.infer<typeof Appraisal>;

export const InitiativeView = PlanCandidate.extend({
  benefit: z.object({
    byValueTag: z.record(z.string(), z.number()),
    gross: z.number(),
    annualBenefit: z.number(),
  }),
  appraisal: Appraisal.nullable(),
});
export type InitiativeView = z.infer<typeof InitiativeView>;

/** PlanStatus of src/core/planning/plan-result.ts */
export const PLAN_STATUSES = ['optimal', 'feasible', 'infeasible', 'unknown'] as const;
/** The MILP solvers of the plan portfolio (src/solver/portfolio.ts). */
export const SOLVER_NAMES = ['highs', 'cbc'] as const;
/** What ended a plan solve: see PlanResult.stoppedBy in src/core/planning/plan-result.ts. */
export const STOPPED_BY = ['proof', 'tolerance', 'time-limit'] as const;
/** Where a resource binds (periods 0-based; used and available per binding period): Binding of plan-result.ts. */
export const Binding = z.object({
  periods: z.array(z.number()),
  used: z.array(z.number()),
  available: z.array(z.number()),
  needPerPeriod: z.number(),
});
/** Why an initiative is not selected: the facts (src/core/planning/plan-result.ts) and an English `reason`. */
export const NotSelected = z.object({
  id: z.string(),
  kind: z.enum([
    'negative-value',
    'budget-bound',
    'capacity-bound',
    'prerequisite',
    'excluded',
    'horizon',
    'gap',
  ]),
  reason: z.string(),
  periods: z.array(z.number()).optional(),
  by: z.string().optional(),
  shortfall: z.number().optional(),
  byLastPeriod: z.number().optional(),
  duration: z.number().optional(),
  chain: z.array(z.string()).optional(),
  chainPeriods: z.number().optional(),
  horizon: z.number().optional(),
  fitsAt: z.number().optional(),
  value: z.number().optional(),
  budget: Binding.optional(),
  capacity: Binding.optional(),
});
export const ScheduledStart = z.object({ id: z.string(), start: z.number() });

/** The plan solver's answer: PlanResult of src/core/planning/plan-result.ts */
export const PlanResult = z.object({
  status: z.enum(PLAN_STATUSES),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  bound: z.number().nullable(),
  schedule: z.array(ScheduledStart),
  notSelected: z.array(NotSelected),
  reason: z.string().optional(),
  stats: z.object({ variables: z.number(), rows: z.number(), seconds: z.number() }),
  solver: z.enum(SOLVER_NAMES).optional(),
  stoppedBy: z.enum(STOPPED_BY).optional(),
});
/** The greedy baseline: GreedyPlan of src/core/planning/greedy.ts */
export const GreedyPlan = z.object({
  status: z.enum(['feasible', 'infeasible']),
  objective: z.number().nullable(),
  schedule: z.array(ScheduledStart),
  reason: z.string().optional(),
});
/** One point of the budget frontier: FrontierPoint of src/core/planning/budget-frontier.ts */
export const FrontierPoint = z.object({
  factor: z.number(),
  totalBudget: z.number(),
  status: z.enum(PLAN_STATUSES),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  marginalValuePerUnit: z.number().nullable(),
});

/** A plan's saved solution: the solver's answer, the greedy baseline and the budget frontier, with when and what. */
export const PlanSolution = z.object({
  result: PlanResult,
  greedy: GreedyPlan,
  frontier: z.array(FrontierPoint),
  /** spending and people per period of the optimal schedule */
  usage: z.object({ budget: z.array(z.number()), effort: z.array(z.number()) }),
  solvedAt: z.string(),
  timeLimitSeconds: z.number(),
  /** fingerprint of the inputs solved; differs from the plan's current one when the plan changed since */
  inputKey: z.string(),
});
export type PlanSolution = z.infer<typeof PlanSolution>;

export const StrategyAdvice = z.object({
  strategy: z.enum(['chain', 'whole', 'tiered']),
  name: Text,
  explanation: Text,
  section: z.string(),
});

export const PlanProblem = z.object({
  initiative: z.string().optional(),
  field: z.string(),
  message: z.string(),
});
export type PlanProblem = z.infer<typeof PlanProblem>;

export const PlanView = z.object({
  id: z.string(),
  title: z.string(),
  copiedFrom: z.string().nullable(),
  assessmentId: z.string().nullable(),
  atlasPackId: z.string(),
  profile: EnterpriseProfile,
  painPoints: z.array(z.string()),
  gaps: z.array(GapRef),
  strategy: StrategyAdvice,
  settings: PlanSettings,
  initiatives: z.array(InitiativeView),
  risks: z.array(AssessedRisk),
  riskSummary: RiskSummary,
  solution: PlanSolution.extend({ stale: z.boolean() }).nullable(),
  /** problems of the saved inputs (empty for every plan saved through the API) */
  problems: z.array(PlanProblem),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the plan's version: send it with the next save (409 stale_version when someone saved in between) */
  version: RecordVersion,
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanSummary = z.object({
  id: z.string(),
  title: z.string(),
  copiedFrom: z.string().nullable(),
  atlasPackId: z.string(),
  enterpriseType: z.string().nullable(),
  initiativeCount: z.number(),
  status: z.enum(PLAN_STATUSES).nullable(),
  objective: z.number().nullable(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanComparisonEntry = z.object({
  id: z.string(),
  title: z.string(),
  copiedFrom: z.string().nullable(),
  status: z.enum(PLAN_STATUSES).nullable(),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  stale: z.boolean(),
  selected: z.array(z.string()),
  totalBudget: z.number(),
  budgetUsed: z.number().nullable(),
  /** budgetUsed / totalBudget */
  budgetUse: z.number().nullable(),
  initiativeCount: z.number(),
});
export type PlanComparisonEntry = z.infer<typeof PlanComparisonEntry>;
export const PlanComparison = z.object({ baseId: z.string(), plans: z.array(PlanComparisonEntry) });
export type PlanComparison = z.infer<typeof PlanComparison>;

export const PlanOptions = z.object({
  packs: z.array(z.object({ id: z.string(), title: Text })),
  pack: z.string(),
  categories: z.array(z.object({ id: z.string(), name: Text })),
  painPoints: z.array(z.object({ id: z.string(), name: Text, category: z.string(), scenarios: z.number() })),
  enterpriseTypes: z.array(z.object({ id: z.string(), name: Text })),
  assessments: z.array(
    z.object({ id: z.string(), title: z.string(), submittedAt: z.string().nullable(), gaps: z.number() }),
  ),
});
export type PlanOptions = z.infer<typeof PlanOptions>;
