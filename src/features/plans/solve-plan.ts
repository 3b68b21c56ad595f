/**
 * Solves a plan: the optimal roadmap (HiGHS in the solver thread), the greedy baseline and the budget frontier, stored
 * as the plan's solution (without moving updated_at: the plan's inputs did not change).
 */
import type { FrontierPoint } from '../../core/planning/budget-frontier.ts';
import { periodUsage } from '../../core/planning/check-schedule.ts';
import { greedyPlan } from '../../core/planning/greedy.ts';
import { NotSelected, type PlanSolution } from '../../contracts/planning.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { solveBudgetFrontier } from '../../solver/solve-frontier.ts';
import type { solvePlan as solveOptimal } from '../../solver/solve-plan.ts';
import { loadPlan } from './load-plan.ts';
import type { PlanRepository } from './repository.ts';
import { inputKey, instanceInput, validInstance, type StoredPlan } from './stored-plan.ts';

export const DEFAULT_SOLVE_SECONDS = 10;
/** Each budget-frontier point gets at most this long. */
const FRONTIER_POINT_SECONDS = 5;

export interface Solver {
  optimal: typeof solveOptimal;
  frontier: typeof solveBudgetFrontier;
}

export interface SolveOptions {
  timeLimitSeconds?: number | undefined;
  frontier?: boolean | undefined;
  /** Aborts the solve (the request went away): nothing is saved. */
  signal?: AbortSignal | undefined;
}

export interface SolvePlanDeps {
  repo: Pick<PlanRepository, 'findPlan' | 'saveSolution'>;
  solver: Solver;
  now: () => Date;
}

export async function solvePlan(
  { repo, solver, now }: SolvePlanDeps,
  tenant: TenantId,
  planId: string,
  options: SolveOptions,
): Promise<StoredPlan> {
  const plan = await loadPlan(repo, tenant, planId);
  const solution = await solveStoredPlan(solver, now, plan, options);
  await repo.saveSolution(tenant, plan.record.id, solution);
  return { ...plan, solution };
}

export async function solveStoredPlan(
  solver: Solver,
  now: () => Date,
  plan: StoredPlan,
  options: SolveOptions,
): Promise<PlanSolution> {
  const instance = validInstance(plan);
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_SOLVE_SECONDS;
  const signal = options.signal;
  const result = await solver.optimal(instance, { timeLimitSeconds, ...(signal ? { signal } : {}) });
  const greedy = greedyPlan(instance);
  const frontier: FrontierPoint[] =
    options.frontier === false
      ? []
      : await solver.frontier(instance, {
          timeLimitSeconds: Math.min(timeLimitSeconds, FRONTIER_POINT_SECONDS),
          ...(signal ? { signal } : {}),
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
    solvedAt: now().toISOString(),
    timeLimitSeconds,
    inputKey: inputKey(instanceInput(plan)),
  };
}
