/**
 * The KPI formula language: a small, safe expression language, tokenized and parsed into an AST here and evaluated
 * by `expression-eval.ts` — never `eval` or `Function`. A formula is arithmetic over named data fields:
 *
 *   numbers        12  3.5  1e3
 *   field names    sales_cost  销售成本  (letters of any script, digits, `_`; not starting with a digit)
 *   operators      + − - × * ÷ /   unary minus   ( ) （ ）   comparisons < <= > >= == != (inside `if`)
 *   functions      sum avg min max first last count (over one field: its rows in the period), prev (the field's
 *                  value in the period before), min max (of two or more values), if(cond, then, else), abs,
 *                  days() (the number of days in the period)
 *
 * Precedence, lowest first: comparison, + −, × ÷, unary minus. Binary operators are left-associative.
 * Every node keeps the offset where it starts in the text, so an evaluation problem can point at it.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Expr =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'field'; name: string; at: number }
  | { kind: 'neg'; operand: Expr; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: 'call'; fn: FunctionName; args: Expr[]; at: number };

/** Functions over the rows of one field in the period: the argument must be a field name. */
export const ROW_AGGREGATES = ['sum', 'avg', 'min', 'max', 'first', 'last', 'count'] as const;
export type RowAggregate = (typeof ROW_AGGREGATES)[number];
export const FUNCTIONS = [...ROW_AGGREGATES, 'prev', 'if', 'abs', 'days'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** A syntax error: what is wrong, at which offset (0-based) and column (1-based) of the text. */
export interface SyntaxProblem {
  message: string;
  at: number;
  column: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; problem: SyntaxProblem };

type Token =
  | { t: 'num'; value: number; at: number; text: string }
  | { t: 'id'; name: string; at: number }
  | { t: 'op'; op: string; at: number }
  | { t: 'end'; at: number };

const OPERATOR_ALIASES: Record<string, string> = {
  '×': '*',
  '÷': '/',
  '−': '-',
  '（': '(',
  '）': ')',
  '，': ',',
};
const TWO_CHAR = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR = new Set(['+', '-', '*', '/', '(', ')', ',', '<', '>']);
const ID_START = /[\p{L}_]/u;
const ID_PART = /[\p{L}\p{N}_]/u;

class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let k = 0;
  while (k < text.length) {
    const c = text[k]!;
    if (/\s/u.test(c)) {
      k++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(k));
      if (!m) throw new ExprSyntaxError(`"${c}" does not start a number`, k);
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new ExprSyntaxError(`the number ${m[0]} is too large`, k);
      tokens.push({ t: 'num', value, at: k, text: m[0] });
      k += m[0].length;
      if (k < text.length && ID_START.test(text[k]!))
        throw new ExprSyntaxError(`a number is followed by "${text[k]}": put an operator between them`, k);
      continue;
    }
    if (ID_START.test(c)) {
      let end = k + 1;
      while (end < text.length && ID_PART.test(text[end]!)) end++;
      tokens.push({ t: 'id', name: text.slice(k, end), at: k });
      k = end;
      continue;
    }
    const two = text.slice(k, k + 2);
    if (TWO_CHAR.has(two)) {
      tokens.push({ t: 'op', op: two, at: k });
      k += 2;
      continue;
    }
    const op = OPERATOR_ALIASES[c] ?? c;
    if (ONE_CHAR.has(op)) {
      tokens.push({ t: 'op', op, at: k });
      k++;
      continue;
    }
    throw new ExprSyntaxError(`unexpected character "${c}"`, k);
  }
  tokens.push({ t: 'end', at: text.length });
  return tokens;
}

const isFunction = (name: string): name is FunctionName => (FUNCTIONS as readonly string[]).includes(name);
const isRowAggregate = (name: string): name is RowAggregate =>
  (ROW_AGGREGATES as readonly string[]).includes(name);

