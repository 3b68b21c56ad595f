import { describe, expect, it } from 'vitest';
import { mergeFields, resolveMerge, sameValue } from './three-way-merge.ts';

describe('merging a form after someone else saved it', () => {
  const base = { capex: 100, duration: 4, mandatory: false, budget: [10, 20] };
  it('keeps their change where I did not edit, mine where only I did, and names the fields we both changed', () => {
    const mine = { ...base, capex: 120, budget: [10, 25] };
    const theirs = { ...base, duration: 6, budget: [10, 30] };
    const merge = mergeFields(base, mine, theirs);
    expect(merge.conflicts).toEqual(['budget']);
    expect(merge.merged).toEqual({ capex: 120, duration: 6, mandatory: false, budget: [10, 25] });
    expect(resolveMerge(merge, theirs, { budget: 'theirs' }).budget).toEqual([10, 30]);
  });
  it('is no conflict when we both made the same change', () => {
    const merge = mergeFields(base, { ...base, capex: 1 }, { ...base, capex: 1 });
    expect(merge.conflicts).toEqual([]);
  });
  it('compares objects whatever their key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
