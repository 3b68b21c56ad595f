/**
 * What the planning API answers: a plan with its appraisal, risk summary and last solution; the plan list; a what-if
 * comparison entry; what a new plan can start from.
 */
import type { Atlas } from '../../core/atlas/types.ts';
import { adviseStrategy } from '../../core/planning/candidates-defaults.ts';
import { candidateBenefit } from '../../core/planning/candidates.ts';
import { assessRisk, summariseRisks, type RiskEntry } from '../../core/planning/risk.ts';
import { appraiseInitiative } from '../../core/planning/start-value.ts';
import { parsePlanInstance } from '../../core/planning/validate-instance.ts';
import type {
  PlanComparison,
  PlanComparisonEntry,
  PlanOptions,
  PlanSummary,
  PlanView,
} from '../../contracts/planning.ts';
import { gapsFromDiagnosis } from './planning-domain.ts';
import type { SubmittedAssessment } from './repository.ts';
import { inputKey, instanceInput, type StoredPlan } from './stored-plan.ts';

function riskSummaryView(risks: readonly RiskEntry[]): PlanView['riskSummary'] {
  const summary = summariseRisks(risks);
  return {
    ...summary,
    byBand: { ...summary.byBand },
    top: [...summary.top],
    expectedLossByInitiative: { ...summary.expectedLossByInitiative },
  };
}

export function presentPlan(plan: StoredPlan): PlanView {
  const input = instanceInput(plan);
  const parsed = parsePlanInstance(input);
  const instance = parsed.ok ? parsed.instance : null;
  const byId = new Map(instance?.initiatives.map((i) => [i.id, i]));
  return {
    id: plan.record.id,
    title: plan.record.title,
    copiedFrom: plan.record.copiedFrom,
    assessmentId: plan.record.assessmentId,
    atlasPackId: plan.record.atlasPackId,
    profile: plan.profile,
    painPoints: plan.painPoints,
    gaps: plan.gaps,
    strategy: adviseStrategy(plan.profile.enterpriseType),
    settings: plan.settings,
    initiatives: plan.initiatives.map((candidate) => {
      const initiative = byId.get(candidate.id);
      const appraisal = instance && initiative ? appraiseInitiative(instance, initiative) : null;
      return {
        ...candidate,
        kpiDeltas: [...candidate.kpiDeltas],
        requires: [...candidate.requires],
        excludes: [...candidate.excludes],
        reasons: [...candidate.reasons],
        benefit: candidateBenefit(plan.profile, candidate),
        appraisal: appraisal && {
          npv: appraisal.npv,
          riskAdjustedNpv: appraisal.riskAdjustedNpv,
          irr: appraisal.irr,
          paybackYears: appraisal.paybackYears,
          discountedPaybackYears: appraisal.discountedPaybackYears,
          benefitCostRatio: appraisal.benefitCostRatio,
        },
      };
    }),
    risks: plan.risks.map(assessRisk),
    riskSummary: riskSummaryView(plan.risks),
    solution: plan.solution && { ...plan.solution, stale: plan.solution.inputKey !== inputKey(input) },
    problems: parsed.ok ? [] : [...parsed.problems],
    createdAt: plan.record.createdAt.toISOString(),
    updatedAt: plan.record.updatedAt.toISOString(),
    version: plan.record.version,
  };
}

export function presentPlanSummary(plan: StoredPlan): PlanSummary {
  const { record } = plan;
  return {
    id: record.id,
    title: record.title,
    copiedFrom: record.copiedFrom,
    atlasPackId: record.atlasPackId,
    enterpriseType: plan.profile.enterpriseType,
    initiativeCount: plan.initiatives.length,
    status: plan.solution?.result.status ?? null,
    objective: plan.solution?.result.objective ?? null,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function comparisonEntry(plan: StoredPlan): PlanComparisonEntry {
  const totalBudget = plan.settings.budget.reduce((s, b) => s + b, 0);
  const solution = plan.solution;
  const budgetUsed = solution ? solution.usage.budget.reduce((s, b) => s + b, 0) : null;
  return {
    id: plan.record.id,
    title: plan.record.title,
    copiedFrom: plan.record.copiedFrom,
    status: solution?.result.status ?? null,
    objective: solution?.result.objective ?? null,
    gap: solution?.result.gap ?? null,
    stale: solution ? solution.inputKey !== inputKey(instanceInput(plan)) : false,
    selected: solution ? solution.result.schedule.map((s) => s.id).sort() : [],
    totalBudget,
    budgetUsed,
    budgetUse: budgetUsed === null || totalBudget === 0 ? null : budgetUsed / totalBudget,
    initiativeCount: plan.initiatives.length,
  };
}

export function presentComparison(comparison: { base: StoredPlan; family: StoredPlan[] }): PlanComparison {
  return { baseId: comparison.base.record.id, plans: comparison.family.map(comparisonEntry) };
}

export function presentPlanOptions(options: {
  packs: readonly Atlas[];
  pack: string;
  atlas: Atlas;
  assessments: readonly SubmittedAssessment[];
}): PlanOptions {
  const { atlas } = options;
  return {
    packs: options.packs.map((a) => ({ id: a.meta.id, title: a.meta.title })),
    pack: options.pack,
    categories: atlas.vocabulary.categories.map((c) => ({ id: c.id, name: c.name })),
    painPoints: atlas.painPoints.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      scenarios: atlas.scenarios.filter((s) => s.painPoints.includes(p.id)).length,
    })),
    enterpriseTypes: atlas.vocabulary.enterpriseTypes.map((t) => ({ id: t.id, name: t.name })),
    assessments: options.assessments.map((a) => ({
      id: a.id,
      title: a.title,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      gaps: gapsFromDiagnosis(a.result).length,
    })),
  };
}
