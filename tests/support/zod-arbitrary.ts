/**
 * JSON values shaped like a zod schema but wrong in places, for hostile-input tests (issue 18): objects carry the
 * schema's own keys (some left out, some extra), enums and literals their own values or near misses, and at any depth a
 * value may be replaced by any JSON value or a text built to hurt (control characters, formula starts, very long). So
 * most values get past the first check and fail deep inside, where a schema or a route is most likely to throw.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: unknown[];
  valueType?: unknown;
  items?: unknown[];
  in?: unknown;
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
}

const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? undefined;

const hostileText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u202e',
      '=HYPERLINK("http://evil","x")',
      '-1',
      '1e309',
      'null',
      '__proto__',
      'constructor',
      '00000000-0000-0000-0000-000000000000',
      '2024-02-30',
      '明远',
      '<script>alert(1)</script>',
    ),
  },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(501), '明'.repeat(2_001), 'x'.repeat(10_001)) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_VALUE, -Number.MAX_VALUE, 1e-320),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const primitive: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.string({ maxLength: 6 }),
);
/** any JSON value, small and cheap to make: a primitive, a list or an object of them */
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: primitive },
  { weight: 1, arbitrary: fc.array(primitive, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), primitive, { maxKeys: 3 }) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: hostileNumber },
);

/** Values for `schema`: its shape most of the time, anything at any depth some of the time. */
export function shapedJson(schema: unknown, depth = 0): fc.Arbitrary<Json> {
  const shaped = shapeOf(schema, depth);
  return shaped ? fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: anyJson }) : anyJson;
}

function shapeOf(schema: unknown, depth: number): fc.Arbitrary<Json> | undefined {
  const def = defOf(schema);
  if (!def || depth > 5) return undefined;
  const next = (s: unknown) => shapedJson(s, depth + 1);
  switch (def.type) {
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, next(def.shape![k])])), {
        requiredKeys: [],
      });
      const extra = fc.option(fc.tuple(fc.string({ maxLength: 8 }), anyJson), { freq: 8 });
      return fc.tuple(record, extra).map(([o, x]) => (x ? { ...o, [x[0]]: x[1] } : o) as Json);
    }
    case 'array':
      return fc.array(next(def.element), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(next));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), next(def.valueType), { maxKeys: 3 });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(next(def.innerType), fc.constant(null));
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return def.getter ? next(def.getter()) : undefined;
    case 'union':
      return (def.options ?? []).length > 0 ? fc.oneof(...(def.options ?? []).map(next)) : undefined;
    case 'intersection':
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([a, b]) =>
          a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)
            ? { ...a, ...b }
            : a,
        );
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return values.length > 0
        ? fc.oneof(
            fc.constantFrom(...values),
            fc.constantFrom(...values).map((v) => `${v} `),
            hostileText,
          )
        : undefined;
    }
    case 'literal': {
      const values = (def.values ?? []).filter(
        (v): v is Json => v === null || ['string', 'number', 'boolean'].includes(typeof v),
      );
      return values.length > 0 ? fc.constantFrom(...values) : undefined;
    }
    case 'string':
      return hostileText;
    case 'number':
    case 'int':
    case 'bigint':
      return hostileNumber;
    case 'boolean':
      return fc.boolean();
    default:
      return undefined;
  }
}

/**
 * True when `path` (a zod issue's) leads through `value` to where the problem is: every step but the last exists
 * (the last may be the missing key itself).
 */
export function pathLeadsInto(value: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = value;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object' || typeof key === 'symbol') return false;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return false;
    at = (at as Record<string | number, unknown>)[key];
  }
  return true;
}
