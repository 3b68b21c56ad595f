/**
 * Evaluates a parsed KPI formula (expression.ts) to a finite number or a typed problem: a division by zero, a field
 * the environment does not know, a field with no data, a result that is not a finite number. NaN and Infinity never
 * come out silently. `if` evaluates only the branch it takes, so `if(x == 0, 0, y / x)` is safe.
 */
import type { Expr, RowAggregate } from './expression.ts';

export type EvalProblemKind = 'divide-by-zero' | 'unknown-field' | 'missing-data' | 'not-finite';

export interface EvalProblem {
  kind: EvalProblemKind;
  message: string;
  /** offset in the formula text of the node where it arose */
  at: number;
  field?: string;
}

export type EvalResult = { ok: true; value: number } | { ok: false; problem: EvalProblem };

/** How a field is read: its default aggregate in the period, a named row aggregate, or the period before. */
export type FieldRead = 'default' | RowAggregate | 'prev';

export type FieldLookup =
  { ok: true; value: number } | { ok: false; kind: 'unknown-field' | 'missing-data'; message: string };

/** Where the values of fields come from. */
export interface EvalEnv {
  read(name: string, how: FieldRead): FieldLookup;
  /** the number of days in the period, for days(); undefined outside a period */
  days?: () => number | undefined;
}

/** An environment over one record of values: every read of a field is its value (null or absent: no data). */
export function recordEnv(
  values: Readonly<Record<string, number | null | undefined>>,
  known?: readonly string[],
): EvalEnv {
  const names = new Set(known ?? Object.keys(values));
  return {
    read(name, how) {
      if (!names.has(name)) return { ok: false, kind: 'unknown-field', message: `unknown field ${name}` };
      if (how === 'prev')
        return { ok: false, kind: 'missing-data', message: `no period before for prev(${name})` };
      const v = values[name];
      if (how === 'count') return { ok: true, value: v === null || v === undefined ? 0 : 1 };
      if (v === null || v === undefined)
        return { ok: false, kind: 'missing-data', message: `${name} has no value` };
      return { ok: true, value: v };
    },
  };
}

class Stop extends Error {
  constructor(readonly problem: EvalProblem) {
    super(problem.message);
  }
}

export function evaluate(expr: Expr, env: EvalEnv): EvalResult {
  try {
    return { ok: true, value: finite(run(expr, env), expr.at) };
  } catch (err) {
    if (err instanceof Stop) return { ok: false, problem: err.problem };
    throw err;
  }
}

function finite(v: number, at: number): number {
  if (!Number.isFinite(v))
    throw new Stop({ kind: 'not-finite', message: `the result is not a finite number (${v})`, at });
  return v;
}

function read(env: EvalEnv, name: string, how: FieldRead, at: number): number {
  const r = env.read(name, how);
  if (!r.ok) throw new Stop({ kind: r.kind, message: r.message, at, field: name });
  return finite(r.value, at);
}

function run(e: Expr, env: EvalEnv): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'field':
      return read(env, e.name, 'default', e.at);
    case 'neg':
      return -run(e.operand, env);
    case 'binary': {
      const a = run(e.left, env);
      const b = run(e.right, env);
      switch (e.op) {
        case '+':
          return finite(a + b, e.at);
        case '-':
          return finite(a - b, e.at);
        case '*':
          return finite(a * b, e.at);
        case '/':
          if (b === 0)
            throw new Stop({ kind: 'divide-by-zero', message: 'division by zero', at: e.right.at });
          return finite(a / b, e.at);
        case '<':
          return a < b ? 1 : 0;
        case '<=':
          return a <= b ? 1 : 0;
        case '>':
          return a > b ? 1 : 0;
        case '>=':
          return a >= b ? 1 : 0;
        case '==':
          return a === b ? 1 : 0;
        case '!=':
          return a !== b ? 1 : 0;
      }
      break;
    }
    case 'call': {
      const [first] = e.args;
      if (e.fn === 'if') return run(e.args[0]!, env) !== 0 ? run(e.args[1]!, env) : run(e.args[2]!, env);
      if (e.fn === 'abs') return Math.abs(run(first!, env));
      if (e.fn === 'days') {
        const d = env.days?.();
        if (d === undefined)
          throw new Stop({ kind: 'missing-data', message: 'days() needs a period', at: e.at });
        return d;
      }
      if (e.args.length === 1 && first!.kind === 'field')
        return read(env, first!.name, e.fn === 'prev' ? 'prev' : e.fn, e.at);
      const values = e.args.map((a) => run(a, env));
      return e.fn === 'min' ? Math.min(...values) : Math.max(...values);
    }
  }
  throw new Error('unreachable');
}
