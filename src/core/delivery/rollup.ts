/**
 * Roll-ups: milestone → project → plan (→ an authority's portfolio). Per period: the budget planned against the
 * spend booked, and the schedule slip — how many milestones due in the period are late and by how many days at
 * most (done late, or still open past their due date as of today).
 */
import { periodSpan } from '../planning/plan-calendar.ts';
import { periodOfDate, type ProjectCalendar } from './project.ts';
import {
  DEFAULT_THRESHOLDS,
  milestoneSlip,
  statusLight,
  type Light,
  type LightThresholds,
  type MilestoneState,
} from './status-light.ts';

export interface CostBooking {
  /** 0-based plan period */
  readonly period: number;
  readonly amount: number;
}

export interface ProjectFacts {
  readonly id: string;
  readonly calendar: Omit<ProjectCalendar, 'periods'>;
  readonly budget: readonly number[];
  readonly milestones: readonly MilestoneState[];
  readonly costs: readonly CostBooking[];
}

export interface PeriodRollup {
  readonly period: number;
  readonly planned: number;
  readonly actual: number;
  /** milestones due in the period */
  readonly due: number;
  /** of those, how many are late (open past due, or done after it) as of today */
  readonly late: number;
  /** the largest slip, in days, of a milestone due in the period */
  readonly slipDays: number;
}

export interface ProjectRollup {
  readonly id: string;
  readonly periods: readonly PeriodRollup[];
  readonly planned: number;
  readonly actual: number;
  readonly budgetToDate: number;
  readonly actualToDate: number;
  readonly milestones: number;
  readonly milestonesDone: number;
  /** done milestones as a share of all (0 without milestones) */
  readonly progress: number;
  readonly light: Light;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One project's roll-up as of `today` (ISO date). */
export function rollupProject(
  p: ProjectFacts,
  today: string,
  thresholds: LightThresholds = DEFAULT_THRESHOLDS,
): ProjectRollup {
  const actualBy = new Map<number, number>();
  for (const c of p.costs) actualBy.set(c.period, (actualBy.get(c.period) ?? 0) + c.amount);
  const lastCost = Math.max(-1, ...actualBy.keys());
  const count = Math.max(p.budget.length, lastCost + 1);
  const periods: PeriodRollup[] = Array.from({ length: count }, (_, t) => ({
    period: t,
    planned: p.budget[t] ?? 0,
    actual: actualBy.get(t) ?? 0,
    due: 0,
    late: 0,
    slipDays: 0,
  }));
  const rows = periods as { -readonly [K in keyof PeriodRollup]: PeriodRollup[K] }[];
  for (const m of p.milestones) {
    const t = periodOfDate(p.calendar, m.due);
    const row = rows[t];
    if (!row) continue;
    row.due += 1;
    const slip = m.due <= today ? milestoneSlip(m, today) : 0;
    if (slip > 0) row.late += 1;
    row.slipDays = Math.max(row.slipDays, slip);
  }
  // the budget through today's period, or through the latest period a cost is booked in when that is later: spend
  // booked ahead (a first instalment before the project's start) is measured against its own period's budget, not
  // read as an overrun of a budget that has not begun
  const current = periodOfDate(p.calendar, today);
  const booked = Math.max(-1, ...p.costs.map((c) => c.period));
  const budgetToDate = sum(p.budget.slice(0, Math.max(0, current + 1, booked + 1)));
  const actualToDate = sum(p.costs.map((c) => c.amount));
  const done = p.milestones.filter((m) => m.doneOn !== null).length;
  return {
    id: p.id,
    periods,
    planned: sum(p.budget),
    actual: actualToDate,
    budgetToDate,
    actualToDate,
    milestones: p.milestones.length,
    milestonesDone: done,
    progress: p.milestones.length === 0 ? 0 : done / p.milestones.length,
    light: statusLight({ today, milestones: p.milestones, budgetToDate, actualToDate }, thresholds).light,
  };
}

export interface PlanRollup {
  readonly periods: readonly PeriodRollup[];
  readonly planned: number;
  readonly actual: number;
  readonly lights: Readonly<Record<Light, number>>;
  readonly projects: number;
}

/** Projects of one plan summed per plan period (they share its calendar). */
export function rollupPlan(projects: readonly ProjectRollup[]): PlanRollup {
  const count = Math.max(0, ...projects.map((p) => p.periods.length));
  const periods = Array.from({ length: count }, (_, t) => {
    const rows = projects.map((p) => p.periods[t]).filter((r): r is PeriodRollup => r !== undefined);
    return {
      period: t,
      planned: sum(rows.map((r) => r.planned)),
      actual: sum(rows.map((r) => r.actual)),
      due: sum(rows.map((r) => r.due)),
      late: sum(rows.map((r) => r.late)),
      slipDays: Math.max(0, ...rows.map((r) => r.slipDays)),
    };
  });
  return {
    periods,
    planned: sum(projects.map((p) => p.planned)),
    actual: sum(projects.map((p) => p.actual)),
    lights: lightCounts(projects),
    projects: projects.length,
  };
}

export function lightCounts(projects: readonly { light: Light }[]): Record<Light, number> {
  const counts: Record<Light, number> = { 'on-track': 0, 'at-risk': 0, late: 0 };
  for (const p of projects) counts[p.light] += 1;
  return counts;
}

export interface QuarterRollup {
  /** calendar quarter, e.g. 2027 Q1 as { year: 2027, quarter: 1 } */
  readonly year: number;
  readonly quarter: number;
  readonly planned: number;
  readonly actual: number;
  readonly late: number;
}

/**
 * Projects of many plans (an authority's or provider's portfolio) summed per calendar quarter, since their plans
 * start at different times: each plan period's amounts go to the quarter the period starts in.
 */
export function rollupByQuarter(
  projects: readonly { rollup: ProjectRollup; calendar: Omit<ProjectCalendar, 'periods'> }[],
): QuarterRollup[] {
  const byMonth = new Map<number, { planned: number; actual: number; late: number }>();
  for (const { rollup, calendar } of projects) {
    for (const r of rollup.periods) {
      const from = periodSpan(calendar.start, calendar.periodsPerYear, r.period).from;
      const key = from - (from % 3);
      const cell = byMonth.get(key) ?? { planned: 0, actual: 0, late: 0 };
      cell.planned += r.planned;
      cell.actual += r.actual;
      cell.late += r.late;
      byMonth.set(key, cell);
    }
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, cell]) => ({ year: Math.floor(month / 12), quarter: (month % 12) / 3 + 1, ...cell }));
}

