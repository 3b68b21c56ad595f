/** Turns MILP outcomes into a PlanResult: schedule, verification, explanations, and infeasibility reasons. */
import { checkSchedule, scheduleValue } from './check-schedule.ts';
import { explainNotSelected } from './explain.ts';
import type { PlanInstance } from './plan-instance.ts';
import type { PlanModel } from './plan-model.ts';
import { interpretColumns, overrunColumn } from './plan-model.ts';
import type { MilpOutcome, PlanResult } from './plan-result.ts';
import { GAP_ZERO, relativeGap, sortSchedule } from './plan-result.ts';
import { forcedInitiatives } from './validate-instance.ts';

const OVERRUN_EPSILON = 1e-6;

/** A result without a schedule. */
export function noPlan(
  model: PlanModel,
  status: 'infeasible' | 'unknown',
  reason: string,
  seconds: number,
): PlanResult {
  return {
    status,
    objective: null,
    gap: null,
    bound: null,
    schedule: [],
    notSelected: [],
    reason,
    stats: { variables: model.variables.length, rows: model.rows.length, seconds },
    stoppedBy: status === 'infeasible' ? 'proof' : 'time-limit',
  };
}

/** The plan when the model has no variable at all (nothing is worth doing and nothing is mandatory). */
export function emptyPlan(instance: PlanInstance, model: PlanModel): PlanResult {
  return {
    status: 'optimal',
    objective: 0,
    gap: 0,
    bound: 0,
    schedule: [],
    notSelected: explainNotSelected(instance, []),
    stats: { variables: 0, rows: model.rows.length, seconds: 0 },
    stoppedBy: 'proof',
  };
}

/**
 * Reads a value-model outcome that has a solution. The schedule is re-verified with checkSchedule (a violation means
 * a modelling bug and throws) and its objective recomputed exactly from the start values.
 */
export function planResultFromOutcome(
  instance: PlanInstance,
  model: PlanModel,
  outcome: MilpOutcome,
): PlanResult {
  const schedule = sortSchedule(interpretColumns(model, (name) => outcome.columns[name]));
  const violations = checkSchedule(instance, schedule);
  if (violations.length > 0)
    throw new Error(
      `plan solver returned an infeasible schedule: ${violations.map((v) => v.message).join('; ')}`,
    );
  const objective = scheduleValue(instance, schedule);
  // The true relative gap, from the exact value of the schedule to the solver's bound.
  const measured = outcome.bound === null ? outcome.gap : relativeGap(objective, outcome.bound);
  const gap = measured !== null && measured < GAP_ZERO ? 0 : measured;
  return {
    status: outcome.status,
    objective,
    gap,
    bound: outcome.bound,
    schedule,
    notSelected: explainNotSelected(instance, schedule),
    stats: { variables: model.variables.length, rows: model.rows.length, seconds: outcome.seconds },
    ...(outcome.solver === undefined ? {} : { solver: outcome.solver }),
    stoppedBy: outcome.status !== 'optimal' ? 'time-limit' : gap === 0 ? 'proof' : 'tolerance',
  };
}

/**
 * Why a valid instance has no feasible plan, from the elastic model's outcome (see PlanModelOptions.elastic): the
 * smallest total overrun of budget/capacity that would admit the mandatory initiatives, period by period; or, when
 * even unlimited money and people do not help, the requires/excludes/horizon conflict among them.
 */
export function infeasibilityReason(instance: PlanInstance, elastic: MilpOutcome | null): string {
  const forced = [...forcedInitiatives(instance)];
  const who = `the mandatory initiatives and their prerequisites (${forced.join(', ')})`;
  if (elastic === null || elastic.objective === null) {
    return `no plan satisfies every constraint: ${who} cannot be scheduled together within the horizon given their prerequisites and exclusions`;
  }
  const parts: string[] = [];
  for (const kind of ['budget', 'capacity'] as const) {
    const overruns: string[] = [];
    for (let t = 0; t < instance.periods; t++) {
      const over = elastic.columns[overrunColumn(kind, t)] ?? 0;
      if (over > OVERRUN_EPSILON) overruns.push(`period ${t} +${Math.round(over * 100) / 100}`);
    }
    if (overruns.length > 0)
      parts.push(`${kind === 'budget' ? 'budget' : 'capacity'} short by at least ${overruns.join(', ')}`);
  }
  if (parts.length === 0)
    return `no plan satisfies every constraint (the solver proved infeasibility, but relaxing budget and capacity finds no shortfall): check ${who}`;
  return `no plan satisfies every constraint: ${who} do not fit — ${parts.join('; ')}`;
}
