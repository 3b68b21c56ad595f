/**
 * Input validation for a planning instance: every problem at once, each naming the initiative and the field, so a
 * planner can fix the whole file in one pass.
 */
import type { z } from 'zod';
import type { PlanInitiative, PlanInstance } from './plan-instance.ts';
import { costPerPeriod, normalisePlanInstance, planInstanceInputSchema } from './plan-instance.ts';

export interface PlanProblem {
  /** The initiative concerned, when the problem is about one. */
  readonly initiative?: string;
  /** Dotted path of the field, e.g. `initiatives[3].duration` or `budget`. */
  readonly field: string;
  readonly message: string;
}

export function formatPlanProblem(problem: PlanProblem): string {
  return problem.initiative === undefined
    ? `${problem.field}: ${problem.message}`
    : `${problem.initiative} (${problem.field}): ${problem.message}`;
}

const isPositiveInteger = (value: number): boolean => Number.isInteger(value) && value >= 1;
const TOLERANCE = 1e-9;

function perPeriodProblems(
  name: 'budget' | 'capacity',
  values: readonly number[],
  periods: number,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (isPositiveInteger(periods) && values.length !== periods) {
    problems.push({
      field: name,
      message: `has ${values.length} entries but the horizon has ${periods} periods`,
    });
  }
  values.forEach((value, t) => {
    if (!(Number.isFinite(value) && value >= 0))
      problems.push({ field: `${name}[${t}]`, message: `must be a finite number ≥ 0 (got ${value})` });
  });
  return problems;
}

function initiativeProblems(
  instance: PlanInstance,
  initiative: PlanInitiative,
  index: number,
  ids: ReadonlySet<string>,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const at = (field: string, message: string): void => {
    problems.push({ initiative: initiative.id, field: `initiatives[${index}].${field}`, message });
  };
  if (!(initiative.cost >= 0) || !Number.isFinite(initiative.cost))
    at('cost', `must be ≥ 0 (got ${initiative.cost})`);
  if (!(initiative.annualBenefit >= 0) || !Number.isFinite(initiative.annualBenefit))
    at('annualBenefit', `must be ≥ 0 (got ${initiative.annualBenefit})`);
  if (!(initiative.effort >= 0) || !Number.isFinite(initiative.effort))
    at('effort', `must be ≥ 0 (got ${initiative.effort})`);
  if (initiative.duration < 0) at('duration', `must not be negative (got ${initiative.duration})`);
  else if (!isPositiveInteger(initiative.duration))
    at('duration', `must be a whole number of periods ≥ 1 (got ${initiative.duration})`);
  else if (isPositiveInteger(instance.periods) && initiative.duration > instance.periods) {
    at('duration', `${initiative.duration} periods is longer than the ${instance.periods}-period horizon`);
  }
  if (!(initiative.successProbability >= 0 && initiative.successProbability <= 1)) {
    at('successProbability', `must be within [0, 1] (got ${initiative.successProbability})`);
  }
  for (const [field, list] of [
    ['requires', initiative.requires],
    ['excludes', initiative.excludes],
  ] as const) {
    list.forEach((other, k) => {
      if (!ids.has(other)) at(`${field}[${k}]`, `unknown initiative "${other}"`);
      else if (other === initiative.id) at(`${field}[${k}]`, `refers to itself`);
    });
  }
  return problems;
}

/** A prerequisite cycle, named as `A → B → C → A` (A requires B requires C requires A), or null. */
export function findPrerequisiteCycle(instance: PlanInstance): string[] | null {
  const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of byId.get(id)?.requires ?? []) {
      if (!byId.has(next) || next === id) continue;
      if (state.get(next) === 'visiting') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const initiative of instance.initiatives) {
    if (state.get(initiative.id) === undefined) {
      const cycle = visit(initiative.id);
      if (cycle) return cycle;
    }
  }
  return null;
}

/**
 * Earliest finish of every initiative if it and its whole prerequisite chain start as early as possible, with the
 * longest chain behind it. Requires an acyclic instance.
 */