/** Parse a formula. Function names (sum, if, …) cannot be used as field names. */
export function parseExpression(text: string): ParseResult {
  try {
    const tokens = tokenize(text);
    let k = 0;
    const peek = () => tokens[k]!;
    const next = () => tokens[k++]!;
    const isOp = (op: string) => {
      const t = peek();
      return t.t === 'op' && t.op === op;
    };
    const expect = (op: string, what: string) => {
      const t = next();
      if (t.t !== 'op' || t.op !== op)
        throw new ExprSyntaxError(`expected ${what}, found ${describe(t)}`, t.at);
    };

    const comparison = (): Expr => {
      let left = additive();
      for (;;) {
        const t = peek();
        if (t.t !== 'op' || !['<', '<=', '>', '>=', '==', '!='].includes(t.op)) return left;
        next();
        left = { kind: 'binary', op: t.op as BinaryOp, left, right: additive(), at: left.at };
      }
    };
    const additive = (): Expr => {
      let left = multiplicative();
      for (;;) {
        const t = peek();
        if (t.t !== 'op' || (t.op !== '+' && t.op !== '-')) return left;
        next();
        left = { kind: 'binary', op: t.op, left, right: multiplicative(), at: left.at };
      }
    };
    const multiplicative = (): Expr => {
      let left = unary();
      for (;;) {
        const t = peek();
        if (t.t !== 'op' || (t.op !== '*' && t.op !== '/')) return left;
        next();
        left = { kind: 'binary', op: t.op, left, right: unary(), at: left.at };
      }
    };
    const unary = (): Expr => {
      const t = peek();
      if (t.t === 'op' && t.op === '-') {
        next();
        return { kind: 'neg', operand: unary(), at: t.at };
      }
      return primary();
    };
    const primary = (): Expr => {
      const t = next();
      if (t.t === 'num') return { kind: 'number', value: t.value, at: t.at };
      if (t.t === 'op' && t.op === '(') {
        const inner = comparison();
        expect(')', '")"');
        return { ...inner, at: t.at };
      }
      if (t.t === 'id') {
        if (!isOp('(')) {
          if (isFunction(t.name))
            throw new ExprSyntaxError(`${t.name} is a function: write ${t.name}(…)`, t.at);
          return { kind: 'field', name: t.name, at: t.at };
        }
        if (!isFunction(t.name))
          throw new ExprSyntaxError(
            `unknown function ${t.name}; the functions are ${FUNCTIONS.join(', ')}`,
            t.at,
          );
        next();
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(comparison());
          while (isOp(',')) {
            next();
            args.push(comparison());
          }
        }
        expect(')', `"," or ")" in ${t.name}(…)`);
        checkArity(t.name, args, t.at);
        return { kind: 'call', fn: t.name, args, at: t.at };
      }
      throw new ExprSyntaxError(`expected a number, a field name or "(", found ${describe(t)}`, t.at);
    };

    const expr = comparison();
    const rest = peek();
    if (rest.t !== 'end')
      throw new ExprSyntaxError(`unexpected ${describe(rest)} after the formula`, rest.at);
    return { ok: true, expr };
  } catch (err) {
    if (!(err instanceof ExprSyntaxError)) throw err;
    return { ok: false, problem: { message: err.message, at: err.at, column: err.at + 1 } };
  }
}

function checkArity(fn: FunctionName, args: readonly Expr[], at: number): void {
  const field = args.length === 1 && args[0]!.kind === 'field';
  if (fn === 'min' || fn === 'max') {
    if (args.length >= 2 || field) return;
    throw new ExprSyntaxError(`${fn}(…) takes one field name, or two or more values`, at);
  }
  if (isRowAggregate(fn) || fn === 'prev') {
    if (field) return;
    throw new ExprSyntaxError(`${fn}(…) takes exactly one field name`, at);
  }
  const want = fn === 'if' ? 3 : fn === 'abs' ? 1 : 0;
  if (args.length !== want)
    throw new ExprSyntaxError(
      `${fn}(…) takes ${want} argument${want === 1 ? '' : 's'}, not ${args.length}`,
      at,
    );
}

function describe(t: Token): string {
  if (t.t === 'end') return 'the end of the formula';
  if (t.t === 'num') return `the number ${t.text}`;
  if (t.t === 'id') return `"${t.name}"`;
  return `"${t.op}"`;
}

/** Is this call a row aggregate over one field (sum(x), max(x), …) rather than min/max of values? */
export function isRowAggregateCall(
  e: Expr & { kind: 'call' },
): e is Expr & { kind: 'call'; fn: RowAggregate } {
  return isRowAggregate(e.fn) && e.args.length === 1 && e.args[0]!.kind === 'field';
}

const PRECEDENCE: Record<BinaryOp, number> = {
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '==': 1,
  '!=': 1,
  '+': 2,
  '-': 2,
  '*': 3,
  '/': 3,
};

/** Print an expression as formula text that parses back to the same tree (parentheses only where needed). */
export function printExpression(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return numberText(e.value);
    case 'field':
      return e.name;
    case 'neg': {
      const inner = printExpression(e.operand);
      return e.operand.kind === 'binary' ? `-(${inner})` : `-${inner}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(printExpression).join(', ')})`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const side = (x: Expr, right: boolean) => {
        const s = printExpression(x);
        if (x.kind !== 'binary') return s;
        const q = PRECEDENCE[x.op];
        // left-associative: a parenthesis on the right at equal precedence keeps a − (b − c) as it is
        return q < p || (right && q === p) ? `(${s})` : s;
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
  }
}

function numberText(v: number): string {
  // a negative literal never comes out of the parser (unary minus is a node), but a built tree may hold one
  if (v < 0 || Object.is(v, -0)) return `(-${numberText(-v)})`;
  return String(v);
}

/** The field names an expression reads, each once, in order of first appearance. */
export function fieldsOf(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.kind === 'field') out.add(x.name);
    else if (x.kind === 'neg') walk(x.operand);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'call') x.args.forEach(walk);
  };
  walk(e);
  return [...out];
}

/** Does the expression (anywhere) use prev(…), so it needs the period before? */
export function usesPrevious(e: Expr): boolean {
  if (e.kind === 'call') return e.fn === 'prev' || e.args.some(usesPrevious);
  if (e.kind === 'neg') return usesPrevious(e.operand);
  if (e.kind === 'binary') return usesPrevious(e.left) || usesPrevious(e.right);
  return false;
}
