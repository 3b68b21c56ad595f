/**
 * The optimal portfolio-and-schedule of a plan (see src/core/planning/plan-model.ts for the model), solved by HiGHS
 * in the solver thread so the caller's event loop stays free, raced against CBC when it is installed (portfolio.ts).
 */
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import type { PlanFormulation } from '../core/planning/plan-model.ts';
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
import { findCbc } from './cbc.ts';
import { solvePortfolio } from './portfolio.ts';
import { solveInThread } from './solver-thread.ts';

export interface SolvePlanOptions {
  /** Time limit per solve (default 60 s). */
  readonly timeLimitSeconds?: number;
  /** Relative optimality gap at which the solvers may stop (default 1e-4). */
  readonly mipRelGap?: number;
  /**
   * The CBC executable to race against HiGHS (see portfolio.ts): default `findCbc()` (cbc on the PATH unless
   * TUPU_CBC=off); null runs HiGHS alone.
   */
  readonly cbc?: string | null;
  /** Aborting it stops the solvers; solvePlan then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * The formulation each solver gets (see PlanModelOptions.formulation): the started-by formulation for both, which
 * proves the hard 40×8 bench seed with 20× fewer CBC nodes than start columns alone (figures in plan-model.ts, fifth
 * round; bench/plan.bench.ts measures both in every run).
 */
export const HIGHS_FORMULATION: PlanFormulation = 'started-by';
export const CBC_FORMULATION: PlanFormulation = 'started-by';

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
  const model = buildPlanModel(instance, { formulation: HIGHS_FORMULATION });
  if (model.infeasibleReason !== undefined) return noPlan(model, 'infeasible', model.infeasibleReason, 0);
  if (model.variables.length === 0) return emptyPlan(instance, model);
  const cbc = options.cbc === undefined ? findCbc() : options.cbc;
  const cbcLp =
    cbc === null
      ? model.lp
      : CBC_FORMULATION === HIGHS_FORMULATION
        ? model.lp
        : buildPlanModel(instance, { formulation: CBC_FORMULATION }).lp;
  const outcome = await solvePortfolio(
    {
      highs: { lp: model.lp, timeLimitSeconds, mipRelGap },
      cbc: { lp: cbcLp, timeLimitSeconds, mipRelGap },
    },
    cbc,
    options.signal,
  );
  if (outcome.status === 'infeasible') {
    const elastic = await solveInThread(
      { lp: buildPlanModel(instance, { elastic: true }).lp, timeLimitSeconds, mipRelGap },
      options.signal,
    );
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
