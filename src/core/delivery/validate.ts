/**
 * What a cost entry, a milestone or a project edit must satisfy, with a message naming what and where.
 */
import type { DeliveryProblem } from './gates.ts';
import { periodLastDay, periodText, type ProjectCalendar } from './project.ts';

export interface ProjectWindow {
  readonly calendar: Omit<ProjectCalendar, 'periods'>;
  /** periods a cost can be booked in: 0 … budget length − 1 */
  readonly periods: number;
  readonly finishPeriod: number;
  /** periods 0 … closedThrough are closed for booking; null while none is */
  readonly closedThrough: number | null;
}

const label = (w: ProjectWindow, t: number) => {
  const l = periodText(w.calendar, t);
  return `${l.en} (${l.zh})`;
};

export function costEntryProblems(
  w: ProjectWindow,
  entry: { period: number; amount: number },
): DeliveryProblem[] {
  const problems: DeliveryProblem[] = [];
  if (!Number.isInteger(entry.period) || entry.period < 0 || entry.period >= w.periods)
    problems.push({
      field: 'period',
      message: `Period ${entry.period + 1} is outside the project's plan (periods 1–${w.periods}); nothing was saved`,
    });
  else if (w.closedThrough !== null && entry.period <= w.closedThrough)
    problems.push({
      field: 'period',
      message:
        `A cost entry in ${label(w, entry.period)} cannot be booked: that period is closed ` +
        `(closed through ${label(w, w.closedThrough)}); book it in an open period; nothing was saved`,
    });
  if (!Number.isFinite(entry.amount) || entry.amount === 0)
    problems.push({
      field: 'amount',
      message: 'A cost entry needs an amount other than 0 (万元); nothing was saved',
    });
  return problems;
}

export function milestoneProblems(w: ProjectWindow, m: { title: string; due: string }): DeliveryProblem[] {
  const end = periodLastDay(w.calendar, w.finishPeriod);
  if (m.due > end)
    return [
      {
        field: 'due',
        message:
          `Milestone “${m.title}” is due ${m.due}, after the project's end ${end} (${label(w, w.finishPeriod)}); ` +
          'move the milestone or the project’s finish first; nothing was saved',
      },
    ];
  return [];
}

/** Problems of a project's dates and budget as edited. */
export function projectProblems(p: {
  startPeriod: number;
  finishPeriod: number;
  budget: readonly number[];
  closedThrough: number | null;
}): DeliveryProblem[] {
  const problems: DeliveryProblem[] = [];
  if (p.finishPeriod < p.startPeriod)
    problems.push({
      field: 'finishPeriod',
      message: `The project finishes (period ${p.finishPeriod + 1}) before it starts (period ${p.startPeriod + 1})`,
    });
  if (p.finishPeriod >= p.budget.length)
    problems.push({
      field: 'finishPeriod',
      message: `The project finishes in period ${p.finishPeriod + 1}, beyond its ${p.budget.length} budget periods`,
    });
  p.budget.forEach((b, t) => {
    if (!Number.isFinite(b) || b < 0)
      problems.push({ field: `budget.${t}`, message: `The budget of period ${t + 1} must be 0 or more` });
  });
  if (p.closedThrough !== null && (p.closedThrough < -1 || p.closedThrough >= p.budget.length))
    problems.push({
      field: 'closedThrough',
      message: `Periods can be closed through 1–${p.budget.length} only`,
    });
  return problems;
}
