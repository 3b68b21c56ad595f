/**
 * Projects of a plan (组织落地实施, guide 二（二）): each scheduled initiative of a solved plan becomes a project with
 * its scenario, scope, budget per period, planned start and finish in calendar time, the KPI targets it promised and
 * the risks the plan's register links to it. Plain data in, plain data out.
 */
import type { PlanCandidate } from '../planning/candidates.ts';
import { periodLabel, periodSpan, type PlanStart } from '../planning/plan-calendar.ts';
import type { ScheduledStart } from '../planning/plan-instance.ts';
import type { RiskEntry } from '../planning/risk.ts';
import type { LocalizedText } from '../shared/text.ts';

/** The plan's calendar: where its periods lie in time. */
export interface ProjectCalendar {
  readonly start: PlanStart;
  readonly periodsPerYear: number;
  /** periods in the plan's horizon */
  readonly periods: number;
}

/** A KPI the initiative promised to move, from the plan's benefit assumptions. */
export interface KpiTarget {
  readonly kpi: string;
  readonly name: LocalizedText;
  readonly unit: string;
  /** relative improvement promised, 0.05 = 5 % */
  readonly improvement: number;
  readonly valueTag: string;
}

export interface ProjectDraft {
  readonly initiativeId: string;
  readonly scenario: string;
  readonly name: LocalizedText;
  readonly scope: LocalizedText;
  /** budget per plan period, 万元 (length = the plan's periods; 0 outside the active periods) */
  readonly budget: readonly number[];
  /** first and last active period, 0-based, inclusive */
  readonly startPeriod: number;
  readonly finishPeriod: number;
  readonly kpiTargets: readonly KpiTarget[];
  readonly risks: readonly RiskEntry[];
}

export interface PlanForProjects {
  readonly calendar: ProjectCalendar;
  readonly initiatives: readonly PlanCandidate[];
  readonly schedule: readonly ScheduledStart[];
  readonly risks: readonly RiskEntry[];
}

/** The project draft of one scheduled initiative: its build cost spread evenly over its active periods. */
export function projectDraft(plan: PlanForProjects, scheduled: ScheduledStart): ProjectDraft {
  const initiative = plan.initiatives.find((i) => i.id === scheduled.id);
  if (!initiative)
    throw new Error(`the schedule names ${scheduled.id}, which is not an initiative of the plan`);
  const finishPeriod = scheduled.start + initiative.duration - 1;
  const perPeriod = initiative.capex / initiative.duration;
  const budget = Array.from({ length: Math.max(plan.calendar.periods, finishPeriod + 1) }, (_, t) =>
    t >= scheduled.start && t <= finishPeriod ? perPeriod : 0,
  );
  return {
    initiativeId: initiative.id,
    scenario: initiative.scenario,
    name: initiative.name,
    scope: initiative.scope,
    budget,
    startPeriod: scheduled.start,
    finishPeriod,
    kpiTargets: initiative.kpiDeltas.map((d) => ({
      kpi: d.kpi,
      name: d.name,
      unit: d.unit,
      improvement: d.improvement,
      valueTag: d.valueTag,
    })),
    risks: plan.risks.filter((r) => r.initiativeId === initiative.id),
  };
}

/** Drafts for every scheduled initiative, or the one asked for (undefined when it is not scheduled). */
export function projectDrafts(plan: PlanForProjects, initiativeId?: string): ProjectDraft[] | undefined {
  const scheduled = plan.schedule.filter((s) => initiativeId === undefined || s.id === initiativeId);
  if (initiativeId !== undefined && scheduled.length === 0) return undefined;
  return scheduled.map((s) => projectDraft(plan, s));
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthDate = (month: number, day: number) =>
  `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)}`;

/** The first day of a period, ISO (2027-01-01). */
export function periodFirstDay(calendar: Omit<ProjectCalendar, 'periods'>, period: number): string {
  return monthDate(periodSpan(calendar.start, calendar.periodsPerYear, period).from, 1);
}

/** The last day of a period, ISO (2027-03-31). */
export function periodLastDay(calendar: Omit<ProjectCalendar, 'periods'>, period: number): string {
  const { to } = periodSpan(calendar.start, calendar.periodsPerYear, period);
  const last = new Date(Date.UTC(Math.floor(to / 12), to % 12, 0));
  return last.toISOString().slice(0, 10);
}

/** The 0-based plan period an ISO date falls in (negative before the plan, ≥ periods after it). */
export function periodOfDate(calendar: Omit<ProjectCalendar, 'periods'>, date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const month = y * 12 + (m - 1);
  const first = periodSpan(calendar.start, calendar.periodsPerYear, 0).from;
  return Math.floor(((month - first) * calendar.periodsPerYear) / 12);
}

/** A period in both languages, as the plan names it (2027年Q1 / 2027 Q1). */
export function periodText(calendar: Omit<ProjectCalendar, 'periods'>, period: number): LocalizedText {
  return {
    zh: periodLabel(calendar.start, calendar.periodsPerYear, period, 'zh'),
    en: periodLabel(calendar.start, calendar.periodsPerYear, period, 'en'),
  };
}

/** Whole days from ISO date `a` to ISO date `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
