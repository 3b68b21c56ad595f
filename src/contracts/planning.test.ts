/**
 * One shape per concept: each planning shape the domain has is defined in src/core, and its contract here must be
 * the very same shape (readonly aside — contracts are parsed JSON). These are compile-time checks: a field added,
 * removed, renamed or retyped on one side only makes `tsc` (which checks test files too) fail.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { FrontierPoint as CoreFrontierPoint } from '../core/planning/budget-frontier.ts';
import type {
  EnterpriseProfile as CoreEnterpriseProfile,
  EnterpriseType,
  ProcessType,
} from '../core/planning/candidates-defaults.ts';
import type {
  CandidateBenefit,
  GapInput,
  KpiDelta as CoreKpiDelta,
  Origin as CoreOrigin,
  OriginKind,
  PlanCandidate as CorePlanCandidate,
} from '../core/planning/candidates.ts';
import type { StrategyAdvice as CoreStrategyAdvice } from '../core/planning/candidates-defaults.ts';
import type { GreedyPlan as CoreGreedyPlan } from '../core/planning/greedy.ts';
import type { InitiativeAppraisal } from '../core/planning/start-value.ts';
import type { PlanProblem as CorePlanProblem } from '../core/planning/validate-instance.ts';
import type { PlanSettings as CorePlanSettings } from '../core/planning/plan-instance.ts';
import type {
  Binding as CoreBinding,
  NotSelected as CoreNotSelected,
  PlanResult as CorePlanResult,
  PlanStatus,
} from '../core/planning/plan-result.ts';
import type {
  AssessedRisk as CoreAssessedRisk,
  RiskBand,
  RiskEntry,
  RiskSummary as CoreRiskSummary,
} from '../core/planning/risk.ts';
import type { z } from 'zod';
import type {
  Appraisal,
  AssessedRisk,
  BANDS,
  GapRef,
  InitiativeView,
  KpiDelta,
  Origin,
  ORIGIN_KINDS,
  PlanCandidate,
  PlanProblem,
  RiskSummary,
  StrategyAdvice,
  Binding,
  ENTERPRISE_TYPES,
  EnterpriseProfile,
  FrontierPoint,
  GreedyPlan,
  NotSelected,
  PlanResult,
  PlanSettings,
  PlanSolution,
  PlanSummary,
  PROCESS_TYPES,
  RiskInput,
} from './planning.ts';
import type { Writable } from './test-writable.ts';

describe('planning contracts are the domain shapes', () => {
  it('enterprise types and process types', () => {
    expectTypeOf<(typeof ENTERPRISE_TYPES)[number]>().toEqualTypeOf<EnterpriseType>();
    expectTypeOf<(typeof PROCESS_TYPES)[number]>().toEqualTypeOf<ProcessType>();
  });

  it('the enterprise profile', () => {
    expectTypeOf<EnterpriseProfile>().toEqualTypeOf<Writable<CoreEnterpriseProfile>>();
  });

  it('plan settings', () => {
    expectTypeOf<PlanSettings>().toEqualTypeOf<Writable<CorePlanSettings>>();
  });

  it('risks: as entered, and assessed', () => {
    expectTypeOf<RiskInput>().toEqualTypeOf<Writable<Omit<RiskEntry, 'id'>>>();
    expectTypeOf<(typeof BANDS)[number]>().toEqualTypeOf<RiskBand>();
    expectTypeOf<AssessedRisk>().toEqualTypeOf<Writable<CoreAssessedRisk>>();
  });

  it("the solver's answers: result, reasons, greedy baseline, frontier", () => {
    expectTypeOf<z.infer<typeof Binding>>().toEqualTypeOf<Writable<CoreBinding>>();
    expectTypeOf<z.infer<typeof NotSelected>>().toEqualTypeOf<Writable<CoreNotSelected>>();
    expectTypeOf<z.infer<typeof PlanResult>>().toEqualTypeOf<Writable<CorePlanResult>>();
    expectTypeOf<z.infer<typeof GreedyPlan>>().toEqualTypeOf<Writable<CoreGreedyPlan>>();
    expectTypeOf<z.infer<typeof FrontierPoint>>().toEqualTypeOf<Writable<CoreFrontierPoint>>();
    expectTypeOf<PlanSolution['result']>().toEqualTypeOf<z.infer<typeof PlanResult>>();
    expectTypeOf<NonNullable<PlanSummary['status']>>().toEqualTypeOf<PlanStatus>();
  });

  it('initiatives: candidates with their origins and KPI deltas, benefit and appraisal', () => {
    expectTypeOf<(typeof ORIGIN_KINDS)[number]>().toEqualTypeOf<OriginKind>();
    expectTypeOf<Origin>().toEqualTypeOf<Writable<CoreOrigin>>();
    expectTypeOf<KpiDelta>().toEqualTypeOf<Writable<CoreKpiDelta>>();
    expectTypeOf<PlanCandidate>().toEqualTypeOf<Writable<CorePlanCandidate>>();
    expectTypeOf<InitiativeView['benefit']>().toEqualTypeOf<Writable<CandidateBenefit>>();
    // an initiative's appraisal, sent inside the initiative (so without its id)
    expectTypeOf<Appraisal>().toEqualTypeOf<Writable<Omit<InitiativeAppraisal, 'id'>>>();
  });

  it('the strategy advice, diagnosis gaps, risk summary and plan problems', () => {
    expectTypeOf<z.infer<typeof StrategyAdvice>>().toEqualTypeOf<Writable<CoreStrategyAdvice>>();
    expectTypeOf<z.infer<typeof GapRef>>().toEqualTypeOf<Writable<GapInput>>();
    expectTypeOf<z.infer<typeof RiskSummary>>().toEqualTypeOf<Writable<CoreRiskSummary>>();
    expectTypeOf<PlanProblem>().toEqualTypeOf<Writable<CorePlanProblem>>();
  });
});
