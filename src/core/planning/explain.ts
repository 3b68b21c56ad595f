/**
 * Why an initiative is not in the plan: negative value, a binding budget or capacity (naming the periods), a
 * prerequisite that is not selected or finishes too late, or an exclusion by a selected initiative.
 */
import type { PeriodUsage } from './check-schedule.ts';
import { exceeds, periodUsage } from './check-schedule.ts';
import type { PlanInitiative, PlanInstance, ScheduledStart } from './plan-instance.ts';
import { costPerPeriod, initiativesById } from './plan-instance.ts';
import type { NotSelected } from './plan-result.ts';
import { startValue } from './start-value.ts';
import { earliestFinishes } from './validate-instance.ts';

const money = (value: number): string => (Math.round(value * 100) / 100).toLocaleString('en-US');
const list = (periods: readonly number[]): string => periods.join(', ');

interface Blockers {
  readonly budget: Set<number>;
  readonly capacity: Set<number>;
  /** A start at which the initiative would fit, if any. */
  readonly fitsAt: number | null;
}

function resourceBlockers(
  instance: PlanInstance,
  initiative: PlanInitiative,
  usage: PeriodUsage,
  earliest: number,
): Blockers {
  const budget = new Set<number>();
  const capacity = new Set<number>();
  let fitsAt: number | null = null;
  for (let s = earliest; s + initiative.duration <= instance.periods; s++) {
    let fits = true;
    for (let t = s; t < s + initiative.duration; t++) {
      if (exceeds((usage.budget[t] ?? 0) + costPerPeriod(initiative), instance.budget[t] ?? 0)) {
        budget.add(t);
        fits = false;
      }
      if (
        instance.capacity &&
        exceeds((usage.effort[t] ?? 0) + initiative.effort, instance.capacity[t] ?? 0)
      ) {
        capacity.add(t);
        fits = false;
      }
    }
    if (fits && fitsAt === null) fitsAt = s;
  }
  return { budget, capacity, fitsAt };
}

/** Explanations for every initiative missing from `schedule` (a feasible schedule of a valid instance). */
export function explainNotSelected(
  instance: PlanInstance,
  schedule: readonly ScheduledStart[],
): NotSelected[] {
  const byId = initiativesById(instance);
  const startOf = new Map(schedule.map(({ id, start }) => [id, start]));
  const usage = periodUsage(instance, schedule);
  const finishes = earliestFinishes(instance);
  const explanations: NotSelected[] = [];
  for (const initiative of instance.initiatives) {
    if (startOf.has(initiative.id)) continue;
    const id = initiative.id;
    const value = startValue(instance, initiative, 0);
    if (value <= 0) {
      explanations.push({
        id,
        kind: 'negative-value',
        reason: `no start has a positive value: even started at once its risk-adjusted benefits fall short of its cost by ${money(-value)} (present value)`,
      });
      continue;
    }
    const chain = finishes.get(id);
    if (chain && chain.finish > instance.periods) {
      explanations.push({
        id,
        kind: 'horizon',
        reason: `its prerequisite chain ${chain.chain.join(' → ')} takes ${chain.finish} periods, longer than the ${instance.periods}-period horizon`,
      });
      continue;
    }
    const missing = initiative.requires.find((j) => !startOf.has(j));
    if (missing !== undefined) {
      explanations.push({
        id,
        kind: 'prerequisite',
        by: missing,
        reason: `blocked by prerequisite ${missing}, which is not selected`,
      });
      continue;
    }
    let earliest = 0;
    let latePrerequisite: string | undefined;
    for (const j of initiative.requires) {
      const finish = (startOf.get(j) ?? 0) + (byId.get(j)?.duration ?? 0);
      if (finish > earliest) {
        earliest = finish;
        latePrerequisite = j;
      }
    }
    if (latePrerequisite !== undefined && earliest + initiative.duration > instance.periods) {
      explanations.push({
        id,
        kind: 'prerequisite',
        by: latePrerequisite,
        reason: `blocked by prerequisite ${latePrerequisite}, which finishes in period ${earliest}: too late to finish ${id} (${initiative.duration} periods) within the horizon`,
      });
      continue;
    }
    const excluder = instance.initiatives.find(
      (other) =>
        startOf.has(other.id) && (initiative.excludes.includes(other.id) || other.excludes.includes(id)),
    );
    if (excluder) {
      explanations.push({
        id,
        kind: 'excluded',
        by: excluder.id,
        reason: `excluded by selected initiative ${excluder.id}`,
      });
      continue;
    }
    const blockers = resourceBlockers(instance, initiative, usage, earliest);
    if (blockers.fitsAt !== null) {
      explanations.push({
        id,
        kind: 'gap',
        reason: `it would still fit starting in period ${blockers.fitsAt} (adding ${money(startValue(instance, initiative, blockers.fitsAt))}); the solver stopped within its optimality gap`,
      });
      continue;
    }
    const budgetPeriods = [...blockers.budget].sort((a, b) => a - b);
    const capacityPeriods = [...blockers.capacity].sort((a, b) => a - b);
    const budgetText = `the budget is binding in periods ${list(budgetPeriods)} (${budgetPeriods
      .map((t) => `${money(usage.budget[t] ?? 0)} of ${money(instance.budget[t] ?? 0)} used`)
      .join('; ')}) and it needs ${money(costPerPeriod(initiative))} per period`;
    const capacityText = `capacity is binding in periods ${list(capacityPeriods)} and it needs ${initiative.effort} people per period`;
    if (
      budgetPeriods.length > 0 &&
      (capacityPeriods.length === 0 || budgetPeriods.length >= capacityPeriods.length)
    ) {
      explanations.push({
        id,
        kind: 'budget-bound',
        periods: budgetPeriods,
        reason: `budget-bound: at every start it would overspend; ${budgetText}${capacityPeriods.length > 0 ? `; also ${capacityText}` : ''}`,
      });
    } else {
      explanations.push({
        id,
        kind: 'capacity-bound',
        periods: capacityPeriods,
        reason: `capacity-bound: at every start it would need more people than available; ${capacityText}${budgetPeriods.length > 0 ? `; also ${budgetText}` : ''}`,
      });
    }
  }
  return explanations;
}
