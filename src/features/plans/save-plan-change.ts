import type { TenantId } from '../../server/access/tenant.ts';
import { orStale } from '../../server/versioned-save.ts';
import { found } from './load-plan.ts';
import { presentPlan } from './presenter.ts';
import type { PlanChange, PlanRecord, PlanRepository } from './repository.ts';
import type { StoredPlan } from './stored-plan.ts';

/**
 * One save under the plan's row lock (`changePlan`): `make` turns the locked record into the change. 404 for no such
 * plan; a stale one answers 409 stale_version with the plan as it is now.
 */
export function savePlanChange(
  repo: Pick<PlanRepository, 'changePlan' | 'findPlan'>,
  tenant: TenantId,
  id: string,
  make: (record: PlanRecord) => PlanChange,
): Promise<StoredPlan> {
  return orStale(
    'plan',
    async () => found(await repo.changePlan(tenant, id, make)),
    async () => presentPlan(found(await repo.findPlan(tenant, id))),
  );
}
