import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { PlanRecord, PlanRepository } from './repository.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

/** The tenant's plan, or 404 (another organisation's plan does not exist for the caller). */
export async function loadPlan(
  repo: Pick<PlanRepository, 'findPlan'>,
  tenant: TenantId,
  id: string,
): Promise<StoredPlan> {
  return found(await repo.findPlan(tenant, id));
}

/** The plan read from a record a save or a read returned, or 404 when there was none. */
export function found(record: PlanRecord | undefined): StoredPlan {
  if (!record) throw notFound('Plan');
  return readPlan(record);
}
