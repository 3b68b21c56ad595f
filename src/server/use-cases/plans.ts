/**
 * Planning use cases: read a stored plan, turn it into the optimiser's instance, present it with appraisal and risk
 * summary, solve it (optimal, greedy, budget frontier) and compare what-if copies.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FrontierPoint } from '../../core/planning/budget-frontier.ts';
import { adviseStrategy } from '../../core/planning/candidates-defaults.ts';
import {
  candidateBenefit,
  toPlanInstanceInput,
  type PlanCandidate as Candidate,
} from '../../core/planning/candidates.ts';
import { periodUsage } from '../../core/planning/check-schedule.ts';
import { DEFAULT_RISKS } from '../../core/planning/default-risks.ts';
import { greedyPlan } from '../../core/planning/greedy.ts';
import type { PlanInstance, PlanInstanceInput } from '../../core/planning/plan-instance.ts';
import { assessRisk, summariseRisks, type RiskEntry } from '../../core/planning/risk.ts';
import { appraiseInitiative } from '../../core/planning/start-value.ts';
import { parsePlanInstance, type PlanProblem } from '../../core/planning/validate-instance.ts';
import {
  EnterpriseProfile,
  GapRef,
  NotSelected,
  PlanCandidate,
  PlanSettings,
  PlanSolution,
  RiskInput,
  type PlanComparisonEntry,
  type PlanView,
} from '../../contracts/planning.ts';
import type { PlanRow } from '../../db/repositories/plans.ts';
import { solveBudgetFrontier } from '../../solver/solve-frontier.ts';
import { solvePlan } from '../../solver/solve-plan.ts';
import { AppError } from '../app-error.ts';

/** The profile column: the enterprise profile with the chosen pain points and the diagnosis gaps used. */
const StoredProfile = EnterpriseProfile.extend({
  painPoints: z.array(z.string()).default([]),
  gaps: GapRef.array().default([]),
});
const StoredRisk = RiskInput.extend({ id: z.string() });

export interface StoredPlan {
  row: PlanRow;
  profile: z.infer<typeof EnterpriseProfile>;
  painPoints: string[];
  gaps: z.infer<typeof GapRef>[];
  settings: PlanSettings;
  initiatives: readonly Candidate[];
  risks: RiskEntry[];
  solution: PlanSolution | null;
}

/** The typed content of a plan row (the API writes only valid content; anything else is a server fault). */
export function readPlan(row: PlanRow): StoredPlan {
  const { painPoints, gaps, ...profile } = StoredProfile.parse(row.profile);
  const solution = row.solution === null ? null : PlanSolution.safeParse(row.solution);
  return {
    row,
    profile,
    painPoints,
    gaps,
    settings: PlanSettings.parse(row.settings),
    initiatives: PlanCandidate.array().parse(row.initiatives),
    risks: StoredRisk.array()
      .parse(row.risks)
      .map((r) => ({
        id: r.id,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        mitigation: r.mitigation,
        ...(r.initiativeId === undefined ? {} : { initiativeId: r.initiativeId }),
        ...(r.exposure === undefined ? {} : { exposure: r.exposure }),
      })),
    solution: solution?.success ? solution.data : null,
  };
}

export function instanceInput(
  plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>,
): PlanInstanceInput {
  return toPlanInstanceInput(plan.profile, plan.initiatives, plan.settings);
}

export function inputKey(input: PlanInstanceInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 24);
}

/** The plan's instance, or 400 invalid_plan with every problem. */
export function validInstance(plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>): PlanInstance {
  const parsed = parsePlanInstance(instanceInput(plan));
  if (!parsed.ok) throw invalidPlan(parsed.problems);
  return parsed.instance;
}

