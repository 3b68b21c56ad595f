import { MEMBER_STATES } from '../../core/providers/membership.ts';
import { AppError } from '../../server/app-error.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { ProviderDeps } from './deps.ts';
import { standingsOf } from './presenter.ts';
import { loadProviderWorld } from './provider-world.ts';
import { ancestorIds } from './repository.ts';

export interface PilotPoolEligibility {
  providerId: string;
  eligible: boolean;
  /** the pools of the enterprise's pilot that require their members, and whether the provider stands in each */
  requiredPools: { poolId: string; name: string; member: boolean }[];
  message: string;
}

/**
 * Whether the enterprise may engage the provider under its pilot's rules: every pool opened by an authority above
 * the enterprise that requires the pool (`requiredForPilot`) must have the provider as a member in standing
 * (admitted, warned or under rectification) — one of them suffices. No such pool: any provider.
 */
export async function pilotPoolEligibility(
  deps: ProviderDeps,
  enterprise: TenantId,
  providerId: string,
): Promise<PilotPoolEligibility> {
  const [above, world] = await Promise.all([
    ancestorIds(deps.db, enterprise),
    loadProviderWorld(deps, [providerId]),
  ]);
  const name = world.providers[0]?.org.name ?? providerId;
  const standing = standingsOf(providerId, world.pools);
  const requiredPools = world.pools
    .filter((p) => p.row.pool.requiredForPilot && above.includes(p.row.pool.orgId))
    .map((p) => ({
      poolId: p.row.pool.id,
      name: p.state.pool.name ?? p.row.pool.id,
      member: standing.some((s) => s.poolId === p.row.pool.id && MEMBER_STATES.includes(s.state)),
    }));
  const eligible = requiredPools.length === 0 || requiredPools.some((p) => p.member);
  const message = eligible
    ? requiredPools.length === 0
      ? `no pool of your pilot requires its members: ${name} may be engaged`
      : `${name} is a member of ${requiredPools
          .filter((p) => p.member)
          .map((p) => `“${p.name}”`)
          .join(', ')}`
    : `${name} is not a member of ${requiredPools.map((p) => `“${p.name}”`).join(' or ')}, which your pilot requires`;
  return { providerId, eligible, requiredPools, message };
}

/**
 * For the use case that invites a provider to a project: 409 provider_not_in_pool, naming the provider and the
 * pools, when the pilot requires a pool the provider is not a member of. Nothing is written here.
 */
export async function requirePilotPoolMember(
  deps: ProviderDeps,
  enterprise: TenantId,
  providerId: string,
): Promise<void> {
  const e = await pilotPoolEligibility(deps, enterprise, providerId);
  if (!e.eligible)
    throw new AppError(409, 'provider_not_in_pool', `${e.message}; nothing was changed`, {
      providerId,
      requiredPools: e.requiredPools,
    });
}
