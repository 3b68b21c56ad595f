/**
 * Investment appraisal (投入产出测算, guide 二(一)) over plain cash-flow series.
 *
 * Convention: `flows[k]` happens at time `(k + offset) / periodsPerYear` years from now, discounted at the annual
 * rate `rate`. Defaults (`offset = 0`, `periodsPerYear = 1`) give the textbook series where `flows[0]` is today's
 * outlay and `flows[k]` the end of year k. The plan model uses `offset = 1` (every flow at the end of its period).
 */

export interface CashFlowTiming {
  /** Flows per year (default 1). */
  readonly periodsPerYear?: number;
  /** Periods between now and `flows[0]` (default 0: `flows[0]` is today). */
  readonly offset?: number;
}

function timeOf(k: number, timing: CashFlowTiming): number {
  return (k + (timing.offset ?? 0)) / (timing.periodsPerYear ?? 1);
}

/** Net present value of `flows` at the annual discount `rate` (rate > −1). */
export function npv(rate: number, flows: readonly number[], timing: CashFlowTiming = {}): number {
  let total = 0;
  flows.forEach((flow, k) => {
    total += flow * Math.pow(1 + rate, -timeOf(k, timing));
  });
  return total;
}

/** Present value of only the positive (benefit) or only the negative (cost) part of the flows, both as positive sums. */
function presentValueParts(
  rate: number,
  flows: readonly number[],
  timing: CashFlowTiming,
): { benefits: number; costs: number } {
  let benefits = 0;
  let costs = 0;
  flows.forEach((flow, k) => {
    const pv = Math.abs(flow) * Math.pow(1 + rate, -timeOf(k, timing));
    if (flow > 0) benefits += pv;
    else costs += pv;
  });
  return { benefits, costs };
}

/** Benefit-cost ratio: PV(benefits) / PV(costs); `null` when there is no cost. */
export function benefitCostRatio(
  rate: number,
  flows: readonly number[],
  timing: CashFlowTiming = {},
): number | null {
  const { benefits, costs } = presentValueParts(rate, flows, timing);
  return costs === 0 ? null : benefits / costs;
}

const IRR_LOW = -0.99;
const IRR_HIGH = 1e3;

/**
 * Internal rate of return: an annual rate at which `npv` is 0. The rate axis (−99 % … 100 000 %) is scanned on a
 * geometric grid for the first sign change of NPV; that bracket is then narrowed by Brent's method to 1e−12.
 * Returns `null` when NPV never changes sign (all-positive or all-negative flows, or no root in range). For flows
 * with several roots (non-conventional), the lowest root in range is returned.
 */
export function irr(flows: readonly number[], timing: CashFlowTiming = {}): number | null {
  if (!flows.some((flow) => flow !== 0)) return null;
  const f = (r: number): number => npv(r, flows, timing);
  const grid: number[] = [];
  for (let r = IRR_LOW; r < -0.5; r += 0.01) grid.push(r);
  for (let r = -0.5; r < 1; r += 0.005) grid.push(r);
  for (let r = 1; r <= IRR_HIGH; r *= 1.05) grid.push(r);
  // the geometric steps stop short of the top; the top itself closes the range, so no root near it is missed
  if (grid[grid.length - 1] !== IRR_HIGH) grid.push(IRR_HIGH);
  let previousRate = grid[0] ?? IRR_LOW;
  let previousValue = f(previousRate);
  if (previousValue === 0) return previousRate;
  for (const rate of grid.slice(1)) {
    const value = f(rate);
    if (value === 0) return rate;
    if (
      Math.sign(value) !== Math.sign(previousValue) &&
      Number.isFinite(value) &&
      Number.isFinite(previousValue)
    ) {
      return brent(f, previousRate, rate, previousValue, value);
    }
    previousRate = rate;
    previousValue = value;
  }
  return null;
}

/** Brent's root finder on a bracket [a, b] where f(a) and f(b) have opposite signs. */
export function brent(
  f: (x: number) => number,
  a0: number,
  b0: number,
  fa0 = f(a0),
  fb0 = f(b0),
  tolerance = 1e-12,
): number {
  let a = a0;
  let b = b0;
  let fa = fa0;
  let fb = fb0;
  if (Math.abs(fa) < Math.abs(fb)) {
    [a, b, fa, fb] = [b, a, fb, fa];
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let mflag = true;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (fb === 0 || Math.abs(b - a) < tolerance) return b;
    let s: number;
    if (fa !== fc && fb !== fc) {
      s =
        (a * fb * fc) / ((fa - fb) * (fa - fc)) +
        (b * fa * fc) / ((fb - fa) * (fb - fc)) +
        (c * fa * fb) / ((fc - fa) * (fc - fb));
    } else {
      s = b - (fb * (b - a)) / (fb - fa);
    }
    const lo = (3 * a + b) / 4;
    const outside = !(s > Math.min(lo, b) && s < Math.max(lo, b));
    if (
      outside ||
      (mflag && Math.abs(s - b) >= Math.abs(b - c) / 2) ||
      (!mflag && Math.abs(s - b) >= Math.abs(c - d) / 2) ||
      (mflag && Math.abs(b - c) < tolerance) ||
      (!mflag && Math.abs(c - d) < tolerance)
    ) {
      s = (a + b) / 2;
      mflag = true;
    } else {
      mflag = false;
    }
    const fs = f(s);
    d = c;
    c = b;
    fc = fb;
    if (Math.sign(fa) * Math.sign(fs) < 0) {
      b = s;
      fb = fs;
    } else {
      a = s;
      fa = fs;
    }
    if (Math.abs(fa) < Math.abs(fb)) {
      [a, b, fa, fb] = [b, a, fb, fa];
    }
  }
  return b;
}

/**
 * Payback period in years: the moment after which the cumulative (optionally discounted) cash position stays ≥ 0,
 * interpolating linearly inside the flow that crosses zero (a flow is taken to accrue evenly over the period that
 * ends at its time). 0 when the position is never negative; `null` when it ends negative (never pays back).
 */
function paybackOf(values: readonly number[], timing: CashFlowTiming): number | null {
  const ppy = timing.periodsPerYear ?? 1;
  let cumulative = 0;
  let payback: number | null = 0;
  values.forEach((value, k) => {
    const before = cumulative;
    cumulative += value;
    if (cumulative < 0) {
      payback = null;
    } else if (payback === null) {
      // before < 0 ≤ cumulative: crossed zero during flow k.
      const fraction = value === 0 ? 1 : -before / value;
      payback = Math.max(0, timeOf(k, timing) - 1 / ppy + fraction / ppy);
    }
  });
  return payback;
}

/** Simple (undiscounted) payback period in years, fractional; `null` if never. */
export function paybackPeriod(flows: readonly number[], timing: CashFlowTiming = {}): number | null {
  return paybackOf(flows, timing);
}

/** Discounted payback period in years at the annual `rate`, fractional; `null` if never. */
export function discountedPaybackPeriod(
  rate: number,
  flows: readonly number[],
  timing: CashFlowTiming = {},
): number | null {
  return paybackOf(
    flows.map((flow, k) => flow * Math.pow(1 + rate, -timeOf(k, timing))),
    timing,
  );
}

/**
 * Risk-adjusted NPV: benefits are earned only if the initiative succeeds (probability p), costs are paid regardless:
 * p · PV(positive flows) − PV(negative flows).
 */
export function riskAdjustedNpv(
  rate: number,
  flows: readonly number[],
  successProbability: number,
  timing: CashFlowTiming = {},
): number {
  const { benefits, costs } = presentValueParts(rate, flows, timing);
  return successProbability * benefits - costs;
}
