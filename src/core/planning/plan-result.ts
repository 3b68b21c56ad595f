/** The answer of the plan solver, and how a raw MILP outcome becomes one. */
import type { ScheduledStart } from './plan-instance.ts';

export type PlanStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export type NotSelectedKind =
  'negative-value' | 'budget-bound' | 'capacity-bound' | 'prerequisite' | 'excluded' | 'horizon' | 'gap';

/** A resource that binds in some periods: what is used there, what is available, and what the initiative needs. */
export interface Binding {
  /** Binding periods, 0-based, ascending. */
  readonly periods: readonly number[];
  /** Already used by the schedule in each binding period (same order as `periods`). */
  readonly used: readonly number[];
  /** Available (budget 万元 or people) in each binding period. */
  readonly available: readonly number[];
  /** What the initiative needs in each of its active periods. */
  readonly needPerPeriod: number;
}

/**
 * Why an initiative is not selected: a kind, the structured facts behind it (periods are 0-based), and `reason`,
 * a compact English sentence built from those facts (explain-text.ts words them in Chinese or English).
 */
export interface NotSelected {
  readonly id: string;
  readonly kind: NotSelectedKind;
  /** One sentence for the planner (English, periods 1-based). */
  readonly reason: string;
  /** Binding periods (budget-bound / capacity-bound), 0-based. */
  readonly periods?: readonly number[];
  /** The initiative responsible (prerequisite / excluded). */
  readonly by?: string;
  /** negative-value: by how much the best start falls short of its cost (present value, 万元). */
  readonly shortfall?: number;
  /** prerequisite (too late): last period of `by`, 0-based. */
  readonly byLastPeriod?: number;
  /** prerequisite (too late): the initiative's own duration, in periods. */
  readonly duration?: number;
  /** horizon: the prerequisite chain ending with this initiative, and how many periods it takes. */
  readonly chain?: readonly string[];
  readonly chainPeriods?: number;
  /** horizon: the number of periods in the plan. */
  readonly horizon?: number;
  /** gap: the first start (0-based) at which it would still fit, and the value it would add there. */
  readonly fitsAt?: number;
  readonly value?: number;
  /** budget-bound / capacity-bound: where each resource binds (both may be present). */
  readonly budget?: Binding;
  readonly capacity?: Binding;
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
  /** The solver whose plan this is (absent in results saved before the portfolio, and without a solve). */
  readonly solver?: SolverName;
  /**
   * What ended the search: `proof` (optimal at gap 0, or infeasible), `tolerance` (stopped within the relative gap
   * it was allowed; `gap` says how far from proven), `time-limit` (the best plan found in time, `gap` from it to the
   * best bound). Absent in results saved before it was recorded.
   */
  readonly stoppedBy?: StoppedBy;
}

export type StoppedBy = 'proof' | 'tolerance' | 'time-limit';

/** Gaps below this are rounding, not a missing proof. */
export const GAP_ZERO = 1e-9;

/** Relative gap of a maximisation: how far the bound lies above the plan's value, as a share of the value. */
export const relativeGap = (objective: number, bound: number): number =>
  Math.max(0, bound - objective) / Math.max(1e-9, Math.abs(objective));

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
  /** Branch-and-bound nodes, when the solver reports them. */
  readonly nodes?: number | null;
  /** Which solver produced this outcome. */
  readonly solver?: SolverName;
}

export type SolverName = 'highs' | 'cbc';

export function sortSchedule(schedule: readonly ScheduledStart[]): ScheduledStart[] {
  return [...schedule].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}
