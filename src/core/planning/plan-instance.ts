/**
 * A planning instance: the 投入预算 and 实施项目清单 of a transformation plan (guide 二(一)) — candidate initiatives,
 * a horizon of periods and a budget per period — in the shape the `tupu plan` CLI reads.
 */
import { z } from 'zod';
import type { PlanStart } from './plan-calendar.ts';

const perPeriod = z.union([z.number(), z.array(z.number())]);

export const planInitiativeInputSchema = z.object({
  id: z.string().min(1),
  /** Atlas scenario code this initiative digitises (e.g. GEN-OM-01). */
  scenario: z.string().optional(),
  name: z.string().optional(),
  /** Total cost, spread evenly over the duration. */
  cost: z.number(),
  /** Duration in periods (integer ≥ 1). */
  duration: z.number(),
  /** People needed in every active period (default 0). */
  effort: z.number().optional(),
  /** Benefit per year once finished, for `benefitYears`. */
  annualBenefit: z.number(),
  /** Probability the benefits materialise (default 1). */
  successProbability: z.number().optional(),
  /** Ids that must be selected and finished before this one starts. */
  requires: z.array(z.string()).optional(),
  /** Ids that cannot be selected together with this one. */
  excludes: z.array(z.string()).optional(),
  mandatory: z.boolean().optional(),
});

export const planInstanceInputSchema = z.object({
  periods: z.number(),
  periodsPerYear: z.number().optional(),
  discountRate: z.number().optional(),
  benefitYears: z.number().optional(),
  /** One number for every period, or one per period. */
  budget: perPeriod,
  capacity: perPeriod.optional(),
  initiatives: z.array(planInitiativeInputSchema),
});

export type PlanInitiativeInput = z.infer<typeof planInitiativeInputSchema>;
export type PlanInstanceInput = z.infer<typeof planInstanceInputSchema>;

export interface PlanInitiative {
  readonly id: string;
  readonly scenario?: string;
  readonly name?: string;
  readonly cost: number;
  readonly duration: number;
  readonly effort: number;
  readonly annualBenefit: number;
  readonly successProbability: number;
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
  readonly mandatory: boolean;
}

/**
 * A plan's settings: horizon, rates, budget and people per period. The one definition (src/contracts/planning.ts
 * `PlanSettings` is checked equal to it by src/contracts/planning.test.ts); the defaults a new plan starts from are
 * `defaultSettings` (candidates-defaults.ts), built on PLAN_DEFAULTS.
 */
export interface PlanSettings {
  readonly periods: number;
  readonly periodsPerYear: number;
  readonly discountRate: number;
  readonly benefitYears: number;
  /** Budget per period, 万元 (length = periods). */
  readonly budget: readonly number[];
  /** People per period (length = periods); absent = unlimited. */
  readonly capacity?: readonly number[];
  /** The quarter the first period starts in; every period label follows from it (plan-calendar.ts). */
  readonly start: PlanStart;
}

/** Defaults applied, per-period arrays expanded. Validate with `planInstanceProblems` before modelling it. */
export interface PlanInstance extends Omit<PlanSettings, 'start'> {
  readonly initiatives: readonly PlanInitiative[];
}

/** The settings that do not depend on the enterprise: for an instance file and for a new plan alike. */
export const PLAN_DEFAULTS = {
  periodsPerYear: 4,
  discountRate: 0.08,
  benefitYears: 5,
} as const satisfies Pick<PlanSettings, 'periodsPerYear' | 'discountRate' | 'benefitYears'>;

function expand(value: number | readonly number[], periods: number): readonly number[] {
  if (typeof value === 'number') return Array.from({ length: Math.max(0, Math.floor(periods)) }, () => value);
  return value;
}

/** Applies defaults. Arrays of the wrong length are kept as given so that validation can report them. */
export function normalisePlanInstance(input: PlanInstanceInput): PlanInstance {
  return {
    periods: input.periods,
    periodsPerYear: input.periodsPerYear ?? PLAN_DEFAULTS.periodsPerYear,
    discountRate: input.discountRate ?? PLAN_DEFAULTS.discountRate,
    benefitYears: input.benefitYears ?? PLAN_DEFAULTS.benefitYears,
    budget: expand(input.budget, input.periods),
    ...(input.capacity === undefined ? {} : { capacity: expand(input.capacity, input.periods) }),
    initiatives: input.initiatives.map((initiative) => ({
      id: initiative.id,
      ...(initiative.scenario === undefined ? {} : { scenario: initiative.scenario }),
      ...(initiative.name === undefined ? {} : { name: initiative.name }),
      cost: initiative.cost,
      duration: initiative.duration,
      effort: initiative.effort ?? 0,
      annualBenefit: initiative.annualBenefit,
      successProbability: initiative.successProbability ?? 1,
      requires: initiative.requires ?? [],
      excludes: initiative.excludes ?? [],
      mandatory: initiative.mandatory ?? false,
    })),
  };
}

/** One scheduled initiative: starts at period `start` (0-based) and is active in start … start + duration − 1. */
export interface ScheduledStart {
  readonly id: string;
  readonly start: number;
}

export function costPerPeriod(initiative: PlanInitiative): number {
  return initiative.cost / initiative.duration;
}

/** Index of initiatives by id (ids are unique in a valid instance). */
export function initiativesById(instance: PlanInstance): ReadonlyMap<string, PlanInitiative> {
  return new Map(instance.initiatives.map((initiative) => [initiative.id, initiative]));
}

/** Latest start that still finishes inside the horizon. */
export function latestStart(instance: PlanInstance, initiative: PlanInitiative): number {
  return instance.periods - initiative.duration;
}
