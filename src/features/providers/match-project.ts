import type { DerivedMatchRequest, MatchAnswer } from '../../contracts/providers.ts';
import { isRegionCode } from '../../core/providers/profile.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { projectForMatching } from '../delivery/provider-work-outcomes.ts';
import { organisationOf } from '../organisations/directory.ts';
import type { ProviderDeps } from './deps.ts';
import { matchProviders } from './match-providers.ts';

/** Providers for one of the tenant's projects: its scenario and total budget, the enterprise's region. */
export async function matchProject(
  deps: ProviderDeps,
  tenant: TenantId,
  projectId: string,
  body: DerivedMatchRequest,
): Promise<MatchAnswer> {
  const project = await projectForMatching(deps.db, tenant, projectId);
  const own = (await organisationOf(deps.db, tenant))?.regionCode;
  const region = body.region ?? (own && isRegionCode(own) ? own : undefined);
  return matchProviders(
    deps,
    {
      scenario: project.scenario,
      budget: body.budget ?? project.budget,
      ...(region ? { region } : {}),
      ...(body.industry ? { industry: body.industry } : {}),
      ...(body.poolId ? { poolId: body.poolId } : {}),
    },
    body.options,
    body.whyNot,
    'body',
  );
}
