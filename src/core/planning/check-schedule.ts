/**
 * The one verifier of a schedule against the plan model: horizon, mandatory, requires, excludes, budget and
 * capacity per period. Used by the solver (to trust nothing), by greedy, and by tests.
 */
import type { PlanInstance, ScheduledStart } from './plan-instance.ts';
import { costPerPeriod, initiativesById } from './plan-instance.ts';
import { startValue } from './start-value.ts';

export type ScheduleViolationKind =
  'unknown' | 'duplicate' | 'horizon' | 'mandatory' | 'requires' | 'excludes' | 'budget' | 'capacity';

export interface ScheduleViolation {
  readonly kind: ScheduleViolationKind;
  readonly id?: string;
  readonly period?: number;
  readonly message: string;
}

/** Relative tolerance for resource rows (the MILP solver works to ~1e-6 feasibility). */
export const RESOURCE_TOLERANCE = 1e-6;

export function exceeds(used: number, limit: number): boolean {
  return used > limit + RESOURCE_TOLERANCE * Math.max(1, Math.abs(limit));
}

export interface PeriodUsage {
  readonly budget: number[];
  readonly effort: number[];
}

/** Money and people used in every period by the (known, in-horizon part of the) schedule. */
export function periodUsage(instance: PlanInstance, schedule: readonly ScheduledStart[]): PeriodUsage {
  const byId = initiativesById(instance);
  const budget = Array.from({ length: instance.periods }, () => 0);
  const effort = Array.from({ length: instance.periods }, () => 0);
  for (const { id, start } of schedule) {
    const initiative = byId.get(id);
    if (!initiative) continue;
    for (let t = Math.max(0, start); t < Math.min(instance.periods, start + initiative.duration); t++) {
      budget[t] = (budget[t] ?? 0) + costPerPeriod(initiative);
      effort[t] = (effort[t] ?? 0) + initiative.effort;
    }
  }
  return { budget, effort };
}

/** Objective value of a schedule: Σ v(i, start_i). */
export function scheduleValue(instance: PlanInstance, schedule: readonly ScheduledStart[]): number {
  const byId = initiativesById(instance);
  let total = 0;
  for (const { id, start } of schedule) {
    const initiative = byId.get(id);
    if (initiative) total += startValue(instance, initiative, start);
  }
  return total;
}

/** Every constraint the schedule breaks; empty when it is feasible. */
export function checkSchedule(
  instance: PlanInstance,
  schedule: readonly ScheduledStart[],
): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const byId = initiativesById(instance);
  const startOf = new Map<string, number>();
  for (const { id, start } of schedule) {
    const initiative = byId.get(id);
    if (!initiative) {
      violations.push({ kind: 'unknown', id, message: `${id} is not an initiative of this plan` });
      continue;
    }
    if (startOf.has(id))
      violations.push({ kind: 'duplicate', id, message: `${id} is scheduled more than once` });
    startOf.set(id, start);
    if (!Number.isInteger(start) || start < 0 || start + initiative.duration > instance.periods) {
      violations.push({
        kind: 'horizon',
        id,
        message: `${id} starting at ${start} does not finish inside the ${instance.periods}-period horizon`,
      });
    }
  }
  for (const initiative of instance.initiatives) {
    const start = startOf.get(initiative.id);
    if (initiative.mandatory && start === undefined)
      violations.push({
        kind: 'mandatory',
        id: initiative.id,
        message: `${initiative.id} is mandatory but not scheduled`,
      });
    if (start === undefined) continue;
    for (const prerequisite of initiative.requires) {
      const prerequisiteStart = startOf.get(prerequisite);
      const duration = byId.get(prerequisite)?.duration ?? 0;
      if (prerequisiteStart === undefined) {
        violations.push({
          kind: 'requires',
          id: initiative.id,
          message: `${initiative.id} requires ${prerequisite}, which is not scheduled`,
        });
      } else if (prerequisiteStart + duration > start) {
        violations.push({
          kind: 'requires',
          id: initiative.id,
          message: `${initiative.id} starts at ${start} before its prerequisite ${prerequisite} finishes (period ${prerequisiteStart + duration})`,
        });
      }
    }
    for (const other of initiative.excludes) {
      if (startOf.has(other))
        violations.push({
          kind: 'excludes',
          id: initiative.id,
          message: `${initiative.id} and ${other} exclude each other but both are scheduled`,
        });
    }
  }
  const usage = periodUsage(instance, schedule);
  for (let t = 0; t < instance.periods; t++) {
    const used = usage.budget[t] ?? 0;
    const limit = instance.budget[t] ?? 0;
    if (exceeds(used, limit))
      violations.push({
        kind: 'budget',
        period: t,
        message: `period ${t} spends ${used}, over its budget ${limit}`,
      });
    if (instance.capacity) {
      const people = usage.effort[t] ?? 0;
      const capacity = instance.capacity[t] ?? 0;
      if (exceeds(people, capacity))
        violations.push({
          kind: 'capacity',
          period: t,
          message: `period ${t} needs ${people} people, over its capacity ${capacity}`,
        });
    }
  }
  return violations;
}
