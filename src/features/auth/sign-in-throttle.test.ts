import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayAfter, normaliseEmail } from './sign-in-throttle.ts';

const MINUTES_15 = 15 * 60_000;

describe('the wait after failed sign-ins', () => {
  it('is nothing below the threshold, then 1 s, doubling with each failure, at most the longest wait', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n, 5, MINUTES_15))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => delayAfter(n, 5, MINUTES_15))).toEqual([
      1000, 2000, 4000, 8000, 512_000,
    ]);
    expect(delayAfter(15, 5, MINUTES_15)).toBe(MINUTES_15);
    expect(delayAfter(10_000, 5, MINUTES_15)).toBe(MINUTES_15);
  });

  it('never shrinks as failures grow, and never exceeds the longest wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 }), (n, threshold) => {
        const now = delayAfter(n, threshold, MINUTES_15);
        expect(delayAfter(n + 1, threshold, MINUTES_15)).toBeGreaterThanOrEqual(now);
        expect(now).toBeLessThanOrEqual(MINUTES_15);
      }),
    );
  });

  it('compares e-mails trimmed and lower-cased', () => {
    expect(normaliseEmail('  CIO@Demo.Tupu.Local ')).toBe('cio@demo.tupu.local');
  });
});
