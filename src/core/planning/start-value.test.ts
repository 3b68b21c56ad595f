import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initiative, instanceOf } from './fixtures/tiny-instances.ts';
import { npv } from './finance.ts';
import { appraiseInitiative, discountFactor, initiativeCashFlows, startValue } from './start-value.ts';

describe('startValue', () => {
  it('matches a hand computation', () => {
    // r = 8 %, quarterly, 1 benefit year; cost 200 over 2 quarters, benefit 400/yr, p = 0.75, start in period 1.
    const instance = instanceOf([], { periods: 6, benefitYears: 1 });
    const x = initiative('A', { cost: 200, duration: 2, annualBenefit: 400, successProbability: 0.75 });
    const d = (tau: number): number => 1.08 ** (-(tau + 1) / 4);
    const cost = 100 * (d(1) + d(2));
    const benefit = 0.75 * 100 * (d(3) + d(4) + d(5) + d(6)); // benefits run past the 6-period horizon
    expect(Math.abs(startValue(instance, x, 1) - (benefit - cost))).toBeLessThan(1e-9);
    expect(discountFactor(instance, 3)).toBeCloseTo(1 / 1.08, 15);
  });

  it('is v(i,0) discounted by the start (property): sign does not depend on the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(0, 0.05, 0.2),
        (cost, duration, benefit, start, rate) => {
          const instance = instanceOf([], { periods: 12, discountRate: rate });
          const x = initiative('A', { cost, duration, annualBenefit: benefit });
          const expected = startValue(instance, x, 0) * (1 + rate) ** (-start / 4);
          expect(Math.abs(startValue(instance, x, start) - expected)).toBeLessThan(
            1e-9 * (1 + cost + benefit),
          );
        },
      ),
    );
  });

  it('agrees with the finance NPV of the initiative cash flows', () => {
    const instance = instanceOf([], { periods: 8, benefitYears: 3 });
    const x = initiative('A', { cost: 300, duration: 3, annualBenefit: 250 });
    const flows = initiativeCashFlows(instance, x);
    expect(flows).toHaveLength(3 + 12);
    expect(
      Math.abs(startValue(instance, x, 0) - npv(0.08, flows, { periodsPerYear: 4, offset: 1 })),
    ).toBeLessThan(1e-9);
    const appraisal = appraiseInitiative(instance, { ...x, successProbability: 0.5 });
    expect(
      Math.abs(appraisal.riskAdjustedNpv - startValue(instance, { ...x, successProbability: 0.5 }, 0)),
    ).toBeLessThan(1e-9);
    expect(appraisal.irr).not.toBeNull();
    expect(Math.abs(npv(appraisal.irr ?? 0, flows, { periodsPerYear: 4, offset: 1 }))).toBeLessThan(1e-6);
    // 300 spent by 0.75 y, 62.5 per quarter back: paid back after 4.8 quarters of benefits = 0.75 + 1.2 years
    expect(appraisal.paybackYears).toBeCloseTo(0.75 + 300 / 62.5 / 4, 12);
    expect(appraisal.discountedPaybackYears ?? 0).toBeGreaterThan(appraisal.paybackYears ?? Infinity);
  });
});