export function earliestFinishes(
  instance: PlanInstance,
): ReadonlyMap<string, { finish: number; chain: readonly string[] }> {
  const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
  const memo = new Map<string, { finish: number; chain: readonly string[] }>();
  const compute = (id: string): { finish: number; chain: readonly string[] } => {
    const known = memo.get(id);
    if (known) return known;
    const initiative = byId.get(id);
    let best: { finish: number; chain: readonly string[] } = { finish: 0, chain: [] };
    for (const prerequisite of initiative?.requires ?? []) {
      if (!byId.has(prerequisite) || prerequisite === id) continue;
      const candidate = compute(prerequisite);
      if (candidate.finish > best.finish) best = candidate;
    }
    const result = { finish: best.finish + (initiative?.duration ?? 0), chain: [...best.chain, id] };
    memo.set(id, result);
    return result;
  };
  for (const initiative of instance.initiatives) compute(initiative.id);
  return memo;
}

/** Initiatives with every prerequisite before its dependents (requires an acyclic instance). */
export function prerequisitesFirst(instance: PlanInstance): PlanInitiative[] {
  const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const order: PlanInitiative[] = [];
  const visit = (initiative: PlanInitiative): void => {
    if (seen.has(initiative.id)) return;
    seen.add(initiative.id);
    for (const prerequisite of initiative.requires) {
      const other = byId.get(prerequisite);
      if (other) visit(other);
    }
    order.push(initiative);
  };
  instance.initiatives.forEach(visit);
  return order;
}

/** Whether the initiative alone fits the per-period limit in at least one start (cost/effort spread evenly). */
function fitsAlone(perPeriod: number, limits: readonly number[], duration: number, periods: number): boolean {
  for (let s = 0; s + duration <= periods; s++) {
    let fits = true;
    for (let t = s; t < s + duration; t++)
      if (perPeriod > (limits[t] ?? 0) * (1 + TOLERANCE) + TOLERANCE) fits = false;
    if (fits) return true;
  }
  return false;
}

/** Mandatory initiatives and everything they transitively require: the set that must be in every plan. */
export function forcedInitiatives(instance: PlanInstance): ReadonlySet<string> {
  const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
  const forced = new Set<string>();
  const add = (id: string): void => {
    if (forced.has(id) || !byId.has(id)) return;
    forced.add(id);
    for (const prerequisite of byId.get(id)?.requires ?? []) add(prerequisite);
  };
  for (const initiative of instance.initiatives) if (initiative.mandatory) add(initiative.id);
  return forced;
}

function mandatoryProblems(instance: PlanInstance, acyclic: boolean): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const index = new Map(instance.initiatives.map((initiative, k) => [initiative.id, k]));
  const field = (id: string, name: string): string => `initiatives[${index.get(id) ?? -1}].${name}`;
  const periodsOk = isPositiveInteger(instance.periods);
  const finishes = acyclic
    ? earliestFinishes(instance)
    : new Map<string, { finish: number; chain: readonly string[] }>();
  const forced = acyclic ? forcedInitiatives(instance) : new Set<string>();
  for (const initiative of instance.initiatives) {
    if (
      !initiative.mandatory ||
      !isPositiveInteger(initiative.duration) ||
      !periodsOk ||
      initiative.duration > instance.periods
    )
      continue;
    if (
      initiative.cost >= 0 &&
      !fitsAlone(costPerPeriod(initiative), instance.budget, initiative.duration, instance.periods)
    ) {
      problems.push({
        initiative: initiative.id,
        field: field(initiative.id, 'mandatory'),
        message: `mandatory but cannot fit the budget in any schedule: it needs ${costPerPeriod(initiative)} per period for ${initiative.duration} periods, more than the budget allows even alone`,
      });
    }
    if (
      instance.capacity &&
      initiative.effort > 0 &&
      !fitsAlone(initiative.effort, instance.capacity, initiative.duration, instance.periods)
    ) {
      problems.push({
        initiative: initiative.id,
        field: field(initiative.id, 'mandatory'),
        message: `mandatory but cannot fit the capacity in any schedule: it needs ${initiative.effort} people per period for ${initiative.duration} periods`,
      });
    }
    const finish = finishes.get(initiative.id);
    if (finish && finish.chain.length > 1 && finish.finish > instance.periods) {
      problems.push({
        initiative: initiative.id,
        field: field(initiative.id, 'requires'),
        message: `mandatory but its prerequisite chain ${finish.chain.join(' → ')} takes ${finish.finish} periods, longer than the ${instance.periods}-period horizon`,
      });
    }
  }
  // Exclusions inside the forced set (mandatory initiatives and their prerequisites), reported once per pair.
  const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
  const reported = new Set<string>();
  for (const initiative of instance.initiatives) {
    for (const other of initiative.excludes) {
      const key = [initiative.id, other].sort().join('\u0000');
      if (reported.has(key) || !byId.has(other) || other === initiative.id) continue;
      const otherInitiative = byId.get(other);
      if (initiative.mandatory && otherInitiative?.mandatory) {
        reported.add(key);
        problems.push({
          initiative: initiative.id,
          field: field(initiative.id, 'excludes'),
          message: `mandatory but excludes mandatory initiative "${other}"`,
        });
      } else if (forced.has(initiative.id) && forced.has(other)) {
        reported.add(key);
        problems.push({
          initiative: initiative.id,
          field: field(initiative.id, 'excludes'),
          message: `excludes "${other}", but mandatory initiatives need both (directly or as prerequisites)`,
        });
      }
    }
  }
  return problems;
}

