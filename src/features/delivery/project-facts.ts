/** Stored project rows read as the delivery domain's plain data, and the one refusal every write answers with. */
import type { DeliveryProblem } from '../../core/delivery/gates.ts';
import type { ProjectCalendar } from '../../core/delivery/project.ts';
import type { ProjectFacts } from '../../core/delivery/rollup.ts';
import type { ProjectWindow } from '../../core/delivery/validate.ts';
import { AppError } from '../../server/app-error.ts';
import type { CostRow, MilestoneRow, ProjectRow } from './repository.ts';

export const calendarOf = (row: ProjectRow) => row.calendar as Omit<ProjectCalendar, 'periods'>;
export const budgetOf = (row: ProjectRow) => row.budget as number[];

export function factsOf(
  row: ProjectRow,
  milestones: readonly Pick<MilestoneRow, 'id' | 'due' | 'doneOn'>[],
  costs: readonly Pick<CostRow, 'period' | 'amount'>[],
): ProjectFacts {
  return {
    id: row.id,
    calendar: calendarOf(row),
    budget: budgetOf(row),
    milestones: milestones.map((m) => ({ id: m.id, due: m.due, doneOn: m.doneOn })),
    costs: costs.map((c) => ({ period: c.period, amount: c.amount })),
  };
}

export function windowOf(row: ProjectRow): ProjectWindow {
  return {
    calendar: calendarOf(row),
    periods: budgetOf(row).length,
    finishPeriod: row.finishPeriod,
    closedThrough: row.closedThrough,
  };
}

/** 400 with every problem, the first one's message leading; nothing was written (the transaction rolls back). */
export function refused(code: string, problems: readonly DeliveryProblem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(400, code, `${first?.message ?? 'Refused'}${more}`, { problems });
}

/** ISO date of a moment, UTC. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
