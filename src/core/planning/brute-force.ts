/**
 * Exhaustive search over every schedule (each initiative: not selected, or one start in the horizon). Exponential:
 * only for tiny instances — it is the independent reference the MILP is tested against.
 */
import { checkSchedule, scheduleValue } from './check-schedule.ts';
import type { PlanInstance, ScheduledStart } from './plan-instance.ts';

export interface BruteForceResult {
  /** null when no schedule satisfies every constraint. */
  readonly best: { readonly objective: number; readonly schedule: readonly ScheduledStart[] } | null;
  readonly schedulesTried: number;
}

/** `allowedStarts` restricts the starts tried per initiative id (all in-horizon starts when absent). */
export function bruteForcePlan(
  instance: PlanInstance,
  allowedStarts?: ReadonlyMap<string, readonly number[]>,
  maxSchedules = 2_000_000,
): BruteForceResult {
  const options = instance.initiatives.map((initiative) => {
    const starts: (number | null)[] = initiative.mandatory ? [] : [null];
    for (let s = 0; s + initiative.duration <= instance.periods; s++)
      if (allowedStarts?.get(initiative.id)?.includes(s) ?? true) starts.push(s);
    return starts;
  });
  const total = options.reduce((product, list) => product * list.length, 1);
  if (total > maxSchedules) throw new RangeError(`${total} schedules is too many for brute force`);
  let best: BruteForceResult['best'] = null;
  let tried = 0;
  const current: ScheduledStart[] = [];
  const walk = (k: number): void => {
    const initiative = instance.initiatives[k];
    if (!initiative) {
      tried++;
      if (checkSchedule(instance, current).length === 0) {
        const objective = scheduleValue(instance, current);
        if (best === null || objective > best.objective) best = { objective, schedule: [...current] };
      }
      return;
    }
    for (const start of options[k] ?? []) {
      if (start === null) walk(k + 1);
      else {
        current.push({ id: initiative.id, start });
        walk(k + 1);
        current.pop();
      }
    }
  };
  walk(0);
  return { best, schedulesTried: tried };
}
