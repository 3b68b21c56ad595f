import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benefitCostRatio,
  discountedPaybackPeriod,
  irr,
  npv,
  paybackPeriod,
  riskAdjustedNpv,
} from './finance.ts';

describe('npv', () => {
  it('discounts a known series (hand computed)', () => {
    // -1000 + 300/1.1 + 400/1.21 + 500/1.331
    const expected = -1000 + 272.72727272727275 + 330.5785123966942 + 375.6574004507889;
    expect(npv(0.1, [-1000, 300, 400, 500])).toBeCloseTo(expected, 9);
    expect(Math.abs(npv(0.1, [-1000, 300, 400, 500]) - -21.03681442524413)).toBeLessThan(1e-9);
  });

  it('honours periods per year and offset', () => {
    // quarterly flows at end of each quarter: 100 at t = 0.25 y, 100 at t = 0.5 y
    const expected = 100 * 1.08 ** -0.25 + 100 * 1.08 ** -0.5;
    expect(Math.abs(npv(0.08, [100, 100], { periodsPerYear: 4, offset: 1 }) - expected)).toBeLessThan(1e-9);
  });

  it('is 0 for the empty series and the undiscounted sum at rate 0', () => {
    expect(npv(0.1, [])).toBe(0);
    expect(npv(0, [-5, 2, 7])).toBe(4);
  });

  it('decreases in the rate for a conventional flow (outlay first, then inflows)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 15 }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (outlay, inflows, r1, dr) => {
          const flows = [-outlay, ...inflows];
          expect(npv(r1 + dr, flows)).toBeLessThan(npv(r1, flows));
        },
      ),
    );
  });
});

describe('irr', () => {
  it('is 10 % for [-100, 110]', () => {
    expect(Math.abs((irr([-100, 110]) ?? NaN) - 0.1)).toBeLessThan(1e-9);
  });

  it('matches a hand-solved two-period case', () => {
    // -100 + 60/(1+r) + 60/(1+r)^2 = 0 → x = 1/(1+r): 60x² + 60x − 100 = 0
    const x = (-60 + Math.sqrt(3600 + 24000)) / 120;
    expect(Math.abs((irr([-100, 60, 60]) ?? NaN) - (1 / x - 1))).toBeLessThan(1e-9);
  });

  it('is null when NPV never changes sign', () => {
    expect(irr([100, 50])).toBeNull();
    expect(irr([-100, -50])).toBeNull();
    expect(irr([])).toBeNull();
    expect(irr([-100, 0, 0])).toBeNull();
  });

  it('finds a root just below the top of the search range', () => {
    // IRR ≈ 996.6: between the last geometric grid step and the top (found by the property below)
    const flows = [-100.44758451089307, 99999.99999999974, 3.9257135814990796];
    const rate = irr(flows);
    expect(rate).not.toBeNull();
    expect(Math.abs(npv(rate!, flows))).toBeLessThan(1e-6);
  });

  it('makes NPV ≈ 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (outlay, inflows) => {
          const flows = [-outlay, ...inflows];
          const rate = irr(flows);
          if (rate === null) {
            // no root in range: NPV keeps one sign on the whole range
            expect(Math.sign(npv(-0.99, flows))).toBe(Math.sign(npv(1000, flows)));
            return;
          }
          const scale = outlay + inflows.reduce((a, b) => a + b, 0);
          expect(Math.abs(npv(rate, flows)) / scale).toBeLessThan(1e-7);
        },
      ),
    );
  });
});

describe('payback', () => {
  it('interpolates inside the crossing year', () => {
    expect(paybackPeriod([-100, 60, 60])).toBeCloseTo(1 + 40 / 60, 12);
    expect(paybackPeriod([-100, 50, 50, 50])).toBe(2);
    expect(paybackPeriod([-100, 110])).toBeCloseTo(100 / 110, 12);
  });

  it('is null when it never pays back, 0 when never negative', () => {
    expect(paybackPeriod([-100, 30, 30])).toBeNull();
    expect(paybackPeriod([10, 20])).toBe(0);
  });

  it('uses the last crossing for non-conventional flows', () => {
    // pays back in year 1, goes negative again in year 2, pays back for good during year 3
    expect(paybackPeriod([-100, 150, -100, 100])).toBeCloseTo(2 + 50 / 100, 12);
  });

  it('discounted payback is later than simple payback', () => {
    // discounted flows at 10 %: -100, 45.45…, 41.32…, 37.57…
    const d1 = 50 / 1.1;
    const d2 = 50 / 1.21;
    const d3 = 50 / 1.331;
    const expected = 2 + (100 - d1 - d2) / d3;
    expect(discountedPaybackPeriod(0.1, [-100, 50, 50, 50])).toBeCloseTo(expected, 12);
    expect(paybackPeriod([-100, 50, 50, 50])).toBe(2);
    expect(discountedPaybackPeriod(0.1, [-100, 50, 50])).toBeNull();
  });

  it('works in quarters with end-of-period timing', () => {
    // cost 100 in quarter 0 (paid at 0.25 y), 50 per quarter after: paid back at the end of quarter 2 = 0.75 y
    expect(paybackPeriod([-100, 50, 50, 50], { periodsPerYear: 4, offset: 1 })).toBeCloseTo(0.75, 12);
  });
});

describe('benefit-cost ratio and risk-adjusted NPV', () => {
  it('BCR = PV(benefits) / PV(costs)', () => {
    expect(benefitCostRatio(0.1, [-100, 110])).toBeCloseTo(1, 12);
    expect(benefitCostRatio(0, [-100, 60, 60])).toBeCloseTo(1.2, 12);
    expect(benefitCostRatio(0.1, [10, 20])).toBeNull();
  });

  it('risk-adjusted NPV scales only the benefits by the success probability', () => {
    expect(riskAdjustedNpv(0, [-100, 60, 60], 0.5)).toBeCloseTo(-40, 12);
    expect(riskAdjustedNpv(0.1, [-100, 110], 1)).toBeCloseTo(npv(0.1, [-100, 110]), 12);
  });
});
