/**
 * A project's status light (on track / at risk / late), derived from its milestones and its cost, never typed in.
 *
 * Schedule: a milestone not done by its due date is overdue by the days since; one done after its due date slipped
 * by the days it was late.
 *   - late      when a milestone is overdue by more than LATE_AFTER_DAYS (30) days
 *   - at risk   when a milestone is overdue at all (1 … 30 days), or one was done more than LATE_AFTER_DAYS late
 *               (the plan behind it has slipped)
 * Cost: actual spend to date against the budget to date (the budget of every period up to and including the current
 * one).
 *   - late      when actual exceeds the budget to date by more than 20 % (LATE_OVERRUN)
 *   - at risk   when it exceeds it by more than 10 % (AT_RISK_OVERRUN)
 *   - spending with no budget to date at all counts as an unlimited overrun (late)
 * The light is the worse of the schedule's and the cost's. Laws (status-light.test.ts): more slip, more spend or a
 * milestone undone never improves the light; an empty project with no spend is on track.
 */
import { daysBetween } from './project.ts';

export const LIGHTS = ['on-track', 'at-risk', 'late'] as const;
export type Light = (typeof LIGHTS)[number];

export const LATE_AFTER_DAYS = 30;
export const AT_RISK_OVERRUN = 0.1;
export const LATE_OVERRUN = 0.2;

/** The thresholds above, as the delivery pack gives them (`light:` in delivery.yaml); these values by default. */
export interface LightThresholds {
  readonly lateAfterDays: number;
  readonly atRiskOverrun: number;
  readonly lateOverrun: number;
}
export const DEFAULT_THRESHOLDS: LightThresholds = {
  lateAfterDays: LATE_AFTER_DAYS,
  atRiskOverrun: AT_RISK_OVERRUN,
  lateOverrun: LATE_OVERRUN,
};

export interface MilestoneState {
  readonly id: string;
  /** ISO date */
  readonly due: string;
  /** ISO date it was done, null while open */
  readonly doneOn: string | null;
}

export interface LightInput {
  /** ISO date of today */
  readonly today: string;
  readonly milestones: readonly MilestoneState[];
  readonly budgetToDate: number;
  readonly actualToDate: number;
}

export interface LightReason {
  readonly kind: 'overdue' | 'done-late' | 'overrun';
  /** overdue / done-late: the milestone */
  readonly milestoneId?: string;
  /** overdue / done-late: days; overrun: the overrun as a share of the budget to date (Infinity without budget) */
  readonly amount: number;
  readonly light: Light;
}

export interface StatusLight {
  readonly light: Light;
  /** why the light is not green: every overdue milestone and the overrun, each with the light it causes */
  readonly reasons: readonly LightReason[];
}

const worse = (a: Light, b: Light): Light => (LIGHTS.indexOf(a) >= LIGHTS.indexOf(b) ? a : b);

/** Days a milestone is late as of today: overdue (open past due) or done late; 0 when on time or not yet due. */
export function milestoneSlip(m: MilestoneState, today: string): number {
  const end = m.doneOn ?? today;
  return Math.max(0, daysBetween(m.due, end));
}

export function overrun(budgetToDate: number, actualToDate: number): number {
  if (actualToDate <= budgetToDate) return 0;
  if (budgetToDate <= 0) return Number.POSITIVE_INFINITY;
  return actualToDate / budgetToDate - 1;
}

export function statusLight(
  input: LightInput,
  thresholds: LightThresholds = DEFAULT_THRESHOLDS,
): StatusLight {
  const { lateAfterDays, atRiskOverrun, lateOverrun } = thresholds;
  const reasons: LightReason[] = [];
  for (const m of input.milestones) {
    const slip = milestoneSlip(m, input.today);
    if (slip === 0) continue;
    if (m.doneOn === null)
      reasons.push({
        kind: 'overdue',
        milestoneId: m.id,
        amount: slip,
        light: slip > lateAfterDays ? 'late' : 'at-risk',
      });
    else if (slip > lateAfterDays)
      reasons.push({ kind: 'done-late', milestoneId: m.id, amount: slip, light: 'at-risk' });
  }
  const over = overrun(input.budgetToDate, input.actualToDate);
  if (over > atRiskOverrun)
    reasons.push({ kind: 'overrun', amount: over, light: over > lateOverrun ? 'late' : 'at-risk' });
  return { light: reasons.reduce<Light>((l, r) => worse(l, r.light), 'on-track'), reasons };
}

/** Whether light `a` is at least as bad as `b`. */
export const atLeastAsBad = (a: Light, b: Light): boolean => LIGHTS.indexOf(a) >= LIGHTS.indexOf(b);
