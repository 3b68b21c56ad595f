/** Scores are sums of decimal points (0.7, 1.875 …); round away binary noise so 13 × 0.7 + 0.9 is exactly 10. */
export function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** a ≥ b, tolerant of floating-point noise */
export function atLeast(a: number, b: number): boolean {
  return a >= b - 1e-9;
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