export interface TargetRollup {
  readonly kpi: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: string;
  /** the projects promising to move the KPI, with the improvement each promised and its light */
  readonly projects: readonly { readonly id: string; readonly improvement: number; readonly light: Light }[];
  /** the worst light among them: how the target stands */
  readonly light: Light;
}

/** The top of the roll-up: each KPI target of the plan with the projects that serve it and how they stand. */
export function rollupTargets(
  projects: readonly {
    readonly id: string;
    readonly light: Light;
    readonly kpiTargets: readonly {
      kpi: string;
      name: { zh: string; en: string };
      unit: string;
      improvement: number;
    }[];
  }[],
): TargetRollup[] {
  const byKpi = new Map<
    string,
    {
      kpi: string;
      name: { zh: string; en: string };
      unit: string;
      projects: { id: string; improvement: number; light: Light }[];
    }
  >();
  for (const p of projects)
    for (const t of p.kpiTargets) {
      const entry = byKpi.get(t.kpi) ?? { kpi: t.kpi, name: t.name, unit: t.unit, projects: [] };
      entry.projects.push({ id: p.id, improvement: t.improvement, light: p.light });
      byKpi.set(t.kpi, entry);
    }
  const order: readonly Light[] = ['on-track', 'at-risk', 'late'];
  return [...byKpi.values()]
    .sort((a, b) => a.kpi.localeCompare(b.kpi))
    .map((t) => ({
      ...t,
      light: t.projects.reduce<Light>(
        (l, p) => (order.indexOf(p.light) > order.indexOf(l) ? p.light : l),
        'on-track',
      ),
    }));
}