export function invalidPlan(problems: readonly PlanProblem[]): AppError {
  return new AppError(
    400,
    'invalid_plan',
    `The plan has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved`,
    { problems },
  );
}

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
    id: plan.row.id,
    title: plan.row.title,
    copiedFrom: plan.row.copiedFrom,
    assessmentId: plan.row.assessmentId,
    atlasPackId: plan.row.atlasPackId,
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
    createdAt: plan.row.createdAt.toISOString(),
    updatedAt: plan.row.updatedAt.toISOString(),
  };
}

export const DEFAULT_SOLVE_SECONDS = 10;
/** Each budget-frontier point gets at most this long. */
const FRONTIER_POINT_SECONDS = 5;

export async function solveStoredPlan(
  plan: StoredPlan,
  options: { timeLimitSeconds?: number | undefined; frontier?: boolean | undefined },
): Promise<PlanSolution> {
  const instance = validInstance(plan);
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_SOLVE_SECONDS;
  const result = await solvePlan(instance, { timeLimitSeconds });
  const greedy = greedyPlan(instance);
  const frontier: FrontierPoint[] =
    options.frontier === false
      ? []
      : await solveBudgetFrontier(instance, {
          timeLimitSeconds: Math.min(timeLimitSeconds, FRONTIER_POINT_SECONDS),
        });
  const usage = periodUsage(instance, result.schedule);
  return {
    result: {
      ...result,
      schedule: [...result.schedule],
      // the facts behind each reason, copied as the API sends them
      notSelected: result.notSelected.map((n) => NotSelected.parse(n)),
    },
    greedy: { ...greedy, schedule: [...greedy.schedule] },
    frontier,
    usage: { budget: [...usage.budget], effort: [...usage.effort] },
    solvedAt: new Date().toISOString(),
    timeLimitSeconds,
    inputKey: inputKey(instanceInput(plan)),
  };
}

/** Gaps of a frozen diagnosis result that name atlas scenarios (`gaps[]` and `nextLevel.changes[]`). */
export function gapsFromDiagnosis(result: unknown): z.infer<typeof GapRef>[] {
  const gaps: z.infer<typeof GapRef>[] = [];
  const take = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const entry of list as unknown[]) {
      const parsed = GapRef.safeParse(entry);
      if (parsed.success && parsed.data.scenarios.length > 0)
        gaps.push({ name: parsed.data.name, scenarios: parsed.data.scenarios });
    }
  };
  if (result && typeof result === 'object') {
    take((result as { gaps?: unknown }).gaps);
    const next = (result as { nextLevel?: unknown }).nextLevel;
    if (next && typeof next === 'object') take((next as { changes?: unknown }).changes);
  }
  return gaps;
}

/**
 * The starting risk register of every plan (风险评估, guide 二(一)): three common transformation risks to edit, stored
 * in Chinese; the plan page and the plan document show them in the reader's language (see localizeRisk).
 */
export function defaultRisks(): RiskEntry[] {
  return DEFAULT_RISKS.map((r) => ({
    id: r.id,
    title: r.title.zh,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigation: r.mitigation.zh,
  }));
}

export function comparisonEntry(plan: StoredPlan): PlanComparisonEntry {
  const totalBudget = plan.settings.budget.reduce((s, b) => s + b, 0);
  const solution = plan.solution;
  const budgetUsed = solution ? solution.usage.budget.reduce((s, b) => s + b, 0) : null;
  return {
    id: plan.row.id,
    title: plan.row.title,
    copiedFrom: plan.row.copiedFrom,
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

/** The plan, its original and every copy of either, descendants included (what-if family). */
export function planFamily(rows: readonly PlanRow[], id: string): PlanRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let root = byId.get(id);
  const seen = new Set<string>();
  while (root?.copiedFrom && byId.has(root.copiedFrom) && !seen.has(root.id)) {
    seen.add(root.id);
    root = byId.get(root.copiedFrom);
  }
  if (!root) return [];
  const family = [root];
  for (let k = 0; k < family.length; k++) {
    const parent = family[k]?.id;
    for (const r of rows) if (r.copiedFrom === parent && !family.includes(r)) family.push(r);
  }
  return family;
}
