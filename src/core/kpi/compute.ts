/**
 * KPI values per period, computed from ledger rows (never typed in): the rows are grouped by the period of their
 * date, each field aggregated as the catalogue says (or as the formula's sum(x)/avg(x)/… asks), the formula
 * evaluated per period, and each value carries the rows that fed it — the ledger rows behind the number.
 */
import type { Aggregation, DataField, Kpi, Period } from './catalogue-schema.ts';
import { evaluate, type EvalProblem, type FieldLookup, type FieldRead } from './expression-eval.ts';
import { parseExpression, type Expr } from './expression.ts';
import { coarserOrEqual, periodDays, periodOf, previousPeriod } from './periods.ts';

/** One row of a ledger, its values already mapped onto the catalogue's fields and converted to their units. */
export interface LedgerRow<Ref = number> {
  /** where the row comes from (a row number, an id): returned in the trace */
  ref: Ref;
  /** ISO date YYYY-MM-DD */
  date: string;
  values: Readonly<Record<string, number | null | undefined>>;
}

export type KpiValue<Ref = number> =
  | { period: string; ok: true; value: number; rows: Ref[] }
  | { period: string; ok: false; problem: EvalProblem; rows: Ref[] };

export type ComputeResult<Ref = number> =
  { ok: true; values: KpiValue<Ref>[]; undated: Ref[] } | { ok: false; message: string };

/** The running aggregate of one field in one period; the row indices that gave it a value. */
interface Acc {
  sum: number;
  count: number;
  min: number;
  max: number;
  first: number;
  firstDate: string;
  last: number;
  lastDate: string;
  rows: number[];
}

function add(acc: Acc | undefined, v: number, date: string, row: number): Acc {
  if (!acc)
    return {
      sum: v,
      count: 1,
      min: v,
      max: v,
      first: v,
      firstDate: date,
      last: v,
      lastDate: date,
      rows: [row],
    };
  acc.sum += v;
  acc.count++;
  if (v < acc.min) acc.min = v;
  if (v > acc.max) acc.max = v;
  if (date < acc.firstDate) {
    acc.first = v;
    acc.firstDate = date;
  }
  if (date >= acc.lastDate) {
    acc.last = v;
    acc.lastDate = date;
  }
  acc.rows.push(row);
  return acc;
}

function aggregate(acc: Acc, how: Aggregation): number {
  switch (how) {
    case 'sum':
      return acc.sum;
    case 'avg':
      return acc.sum / acc.count;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
    case 'first':
      return acc.first;
    case 'last':
      return acc.last;
    case 'count':
      return acc.count;
  }
}

/**
 * Compute one KPI per `period` (its catalogue period unless a coarser one is asked) over the rows. A period appears
 * when any row in it has a value for a field the formula reads; a row whose date is not a real date is listed in
 * `undated`, not counted.
 */
export function computeKpi<Ref>(
  kpi: Pick<Kpi, 'id' | 'formula' | 'period'>,
  fields: readonly Pick<DataField, 'id' | 'aggregation'>[],
  rows: readonly LedgerRow<Ref>[],
  period: Period = kpi.period,
): ComputeResult<Ref> {
  if (!coarserOrEqual(period, kpi.period))
    return { ok: false, message: `${kpi.id} is computed per ${kpi.period} or coarser, not per ${period}` };
  const parsed = parseExpression(kpi.formula);
  if (!parsed.ok)
    return {
      ok: false,
      message: `${kpi.id}: formula column ${parsed.problem.column}: ${parsed.problem.message}`,
    };
  return computeParsed(parsed.expr, fields, rows, period);
}

export function computeParsed<Ref>(
  expr: Expr,
  fields: readonly Pick<DataField, 'id' | 'aggregation'>[],
  rows: readonly LedgerRow<Ref>[],
  period: Period,
): ComputeResult<Ref> & { ok: true } {
  const aggregation = new Map(fields.map((f) => [f.id, f.aggregation]));
  const used = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.kind === 'field') used.add(x.name);
    else if (x.kind === 'neg') walk(x.operand);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'call') x.args.forEach(walk);
  };
  walk(expr);

  // period → field → running aggregate; only the fields the formula reads
  const byPeriod = new Map<string, Map<string, Acc>>();
  const undated: Ref[] = [];
  rows.forEach((row, index) => {
    const key = periodOf(row.date, period);
    if (key === undefined) {
      undated.push(row.ref);
      return;
    }
    for (const name of used) {
      const v = row.values[name];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      let accs = byPeriod.get(key);
      if (!accs) byPeriod.set(key, (accs = new Map<string, Acc>()));
      accs.set(name, add(accs.get(name), v, row.date, index));
    }
  });

  const values: KpiValue<Ref>[] = [];
  for (const key of [...byPeriod.keys()].sort()) {
    const fed = new Set<number>();
    const lookup = (
      accs: Map<string, Acc> | undefined,
      name: string,
      how: Aggregation,
      where: string,
    ): FieldLookup => {
      if (!aggregation.has(name))
        return { ok: false, kind: 'unknown-field', message: `unknown field ${name}` };
      const acc = accs?.get(name);
      if (!acc) return { ok: false, kind: 'missing-data', message: `no ${name} rows in ${where}` };
      for (const r of acc.rows) fed.add(r);
      return { ok: true, value: aggregate(acc, how) };
    };
    const env = {
      read(name: string, how: FieldRead): FieldLookup {
        const own = aggregation.get(name) ?? 'sum';
        if (how === 'prev') {
          const before = previousPeriod(key);
          return lookup(byPeriod.get(before), name, own, before);
        }
        return lookup(byPeriod.get(key), name, how === 'default' ? own : how, key);
      },
      days: () => periodDays(key),
    };
    const r = evaluate(expr, env);
    const trace = [...fed].sort((a, b) => a - b).map((k) => rows[k]!.ref);
    values.push(
      r.ok
        ? { period: key, ok: true, value: r.value, rows: trace }
        : { period: key, ok: false, problem: r.problem, rows: trace },
    );
  }
  return { ok: true, values, undated };
}

export interface Comparison {
  /** actual − baseline */
  change: number;
  /** the change is in the KPI's good direction (false when unchanged) */
  improved: boolean;
  /** the actual reaches the target in the KPI's direction */
  met: boolean;
  /** share of the way from baseline to target covered (1 = reached, > 1 beyond, < 0 moved away); undefined when the target is the baseline */
  progress: number | undefined;
}

/** Baseline (T0) against target against actual, read in the KPI's direction (up: higher is better). */
export function compareToTarget(v: {
  baseline: number;
  target: number;
  actual: number;
  direction: 'up' | 'down';
}): Comparison {
  const change = v.actual - v.baseline;
  const sign = v.direction === 'up' ? 1 : -1;
  const gap = v.target - v.baseline;
  return {
    change,
    improved: sign * change > 0,
    met: sign * (v.actual - v.target) >= 0,
    progress: gap === 0 ? undefined : change / gap,
  };
}
