import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, recordEnv } from './expression-eval.ts';
import { fieldsOf, parseExpression, printExpression, usesPrevious, type Expr } from './expression.ts';

const parse = (text: string): Expr => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${r.problem.message} at ${r.problem.column}`);
  return r.expr;
};
const value = (text: string, values: Record<string, number | null> = {}) =>
  evaluate(parse(text), recordEnv(values));
const num = (text: string, values: Record<string, number | null> = {}) => {
  const r = value(text, values);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
};

/** The tree without positions, to compare trees parsed from different texts. */
function shape(e: Expr): unknown {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'field':
      return { f: e.name };
    case 'neg':
      return { neg: shape(e.operand) };
    case 'binary':
      return [e.op, shape(e.left), shape(e.right)];
    case 'call':
      return { [e.fn]: e.args.map(shape) };
  }
}

describe('parsing formulas', () => {
  it('reads precedence, associativity, unary minus and the Chinese operators and brackets', () => {
    expect(num('1 + 2 * 3')).toBe(7);
    expect(num('(1 + 2) * 3')).toBe(9);
    expect(num('10 - 4 - 3')).toBe(3);
    expect(num('24 / 4 / 2')).toBe(3);
    expect(num('-2 * -3')).toBe(6);
    expect(num('--2')).toBe(2);
    expect(num('8 ÷ 2 × 3 − 1')).toBe(11);
    expect(num('（1 + 1）× 2')).toBe(4);
    expect(num('1.5e2 + .5')).toBe(150.5);
  });

  it('reads field names in Chinese and ASCII, and lists them once each', () => {
    const e = parse('销售成本 ÷ ((期初存货 + 期末存货) / 2) + sales_cost_2 * 0 + 销售成本');
    expect(fieldsOf(e)).toEqual(['销售成本', '期初存货', '期末存货', 'sales_cost_2']);
    expect(num('销售成本 ÷ ((期初存货 + 期末存货) / 2)', { 销售成本: 120, 期初存货: 30, 期末存货: 50 })).toBe(
      3,
    );
  });

  it('says what is wrong and where (1-based column)', () => {
    const problem = (text: string) => {
      const r = parseExpression(text);
      return r.ok ? undefined : `${r.problem.column}: ${r.problem.message}`;
    };
    expect(problem('a + ')).toBe('5: expected a number, a field name or "(", found the end of the formula');
    expect(problem('(a + b')).toBe('7: expected ")", found the end of the formula');
    expect(problem('a $ b')).toBe('3: unexpected character "$"');
    expect(problem('a b')).toBe('3: unexpected "b" after the formula');
    expect(problem('2a')).toBe('2: a number is followed by "a": put an operator between them');
    expect(problem('sqrt(a)')).toMatch(/^1: unknown function sqrt; the functions are sum, avg/);
    expect(problem('sum(a + b)')).toBe('1: sum(…) takes exactly one field name');
    expect(problem('if(a, b)')).toBe('1: if(…) takes 3 arguments, not 2');
    expect(problem('max(1)')).toBe('1: max(…) takes one field name, or two or more values');
    expect(problem('x + sum')).toBe('5: sum is a function: write sum(…)');
    expect(problem('')).toMatch(/^1: expected a number/);
  });

  it('knows which formulas need the period before', () => {
    expect(usesPrevious(parse('(revenue - prev(revenue)) / prev(revenue)'))).toBe(true);
    expect(usesPrevious(parse('revenue / 2'))).toBe(false);
  });
});

describe('evaluating formulas', () => {
  it('gives a typed problem, never NaN or Infinity', () => {
    const r1 = value('a / (b - b)', { a: 1, b: 2 });
    expect(r1).toMatchObject({ ok: false, problem: { kind: 'divide-by-zero', at: 4 } });
    const r2 = value('a + nope', { a: 1 });
    expect(r2).toMatchObject({ ok: false, problem: { kind: 'unknown-field', field: 'nope', at: 4 } });
    const r3 = value('a + b', { a: 1, b: null });
    expect(r3).toMatchObject({ ok: false, problem: { kind: 'missing-data', field: 'b' } });
    const r4 = value('a * a', { a: 1e200 });
    expect(r4).toMatchObject({ ok: false, problem: { kind: 'not-finite' } });
    expect(value('0 / 0')).toMatchObject({ ok: false, problem: { kind: 'divide-by-zero' } });
  });

  it('evaluates only the branch if(…) takes, and the functions', () => {
    expect(num('if(b == 0, 0, a / b)', { a: 1, b: 0 })).toBe(0);
    expect(num('if(b != 0, a / b, -1)', { a: 1, b: 4 })).toBe(0.25);
    expect(num('max(a, b, 3) + min(a, b) + abs(-2)', { a: 1, b: 2 })).toBe(6);
    expect(num('count(a) + count(b)', { a: 5, b: null })).toBe(1);
    expect([num('a > 1', { a: 2 }), num('a <= 1', { a: 2 }), num('a == 2', { a: 2 })]).toEqual([1, 0, 1]);
  });
});

// ---- properties --------------------------------------------------------------------------------------------------

const FIELD_NAMES = ['a', 'b', 'c', '销售成本', '存货', 'x_1'];
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ kind: 'number' as const, value, at: 0 })),
  fc.integer({ min: 0, max: 1000 }).map((value) => ({ kind: 'number' as const, value, at: 0 })),
  fc.constantFrom(...FIELD_NAMES).map((name) => ({ kind: 'field' as const, name, at: 0 })),
);
const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('tree').map((operand) => ({ kind: 'neg' as const, operand, at: 0 })),
    fc
      .record({
        op: fc.constantFrom<'+' | '-' | '*' | '/' | '<' | '>=' | '=='>('+', '-', '*', '/', '<', '>=', '=='),
        left: tie('tree'),
        right: tie('tree'),
      })
      .map((r) => ({ kind: 'binary' as const, ...r, at: 0 })),
    fc
      .record({
        fn: fc.constantFrom<'min' | 'max'>('min', 'max'),
        args: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
      })
      .map((r) => ({ kind: 'call' as const, ...r, at: 0 })),
    fc
      .record({ c: tie('tree'), t: tie('tree'), e: tie('tree') })
      .map((r) => ({ kind: 'call' as const, fn: 'if' as const, args: [r.c, r.t, r.e], at: 0 })),
    fc
      .record({
        fn: fc.constantFrom<'sum' | 'avg' | 'last' | 'prev'>('sum', 'avg', 'last', 'prev'),
        name: fc.constantFrom(...FIELD_NAMES),
      })
      .map((r) => ({
        kind: 'call' as const,
        fn: r.fn,
        args: [{ kind: 'field' as const, name: r.name, at: 0 }],
        at: 0,
      })),
  ),
}));
const values = fc.record(
  Object.fromEntries(
    FIELD_NAMES.map((n) => [n, fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null))]),
  ),
);

describe('laws of the formula language', () => {
  it('printing a tree and parsing it back gives the same tree', () => {
    fc.assert(
      fc.property(tree, (e) => {
        expect(shape(parse(printExpression(e)))).toEqual(shape(e));
      }),
      { numRuns: 500 },
    );
  });

  it('a + b = b + a and a × b = b × a numerically, problems alike', () => {
    fc.assert(
      fc.property(tree, tree, values, fc.constantFrom('+', '*'), (a, b, vals, op) => {
        const env = recordEnv(vals);
        const ab = evaluate({ kind: 'binary', op, left: a, right: b, at: 0 }, env);
        const ba = evaluate({ kind: 'binary', op, left: b, right: a, at: 0 }, env);
        expect(ab.ok).toBe(ba.ok);
        if (ab.ok && ba.ok) expect(ab.value).toBeCloseTo(ba.value, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('never yields NaN or ±Infinity: a finite value or a typed problem', () => {
    fc.assert(
      fc.property(tree, values, (e, vals) => {
        const r = evaluate(e, recordEnv(vals));
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else
          expect(['divide-by-zero', 'unknown-field', 'missing-data', 'not-finite']).toContain(r.problem.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('text never makes the parser throw: a tree or a syntax problem inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1 .()+-*/×÷,<=>销if sum'.split('')) }), (text) => {
        const r = parseExpression(text);
        if (!r.ok) expect(r.problem.at).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
