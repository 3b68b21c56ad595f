/**
 * Value of starting an initiative in a given period — the objective coefficient of the plan model:
 *
 *   δ(τ) = (1 + r)^(−(τ+1)/ppy)                          (a period's flows fall at its end)
 *   v(i,s) = p_i · (B_i/ppy) · Σ_{τ=s+d_i}^{s+d_i+L·ppy−1} δ(τ)  −  (C_i/d_i) · Σ_{τ=s}^{s+d_i−1} δ(τ)
 *
 * Benefits may run past the horizon. Because δ(τ+s) = δ(τ)·(1+r)^(−s/ppy), v(i,s) = v(i,0)·(1+r)^(−s/ppy): the sign
 * of v does not depend on the start, and a positive initiative is worth most when started earliest.
 */
import type { CashFlowTiming } from './finance.ts';
import {
  benefitCostRatio,
  discountedPaybackPeriod,
  irr,
  npv,
  paybackPeriod,
  riskAdjustedNpv,
} from './finance.ts';
import type { PlanInitiative, PlanInstance } from './plan-instance.ts';

export function discountFactor(instance: PlanInstance, period: number): number {
  return Math.pow(1 + instance.discountRate, -(period + 1) / instance.periodsPerYear);
}

export function benefitPeriods(instance: PlanInstance): number {
  return Math.round(instance.benefitYears * instance.periodsPerYear);
}

function discountSum(instance: PlanInstance, from: number, count: number): number {
  let total = 0;
  for (let tau = from; tau < from + count; tau++) total += discountFactor(instance, tau);
  return total;
}

/** v(i, s), risk-adjusted by the success probability. */
export function startValue(instance: PlanInstance, initiative: PlanInitiative, start: number): number {
  const d = initiative.duration;
  const benefit =
    initiative.successProbability *
    (initiative.annualBenefit / instance.periodsPerYear) *
    discountSum(instance, start + d, benefitPeriods(instance));
  const cost = (initiative.cost / d) * discountSum(instance, start, d);
  return benefit - cost;
}

/** Per-period cash flows of an initiative started in period 0 (cost during the build, benefits after), success assumed. */
export function initiativeCashFlows(instance: PlanInstance, initiative: PlanInitiative): number[] {
  const d = initiative.duration;
  const flows: number[] = [];
  for (let k = 0; k < d; k++) flows.push(-initiative.cost / d);
  for (let k = 0; k < benefitPeriods(instance); k++)
    flows.push(initiative.annualBenefit / instance.periodsPerYear);
  return flows;
}

export interface InitiativeAppraisal {
  readonly id: string;
  /** NPV if the initiative succeeds, started now. */
  readonly npv: number;
  /** p · PV(benefits) − PV(costs), started now; equals startValue(…, 0). */
  readonly riskAdjustedNpv: number;
  /** Annual rate; null when NPV never changes sign. */
  readonly irr: number | null;
  readonly paybackYears: number | null;
  readonly discountedPaybackYears: number | null;
  readonly benefitCostRatio: number | null;
}

/** ROI figures of one initiative started in period 0, with the plan's rate, period length and benefit years. */
export function appraiseInitiative(instance: PlanInstance, initiative: PlanInitiative): InitiativeAppraisal {
  const flows = initiativeCashFlows(instance, initiative);
  const timing: CashFlowTiming = { periodsPerYear: instance.periodsPerYear, offset: 1 };
  const rate = instance.discountRate;
  return {
    id: initiative.id,
    npv: npv(rate, flows, timing),
    riskAdjustedNpv: riskAdjustedNpv(rate, flows, initiative.successProbability, timing),
    irr: irr(flows, timing),
    paybackYears: paybackPeriod(flows, timing),
    discountedPaybackYears: discountedPaybackPeriod(rate, flows, timing),
    benefitCostRatio: benefitCostRatio(rate, flows, timing),
  };
}
