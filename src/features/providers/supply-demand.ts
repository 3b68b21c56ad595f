import { supplyDemand, type DemandItem } from '../../core/providers/supply-demand.ts';
import type { SupplyDemandView } from '../../contracts/providers.ts';
import { badRequest, forbidden } from '../../server/app-error.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import type { ProviderDeps } from './deps.ts';
import { candidatesOf, loadProviderWorld } from './provider-world.ts';
import { demandPlans } from './repository.ts';

interface StoredInitiative {
  id: string;
  scenario: string;
}

/**
 * An authority's supply against demand: the scenarios the plans of the enterprises under it need (the solved
 * schedule's initiatives, or every initiative of a plan not solved yet) against the providers covering them — every
 * provider, or the members in standing of `poolId` — and the scenarios no provider covers.
 */
export async function authoritySupplyDemand(
  deps: ProviderDeps,
  caller: MemberCaller,
  poolId: string | undefined,
): Promise<SupplyDemandView> {
  const kind = caller.organisation.kind;
  if (kind !== 'authority' && kind !== 'platform')
    throw forbidden(
      `Supply against demand is an authority's view; the organisation you act for is of kind ${kind}`,
    );
  const [plans, world] = await Promise.all([
    demandPlans(deps.db, kind === 'platform' ? null : caller.tenant),
    loadProviderWorld(deps),
  ]);
  if (poolId !== undefined && !world.pools.some((p) => p.row.pool.id === poolId))
    throw badRequest(`poolId: no pool ${poolId}`);
  const demand: DemandItem[] = [];
  for (const plan of plans) {
    const initiatives = (plan.initiatives as StoredInitiative[] | null) ?? [];
    const schedule = (plan.solution as { result?: { schedule?: { id: string }[] } } | null)?.result?.schedule;
    const needed = schedule && schedule.length > 0 ? new Set(schedule.map((s) => s.id)) : null;
    for (const i of initiatives)
      if (needed === null || needed.has(i.id))
        demand.push({ scenario: i.scenario, enterpriseId: plan.orgId, initiativeId: `${plan.id}/${i.id}` });
  }
  const candidates = candidatesOf(world);
  return {
    ...supplyDemand(demand, candidates, poolId === undefined ? {} : { poolId }),
    enterprises: new Set(plans.map((p) => p.orgId)).size,
    providers: candidates.length,
    poolId: poolId ?? null,
  };
}
