import type { DerivedMatchRequest, MatchAnswer } from '../../contracts/providers.ts';
import { notFound } from '../../server/app-error.ts';
import { isRegionCode } from '../../core/providers/profile.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { organisationOf } from '../organisations/directory.ts';
import { planForDelivery } from '../plans/plan-for-delivery.ts';
import type { ProviderDeps } from './deps.ts';
import { matchProviders } from './match-providers.ts';

/**
 * Providers for one initiative of the tenant's plan: its scenario and build cost (capex, 万元) from the plan, the
 * region of the enterprise unless the request names one, the industry and pool the request gives.
 */
export async function matchPlanInitiative(
  deps: ProviderDeps,
  tenant: TenantId,
  planId: string,
  initiativeId: string,
  body: DerivedMatchRequest,
): Promise<MatchAnswer> {
  const plan = await planForDelivery(deps.db, tenant, planId);
  const initiative = plan.initiatives.find((i) => i.id === initiativeId);
  if (!initiative) throw notFound(`Initiative ${initiativeId} of plan “${plan.title}”`);
  const own = (await organisationOf(deps.db, tenant))?.regionCode;
  const region = body.region ?? (own && isRegionCode(own) ? own : undefined);
  return matchProviders(
    deps,
    {
      scenario: initiative.scenario,
      budget: body.budget ?? initiative.capex,
      ...(region ? { region } : {}),
      ...(body.industry ? { industry: body.industry } : {}),
      ...(body.poolId ? { poolId: body.poolId } : {}),
    },
    body.options,
    body.whyNot,
    'body',
  );
}
