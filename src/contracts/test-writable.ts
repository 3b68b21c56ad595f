/**
 * A core type as JSON parsed by zod gives it: the same fields, without `readonly` (at any depth). For the
 * compile-time equality tests between contracts and the domain types they mirror.
 */
export type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
