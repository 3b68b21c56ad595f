/**
 * The numbers behind the plan document: the scheduled projects with their appraisal, spend per period against the
 * budget, cost per scenario category, and the chosen scenarios of the atlas.
 */
import type { Atlas } from '../core/atlas/types.ts';
import type { Scenario } from '../core/atlas/pack-schema.ts';
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import { costPerPeriod } from '../core/planning/plan-instance.ts';
import { appraiseInitiative, startValue } from '../core/planning/start-value.ts';
import { periodLabel } from '../core/planning/plan-calendar.ts';
import type {
  PlanBudgetSummary,
  PlanDocumentInitiative,
  PlanDocumentInput,
  PlanLang,
  PlanProjectRow,
} from './plan-document-types.ts';

function perPeriod(value: number | readonly number[] | undefined, periods: number): number[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Array.from({ length: periods }, () => value);
  return Array.from({ length: periods }, (_, t) => value[t] ?? 0);
}

/** The planning instance the solution was computed for. */
export function documentInstance(input: PlanDocumentInput): PlanInstance {
  const {
    budget,
    capacity: capacityGiven,
    moneyUnit: _moneyUnit,
    start: _start,
    ...settings
  } = input.settings;
  const capacity = perPeriod(capacityGiven, settings.periods);
  return {
    ...settings,
    budget: perPeriod(budget, settings.periods) ?? [],
    ...(capacity === undefined ? {} : { capacity }),
    initiatives: input.initiatives,
  };
}

export function initiativeTitle(initiative: PlanDocumentInitiative): string {
  return initiative.title ?? initiative.name ?? initiative.id;
}

export function scenarioIndex(atlas: Atlas): ReadonlyMap<string, Scenario> {
  return new Map(atlas.scenarios.map((scenario) => [scenario.code, scenario]));
}

export function categoryName(atlas: Atlas, categoryId: string, lang: PlanLang): string {
  return atlas.vocabulary.categories.find((c) => c.id === categoryId)?.name[lang] ?? categoryId;
}

/** A scheduled initiative joined with its definition and scenario. */
export interface ScheduledProject {
  readonly initiative: PlanDocumentInitiative;
  readonly start: number;
  readonly scenario?: Scenario;
}

/** The schedule in order, each entry joined with its initiative (entries naming unknown ids are dropped). */
export function scheduledProjects(input: PlanDocumentInput): ScheduledProject[] {
  const byId = new Map(input.initiatives.map((i) => [i.id, i]));
  const scenarios = scenarioIndex(input.atlas);
  const projects: ScheduledProject[] = [];
  for (const { id, start } of input.solution.schedule) {
    const initiative = byId.get(id);
    if (initiative === undefined) continue;
    const scenario = initiative.scenario === undefined ? undefined : scenarios.get(initiative.scenario);
    projects.push({ initiative, start, ...(scenario === undefined ? {} : { scenario }) });
  }
  return projects;
}

/** The distinct scenarios of the scheduled projects, in atlas order. */
export function chosenScenarios(input: PlanDocumentInput, projects: readonly ScheduledProject[]): Scenario[] {
  const codes = new Set(projects.flatMap((p) => (p.scenario === undefined ? [] : [p.scenario.code])));
  return input.atlas.scenarios.filter((scenario) => codes.has(scenario.code));
}

export function projectRows(
  input: PlanDocumentInput,
  instance: PlanInstance,
  projects: readonly ScheduledProject[],
): PlanProjectRow[] {
  return projects.map(({ initiative, start, scenario }) => {
    const appraisal = appraiseInitiative(instance, initiative);
    return {
      id: initiative.id,
      title: initiativeTitle(initiative),
      ...(initiative.scenario === undefined ? {} : { scenarioCode: initiative.scenario }),
      ...(scenario === undefined
        ? {}
        : {
            scenarioName: scenario.name[input.lang],
            category: categoryName(input.atlas, scenario.category, input.lang),
          }),
      start,
      end: start + initiative.duration - 1,
      cost: initiative.cost,
      annualBenefit: initiative.annualBenefit,
      npv: startValue(instance, initiative, start),
      irr: appraisal.irr,
      paybackYears: appraisal.paybackYears,
    };
  });
}

/** Spend per period (each project's cost spread evenly over its duration) against the budget, and cost by category. */
export function budgetSummary(
  input: PlanDocumentInput,
  instance: PlanInstance,
  projects: readonly ScheduledProject[],
  otherCategory: string,
): PlanBudgetSummary {
  const spend = Array.from({ length: instance.periods }, () => 0);
  const byCategory = new Map<string, number>();
  for (const { initiative, start, scenario } of projects) {
    for (let t = start; t < start + initiative.duration && t < instance.periods; t++) {
      spend[t] = (spend[t] ?? 0) + costPerPeriod(initiative);
    }
    const category =
      scenario === undefined ? otherCategory : categoryName(input.atlas, scenario.category, input.lang);
    byCategory.set(category, (byCategory.get(category) ?? 0) + initiative.cost);
  }
  const order = input.atlas.vocabulary.categories.map((c) => c.name[input.lang]);
  const categoryRank = (name: string): number => (name === otherCategory ? -1 : order.indexOf(name));
  const periods = spend.map((value, period) => ({
    period,
    label: periodLabel(input.settings.start, instance.periodsPerYear, period, input.lang),
    budget: instance.budget[period] ?? 0,
    spend: value,
  }));
  return {
    periods,
    byCategory: [...byCategory]
      .map(([category, cost]) => ({ category, cost }))
      .sort((a, b) => categoryRank(a.category) - categoryRank(b.category)),
    totalBudget: periods.reduce((sum, p) => sum + p.budget, 0),
    totalSpend: periods.reduce((sum, p) => sum + p.spend, 0),
  };
}
