/** Budget frontier (see core/planning/budget-frontier.ts): one optimal solve per budget factor, in the solver thread. */
import type { FrontierPoint } from '../core/planning/budget-frontier.ts';
import { FRONTIER_FACTORS, frontierPoints, withBudgetFactor } from '../core/planning/budget-frontier.ts';
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import type { SolvePlanOptions } from './solve-plan.ts';
import { solvePlan } from './solve-plan.ts';

/**
 * Solves the plan at every factor of the budget. Scaling the budget can make a valid instance's mandatory
 * initiatives unaffordable; such points come back `infeasible` with a null objective instead of failing the run.
 */
export async function solveBudgetFrontier(
  instance: PlanInstance,
  options: SolvePlanOptions = {},
  factors: readonly number[] = FRONTIER_FACTORS,
): Promise<FrontierPoint[]> {
  // All points are queued at once: the solver threads (two on a 2-core machine) take them side by side.
  const solves = await Promise.all(
    factors.map(async (factor) => {
      try {
        // HiGHS alone: the frontier's points already fill the solver threads side by side.
        const result = await solvePlan(withBudgetFactor(instance, factor), { ...options, cbc: null });
        return { status: result.status, objective: result.objective, gap: result.gap };
      } catch (err) {
        if (err instanceof Error && err.name === 'PlanInputError')
          return { status: 'infeasible' as const, objective: null, gap: null };
        throw err;
      }
    }),
  );
  return frontierPoints(instance, solves, factors);
}
