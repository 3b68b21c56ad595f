/**
 * The optimal portfolio-and-schedule of a plan (see src/core/planning/plan-model.ts for the model), solved by HiGHS
 * in the solver thread so the caller's event loop stays free.
 */
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import { buildPlanModel } from '../core/planning/plan-model.ts';
import type { PlanResult } from '../core/planning/plan-result.ts';
import {
  emptyPlan,
  infeasibilityReason,
  noPlan,
  planResultFromOutcome,
} from '../core/planning/plan-solution.ts';
import type { PlanProblem } from '../core/planning/validate-instance.ts';
import { formatPlanProblem, planInstanceProblems } from '../core/planning/validate-instance.ts';
import { solveInThread } from './solver-thread.ts';

export interface SolvePlanOptions {
  /** HiGHS time limit per solve (default 60 s). */
  readonly timeLimitSeconds?: number;
  /** Relative optimality gap at which HiGHS may stop (default 1e-4). */
  readonly mipRelGap?: number;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 60;
export const DEFAULT_MIP_REL_GAP = 1e-4;

/** Thrown for an instance that fails validation; carries every problem. */
export class PlanInputError extends Error {
  constructor(readonly problems: readonly PlanProblem[]) {
    super(`invalid plan instance:\n${problems.map(formatPlanProblem).join('\n')}`);
    this.name = 'PlanInputError';
  }
}

export async function solvePlan(instance: PlanInstance, options: SolvePlanOptions = {}): Promise<PlanResult> {
  const problems = planInstanceProblems(instance);
  if (problems.length > 0) throw new PlanInputError(problems);
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const mipRelGap = options.mipRelGap ?? DEFAULT_MIP_REL_GAP;
  const model = buildPlanModel(instance);
  if (model.infeasibleReason !== undefined) return noPlan(model, 'infeasible', model.infeasibleReason, 0);
  if (model.variables.length === 0) return emptyPlan(instance, model);
  const outcome = await solveInThread({ lp: model.lp, timeLimitSeconds, mipRelGap });
  if (outcome.status === 'infeasible') {
    const elastic = await solveInThread({
      lp: buildPlanModel(instance, { elastic: true }).lp,
      timeLimitSeconds,
      mipRelGap,
    });
    return noPlan(
      model,
      'infeasible',
      infeasibilityReason(instance, elastic.objective === null ? null : elastic),
      outcome.seconds + elastic.seconds,
    );
  }
  if (outcome.status === 'unknown') {
    return noPlan(
      model,
      'unknown',
      `no feasible plan found within ${timeLimitSeconds} s (solver status: ${outcome.solverStatus})`,
      outcome.seconds,
    );
  }
  return planResultFromOutcome(instance, model, outcome);
}
