/**
 * The optimal portfolio-and-schedule of a plan (see src/core/planning/plan-model.ts for the model), solved by HiGHS
 * in the solver thread so the caller's event loop stays free, raced against CBC when it is installed (portfolio.ts).
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
import { findCbc } from './cbc.ts';
import { solvePortfolio, type Entrant } from './portfolio.ts';
import type { MilpJob } from './run-milp.ts';
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
 * Who races (portfolio.ts) when cbc is installed. Up to this many start columns, CBC on both formulations
 * (PlanModelOptions.formulation): on the 40×8 bench seeds, idle machine, to gap 0, CBC over start columns alone was
 * fastest on 10 of 11 seeds (0.7–2.0 s) and CBC over started-by columns on the hard one (11.3 s against 25.5 s), while
 * HiGHS alone took 1.8–22.2 s and was never the fastest of the three; HiGHS+CBC took 1.4–12.4 s, slower than the
 * better CBC on 10 of 11. Above it (120×12 and up, where no solver proves optimality in a minute) HiGHS and CBC, both
 * over started-by columns: their plans and bounds differ, and the race keeps the best of each.
 */
export const CBC_FORMULATIONS_UP_TO_STARTS = 500;

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
  const cbc = options.cbc === undefined ? findCbc() : options.cbc;
  const job = (lp: string): MilpJob => ({ lp, timeLimitSeconds, mipRelGap });
  const race: Entrant[] =
    cbc === null
      ? []
      : model.variables.length <= CBC_FORMULATIONS_UP_TO_STARTS
        ? [
            { solver: 'cbc', job: job(model.lp) },
            { solver: 'cbc', job: job(buildPlanModel(instance, { formulation: 'starts' }).lp) },
          ]
        : [
            { solver: 'highs', job: job(model.lp) },
            { solver: 'cbc', job: job(model.lp) },
          ];
  const outcome = await solvePortfolio({ fallback: job(model.lp), race }, cbc, options.signal);
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
