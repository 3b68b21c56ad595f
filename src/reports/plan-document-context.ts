/** What every section builder of the plan document reads: the input and the figures derived from it, once. */
import type { Scenario } from '../core/atlas/pack-schema.ts';
import { periodLabel, periodRangeLabel } from '../core/planning/plan-calendar.ts';
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import { categoryColours } from './plan-document-charts.ts';
import { sayIn, type Say } from './plan-document-format.ts';
import {
  budgetSummary,
  chosenScenarios,
  documentInstance,
  projectRows,
  scheduledProjects,
  type ScheduledProject,
} from './plan-document-figures.ts';
import type {
  PlanBudgetSummary,
  PlanChart,
  PlanDocumentInput,
  PlanLang,
  PlanProjectRow,
  PlanTable,
} from './plan-document-types.ts';

export interface PlanContext {
  readonly input: PlanDocumentInput;
  readonly lang: PlanLang;
  readonly say: Say;
  readonly instance: PlanInstance;
  /** The label of a 0-based period in calendar time (2027年Q1 / 2027 Q1), from the plan's start. */
  readonly period: (period: number) => string;
  /** Periods first … last as one range (2027年Q1—Q3 / 2027 Q1–Q3). */
  readonly periods: (first: number, last: number) => string;
  readonly projects: readonly ScheduledProject[];
  readonly rows: readonly PlanProjectRow[];
  readonly scenarios: readonly Scenario[];
  readonly budget: PlanBudgetSummary;
  readonly unit: string;
  /** Category name for projects without an atlas scenario (platform, data foundation …). */
  readonly otherCategory: string;
  /** Chart colour of each category name (foundations first, then the atlas's category order). */
  readonly colours: ReadonlyMap<string, string>;
  /** True when the solution has a schedule. */
  readonly solved: boolean;
}

/** A section before numbering and edits. */
export interface SectionDraft {
  readonly title: string;
  readonly text: string;
  readonly tables?: readonly PlanTable[];
  readonly charts?: readonly PlanChart[];
}

export function planContext(input: PlanDocumentInput): PlanContext {
  const say = sayIn(input.lang);
  const instance = documentInstance(input);
  const projects = scheduledProjects(input);
  const otherCategory = say('基础支撑（未关联场景）', 'Foundations (no scenario)');
  return {
    input,
    lang: input.lang,
    say,
    instance,
    period: (period) => periodLabel(input.settings.start, instance.periodsPerYear, period, input.lang),
    periods: (first, last) =>
      periodRangeLabel(input.settings.start, instance.periodsPerYear, first, last, input.lang),
    projects,
    rows: projectRows(input, instance, projects),
    scenarios: chosenScenarios(input, projects),
    budget: budgetSummary(input, instance, projects, otherCategory),
    unit: input.settings.moneyUnit ?? say('万元', 'CNY 10k'),
    otherCategory,
    colours: categoryColours([
      otherCategory,
      ...input.atlas.vocabulary.categories.map((c) => c.name[input.lang]),
    ]),
    solved: input.solution.status === 'optimal' || input.solution.status === 'feasible',
  };
}

/** The scheduled projects that digitise a scenario. */
export function projectsOf(context: PlanContext, code: string): ScheduledProject[] {
  return context.projects.filter((p) => p.initiative.scenario === code);
}
