import { describe, expect, it } from 'vitest';
import { boundDetails, boundText, MAX_DETAIL_BYTES, MAX_LISTED } from './error-bounds.ts';

describe('error answer bounds', () => {
  it('keeps small details as they are', () => {
    const details = { problems: [{ itemId: 'a', message: 'bad' }], counts: { members: 2 } };
    expect(boundDetails(details)).toEqual(details);
    expect(boundDetails(null)).toBeNull();
  });

  it('lists the first entries of a long list and says how many were left out', () => {
    const problems = Array.from({ length: 1000 }, (_, i) => ({ itemId: `k${i}`, message: 'unknown item' }));
    const bounded = boundDetails({ problems }) as { problems: { omitted?: number; message: string }[] };
    expect(bounded.problems).toHaveLength(MAX_LISTED + 1);
    expect(bounded.problems[MAX_LISTED]).toEqual({
      omitted: 950,
      message: '950 more entries left out of this answer',
    });
  });

  it('cuts long texts and keys, and keeps fewer entries when they are still too large', () => {
    expect(boundText('abcdef', 3)).toBe('abc… (3 more characters)');
    const problems = Array.from({ length: 200 }, () => ({ a: 'x'.repeat(2000), b: 'y'.repeat(2000) }));
    const out = JSON.stringify(boundDetails({ problems, [`k${'z'.repeat(5000)}`]: 1 }));
    expect(out.length).toBeLessThanOrEqual(MAX_DETAIL_BYTES);
    expect(out).toMatch(/more entries left out/);
  });

  it('stops at a depth, and bounds many keys', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(JSON.stringify(boundDetails(deep))).toContain('nested too deep');
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    expect(boundDetails(wide)).toMatchObject({ omittedKeys: 450 });
  });
});