/** Every semantic problem of a normalised instance; empty when it can be modelled. */
export function planInstanceProblems(instance: PlanInstance): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!isPositiveInteger(instance.periods))
    problems.push({ field: 'periods', message: `must be a whole number ≥ 1 (got ${instance.periods})` });
  if (!isPositiveInteger(instance.periodsPerYear))
    problems.push({
      field: 'periodsPerYear',
      message: `must be a whole number ≥ 1 (got ${instance.periodsPerYear})`,
    });
  if (!(instance.discountRate > -1) || !Number.isFinite(instance.discountRate))
    problems.push({ field: 'discountRate', message: `must be > −1 (got ${instance.discountRate})` });
  if (!(instance.benefitYears >= 0) || !Number.isFinite(instance.benefitYears)) {
    problems.push({ field: 'benefitYears', message: `must be ≥ 0 (got ${instance.benefitYears})` });
  } else if (
    isPositiveInteger(instance.periodsPerYear) &&
    Math.abs(
      instance.benefitYears * instance.periodsPerYear -
        Math.round(instance.benefitYears * instance.periodsPerYear),
    ) > 1e-9
  ) {
    problems.push({
      field: 'benefitYears',
      message: `× periodsPerYear must be a whole number of periods (got ${instance.benefitYears} × ${instance.periodsPerYear})`,
    });
  }
  problems.push(...perPeriodProblems('budget', instance.budget, instance.periods));
  if (instance.capacity) problems.push(...perPeriodProblems('capacity', instance.capacity, instance.periods));

  const ids = new Set<string>();
  instance.initiatives.forEach((initiative, k) => {
    if (ids.has(initiative.id))
      problems.push({
        initiative: initiative.id,
        field: `initiatives[${k}].id`,
        message: `duplicate id "${initiative.id}"`,
      });
    ids.add(initiative.id);
  });
  instance.initiatives.forEach((initiative, k) =>
    problems.push(...initiativeProblems(instance, initiative, k, ids)),
  );

  const cycle = findPrerequisiteCycle(instance);
  if (cycle) {
    const first = cycle[0] ?? '';
    const index = instance.initiatives.findIndex((i) => i.id === first);
    problems.push({
      initiative: first,
      field: `initiatives[${index}].requires`,
      message: `prerequisite cycle: ${cycle.join(' → ')}`,
    });
  }
  problems.push(...mandatoryProblems(instance, cycle === null));
  return problems;
}

export type ParsedPlanInstance =
  | { readonly ok: true; readonly instance: PlanInstance }
  | { readonly ok: false; readonly problems: readonly PlanProblem[] };

function schemaProblems(error: z.ZodError, raw: unknown): PlanProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((key, k) => (typeof key === 'number' ? `[${key}]` : `${k === 0 ? '' : '.'}${String(key)}`))
      .join('');
    let initiative: string | undefined;
    if (
      issue.path[0] === 'initiatives' &&
      typeof issue.path[1] === 'number' &&
      raw &&
      typeof raw === 'object'
    ) {
      const list = (raw as { initiatives?: unknown }).initiatives;
      const entry = Array.isArray(list) ? (list[issue.path[1]] as unknown) : undefined;
      const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      initiative = typeof id === 'string' ? id : `#${issue.path[1]}`;
    }
    return {
      ...(initiative === undefined ? {} : { initiative }),
      field: path === '' ? '(root)' : path,
      message: issue.message,
    };
  });
}

/** Parses raw JSON into a valid instance, or every problem found (schema problems first, then semantic ones). */
export function parsePlanInstance(raw: unknown): ParsedPlanInstance {
  const parsed = planInstanceInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, raw) };
  const instance = normalisePlanInstance(parsed.data);
  const problems = planInstanceProblems(instance);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instance };
}
