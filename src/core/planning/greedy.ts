/**
 * Greedy plan, the baseline the optimum is compared with: mandatory initiatives (and their prerequisites) first in
 * prerequisite order, then the value-positive ones ranked by value per cost of their best start (v(i,0)/C_i), each
 * at its earliest start that respects budget, capacity, prerequisites (finished) and exclusions. Passes repeat until
 * nothing more fits, so a dependent ranked above its prerequisite still gets its chance. Greedy never picks a
 * value-negative enabler for a dependent's sake — one of the things the MILP does better.
 */
import { checkSchedule, exceeds, periodUsage, scheduleValue } from './check-schedule.ts';
import type { PlanInitiative, PlanInstance, ScheduledStart } from './plan-instance.ts';
import { costPerPeriod, initiativesById } from './plan-instance.ts';
import { sortSchedule } from './plan-result.ts';
import { startValue } from './start-value.ts';
import { forcedInitiatives, prerequisitesFirst } from './validate-instance.ts';

export interface GreedyPlan {
  readonly status: 'feasible' | 'infeasible';
  readonly objective: number | null;
  readonly schedule: readonly ScheduledStart[];
  readonly reason?: string;
}

/** Value per unit of cost of the best start; zero-cost positive initiatives rank first. */
export function valuePerCost(instance: PlanInstance, initiative: PlanInitiative): number {
  const value = startValue(instance, initiative, 0);
  if (initiative.cost === 0) return value > 0 ? Infinity : value === 0 ? 0 : -Infinity;
  return value / initiative.cost;
}

export function greedyPlan(instance: PlanInstance): GreedyPlan {
  const byId = initiativesById(instance);
  const schedule: ScheduledStart[] = [];
  const startOf = new Map<string, number>();
  const usage = periodUsage(instance, []);

  const earliestFeasibleStart = (initiative: PlanInitiative): number | null => {
    if (initiative.requires.some((j) => !startOf.has(j))) return null;
    const excluded =
      initiative.excludes.some((j) => startOf.has(j)) ||
      schedule.some(({ id }) => byId.get(id)?.excludes.includes(initiative.id));
    if (excluded) return null;
    const earliest = Math.max(
      0,
      ...initiative.requires.map((j) => (startOf.get(j) ?? 0) + (byId.get(j)?.duration ?? 0)),
    );
    for (let s = earliest; s + initiative.duration <= instance.periods; s++) {
      let fits = true;
      for (let t = s; t < s + initiative.duration && fits; t++) {
        if (exceeds((usage.budget[t] ?? 0) + costPerPeriod(initiative), instance.budget[t] ?? 0))
          fits = false;
        if (
          instance.capacity &&
          exceeds((usage.effort[t] ?? 0) + initiative.effort, instance.capacity[t] ?? 0)
        )
          fits = false;
      }
      if (fits) return s;
    }
    return null;
  };
  const place = (initiative: PlanInitiative, start: number): void => {
    schedule.push({ id: initiative.id, start });
    startOf.set(initiative.id, start);
    for (let t = start; t < start + initiative.duration; t++) {
      usage.budget[t] = (usage.budget[t] ?? 0) + costPerPeriod(initiative);
      usage.effort[t] = (usage.effort[t] ?? 0) + initiative.effort;
    }
  };

  const forced = forcedInitiatives(instance);
  for (const initiative of prerequisitesFirst(instance)) {
    if (!forced.has(initiative.id)) continue;
    const start = earliestFeasibleStart(initiative);
    if (start === null) {
      return {
        status: 'infeasible',
        objective: null,
        schedule: sortSchedule(schedule),
        reason: `greedy could not fit mandatory ${initiative.id} (or a prerequisite of one)`,
      };
    }
    place(initiative, start);
  }

  const ranked = instance.initiatives
    .filter((initiative) => !forced.has(initiative.id) && startValue(instance, initiative, 0) > 0)
    .sort((a, b) => valuePerCost(instance, b) - valuePerCost(instance, a) || a.id.localeCompare(b.id));
  let placed = true;
  while (placed) {
    placed = false;
    for (const initiative of ranked) {
      if (startOf.has(initiative.id)) continue;
      const start = earliestFeasibleStart(initiative);
      if (start !== null) {
        place(initiative, start);
        placed = true;
      }
    }
  }
  const sorted = sortSchedule(schedule);
  const violations = checkSchedule(instance, sorted);
  if (violations.length > 0)
    throw new Error(`greedy produced an infeasible schedule: ${violations.map((v) => v.message).join('; ')}`);
  return { status: 'feasible', objective: scheduleValue(instance, sorted), schedule: sorted };
}
