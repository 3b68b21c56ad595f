import type { TenantId } from '../../server/access/tenant.ts';
import { loadPlan } from './load-plan.ts';
import { planFamily } from './planning-domain.ts';
import type { PlanRepository } from './repository.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

/** The plan with its what-if family: its original and every copy of either. */
export async function comparePlans(
  repo: Pick<PlanRepository, 'findPlan' | 'listPlans'>,
  tenant: TenantId,
  planId: string,
): Promise<{ base: StoredPlan; family: StoredPlan[] }> {
  const base = await loadPlan(repo, tenant, planId);
  const family = planFamily(await repo.listPlans(tenant), base.record.id);
  return { base, family: family.map(readPlan) };
}
