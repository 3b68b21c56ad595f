/** Removes a risk from a plan's register (404 for no such plan or risk). */
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { PlanChange, PlanRecord, PlanRepository } from './repository.ts';
import { savePlanChange } from './save-plan-change.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

export function removeRisk(
  repo: Pick<PlanRepository, 'changePlan' | 'findPlan'>,
  tenant: TenantId,
  planId: string,
  riskId: string,
): Promise<StoredPlan> {
  return savePlanChange(repo, tenant, planId, (record) => riskRemove(record, riskId));
}

export function riskRemove(record: PlanRecord, riskId: string): PlanChange {
  const plan = readPlan(record);
  if (!plan.risks.some((r) => r.id === riskId)) throw notFound('Risk');
  return {
    patch: { risks: plan.risks.filter((r) => r.id !== riskId) },
    parts: [`risks.${riskId}`],
    touchesInputs: true,
  };
}
