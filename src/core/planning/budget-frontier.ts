/**
 * Budget frontier: the optimal value at 50 %, 60 % … 150 % of the budget, and what each extra ¥ buys between
 * neighbouring points — so a CFO sees the marginal return of a bigger (or smaller) transformation budget.
 */
import type { PlanInstance } from './plan-instance.ts';
import type { PlanStatus } from './plan-result.ts';

export const FRONTIER_FACTORS: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5];

/** The instance with every period's budget scaled by `factor`. */
export function withBudgetFactor(instance: PlanInstance, factor: number): PlanInstance {
  return { ...instance, budget: instance.budget.map((b) => b * factor) };
}

export interface FrontierSolve {
  readonly status: PlanStatus;
  readonly objective: number | null;
  readonly gap: number | null;
}

export interface FrontierPoint extends FrontierSolve {
  readonly factor: number;
  /** Budget over the whole horizon at this factor. */
  readonly totalBudget: number;
  /** (objective − previous objective) / (totalBudget − previous totalBudget); null at the first point or without objectives. */
  readonly marginalValuePerUnit: number | null;
}

/** Assembles the frontier from one solve per factor (same order as `factors`). */
export function frontierPoints(
  instance: PlanInstance,
  solves: readonly FrontierSolve[],
  factors: readonly number[] = FRONTIER_FACTORS,
): FrontierPoint[] {
  const baseTotal = instance.budget.reduce((sum, b) => sum + b, 0);
  const points: FrontierPoint[] = [];
  factors.forEach((factor, k) => {
    const solve = solves[k] ?? { status: 'unknown', objective: null, gap: null };
    const totalBudget = baseTotal * factor;
    const previous = points[k - 1];
    const marginalValuePerUnit =
      previous &&
      previous.objective !== null &&
      solve.objective !== null &&
      totalBudget !== previous.totalBudget
        ? (solve.objective - previous.objective) / (totalBudget - previous.totalBudget)
        : null;
    points.push({ factor, totalBudget, ...solve, marginalValuePerUnit });
  });
  return points;
}
