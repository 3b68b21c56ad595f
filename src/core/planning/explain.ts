/**
 * Why an initiative is not in the plan: negative value, a binding budget or capacity (naming the periods, what is
 * used there and what it needs), a prerequisite that is not selected or finishes too late, or an exclusion by a
 * selected initiative. Each explanation carries these facts (periods 0-based) and a compact English `reason`;
 * explain-text.ts words the same facts in Chinese.
 */
import type { PeriodUsage } from './check-schedule.ts';
import { exceeds, periodUsage } from './check-schedule.ts';
import type { PlanInitiative, PlanInstance, ScheduledStart } from './plan-instance.ts';
import { costPerPeriod, initiativesById } from './plan-instance.ts';
import { notSelectedText } from './explain-text.ts';
import type { Binding, NotSelected } from './plan-result.ts';
import { startValue } from './start-value.ts';
import { earliestFinishes } from './validate-instance.ts';

/** The facts with their English sentence (periods 1-based, ranges compressed). */
const explained = (facts: Omit<NotSelected, 'reason'>): NotSelected => ({
  ...facts,
  reason: notSelectedText(facts, 'en'),
});

/** Stored facts keep 6 decimals: enough for any display, without floating-point noise. */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

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
      explanations.push(explained({ id, kind: 'negative-value', shortfall: round(-value) }));
      continue;
    }
    const chain = finishes.get(id);
    if (chain && chain.finish > instance.periods) {
      explanations.push(
        explained({
          id,
          kind: 'horizon',
          chain: [...chain.chain],
          chainPeriods: chain.finish,
          horizon: instance.periods,
        }),
      );
      continue;
    }
    const missing = initiative.requires.find((j) => !startOf.has(j));
    if (missing !== undefined) {
      explanations.push(explained({ id, kind: 'prerequisite', by: missing }));
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
      explanations.push(
        explained({
          id,
          kind: 'prerequisite',
          by: latePrerequisite,
          byLastPeriod: earliest - 1,
          duration: initiative.duration,
        }),
      );
      continue;
    }
    const excluder = instance.initiatives.find(
      (other) =>
        startOf.has(other.id) && (initiative.excludes.includes(other.id) || other.excludes.includes(id)),
    );
    if (excluder) {
      explanations.push(explained({ id, kind: 'excluded', by: excluder.id }));
      continue;
    }
    const blockers = resourceBlockers(instance, initiative, usage, earliest);
    if (blockers.fitsAt !== null) {
      explanations.push(
        explained({
          id,
          kind: 'gap',
          fitsAt: blockers.fitsAt,
          value: round(startValue(instance, initiative, blockers.fitsAt)),
        }),
      );
      continue;
    }
    const budgetPeriods = [...blockers.budget].sort((a, b) => a - b);
    const capacityPeriods = [...blockers.capacity].sort((a, b) => a - b);
    const budget: Binding | undefined =
      budgetPeriods.length === 0
        ? undefined
        : {
            periods: budgetPeriods,
            used: budgetPeriods.map((t) => round(usage.budget[t] ?? 0)),
            available: budgetPeriods.map((t) => instance.budget[t] ?? 0),
            needPerPeriod: round(costPerPeriod(initiative)),
          };
    const capacity: Binding | undefined =
      capacityPeriods.length === 0
        ? undefined
        : {
            periods: capacityPeriods,
            used: capacityPeriods.map((t) => round(usage.effort[t] ?? 0)),
            available: capacityPeriods.map((t) => instance.capacity?.[t] ?? 0),
            needPerPeriod: initiative.effort,
          };
    const resources = { ...(budget ? { budget } : {}), ...(capacity ? { capacity } : {}) };
    if (budget && (!capacity || budgetPeriods.length >= capacityPeriods.length)) {
      explanations.push(explained({ id, kind: 'budget-bound', periods: budgetPeriods, ...resources }));
    } else {
      explanations.push(explained({ id, kind: 'capacity-bound', periods: capacityPeriods, ...resources }));
    }
  }
  return explanations;
}
