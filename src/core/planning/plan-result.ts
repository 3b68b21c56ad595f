/** The answer of the plan solver, and how a raw MILP outcome becomes one. */
import type { ScheduledStart } from './plan-instance.ts';

export type PlanStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export type NotSelectedKind =
  'negative-value' | 'budget-bound' | 'capacity-bound' | 'prerequisite' | 'excluded' | 'horizon' | 'gap';

export interface NotSelected {
  readonly id: string;
  readonly kind: NotSelectedKind;
  /** One sentence for the planner. */
  readonly reason: string;
  /** Binding periods (budget-bound / capacity-bound). */
  readonly periods?: readonly number[];
  /** The initiative responsible (prerequisite / excluded). */
  readonly by?: string;
}

export interface PlanResult {
  readonly status: PlanStatus;
  /** Σ v(i, start) of the schedule; null without a schedule. */
  readonly objective: number | null;
  /** Proven relative gap (0 when optimal); null without a schedule. */
  readonly gap: number | null;
  /** Best proven upper bound on the objective, when the solver reports one. */
  readonly bound: number | null;
  /** Sorted by start, then id. */
  readonly schedule: readonly ScheduledStart[];
  readonly notSelected: readonly NotSelected[];
  /** Why there is no schedule (infeasible / unknown). */
  readonly reason?: string;
  readonly stats: { readonly variables: number; readonly rows: number; readonly seconds: number };
}

/** What a MILP solve returns (produced by src/solver, read here). */
export interface MilpOutcome {
  readonly status: PlanStatus;
  /** Objective of the best solution found; null without one. */
  readonly objective: number | null;
  /** Best proven bound on the objective; null when unknown. */
  readonly bound: number | null;
  /** Relative gap as the solver reports it; null without a solution. */
  readonly gap: number | null;
  /** Column values by name (only with a solution). */
  readonly columns: Readonly<Record<string, number>>;
  /** The solver's own status name, for logs and `unknown` outcomes. */
  readonly solverStatus: string;
  readonly seconds: number;
}

export function sortSchedule(schedule: readonly ScheduledStart[]): ScheduledStart[] {
  return [...schedule].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}
