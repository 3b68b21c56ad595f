import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { PlanRepository } from './repository.ts';

/** Deletes the tenant's plan (404 for no such plan). */
export async function deletePlan(
  repo: Pick<PlanRepository, 'deletePlan'>,
  tenant: TenantId,
  planId: string,
): Promise<void> {
  if (!(await repo.deletePlan(tenant, planId))) throw notFound('Plan');
}
