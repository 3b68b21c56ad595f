/**
 * Adds a risk to a plan's register, with the next free id R<n>. The id is chosen from the register as stored, under
 * the plan's row lock (`changePlan`): two adds at the same time run one after the other, neither is lost and each
 * gets its own id.
 */
import type { RiskInput } from '../../contracts/planning.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { nextRiskId } from './planning-domain.ts';
import type { PlanChange, PlanRecord, PlanRepository } from './repository.ts';
import { checkedRisks, riskEntry } from './risk-entry.ts';
import { savePlanChange } from './save-plan-change.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

export function addRisk(
  repo: Pick<PlanRepository, 'changePlan' | 'findPlan'>,
  tenant: TenantId,
  planId: string,
  input: RiskInput,
): Promise<StoredPlan> {
  return savePlanChange(repo, tenant, planId, (record) => riskAdd(record, input));
}

/** The change adding `input` to the register stored in `record`. */
export function riskAdd(record: PlanRecord, input: RiskInput): PlanChange {
  const plan = readPlan(record);
  const id = nextRiskId(plan.risks);
  return {
    patch: { risks: checkedRisks(plan, [...plan.risks, riskEntry(id, input)]) },
    parts: [`risks.${id}`],
    touchesInputs: true,
  };
}
