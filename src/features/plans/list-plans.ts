import type { TenantId } from '../../server/access/tenant.ts';
import type { PlanRepository } from './repository.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

/** The tenant's plans, last changed first. */
export async function listPlans(
  repo: Pick<PlanRepository, 'listPlans'>,
  tenant: TenantId,
): Promise<StoredPlan[]> {
  return (await repo.listPlans(tenant)).map(readPlan);
}
