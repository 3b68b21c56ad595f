import { forbidden, notFound } from '../../server/app-error.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import type { ProviderDeps } from './deps.ts';
import { loadProviderWorld, type ProviderRecord, type ProviderWorld } from './provider-world.ts';

/** One provider of the directory with every pool (for its standings), or 404. */
export async function showProvider(
  deps: ProviderDeps,
  id: string,
): Promise<{ world: ProviderWorld; provider: ProviderRecord }> {
  const world = await loadProviderWorld(deps, [id]);
  const provider = world.providers[0];
  if (!provider) throw notFound('Provider');
  return { world, provider };
}

/** The caller's own profile: only a service-provider organisation has one (403 for any other kind). */
export async function showOwnProfile(
  deps: ProviderDeps,
  caller: MemberCaller,
): Promise<{ world: ProviderWorld; provider: ProviderRecord }> {
  requireProvider(caller);
  return showProvider(deps, caller.tenant);
}

export function requireProvider(caller: MemberCaller): void {
  if (caller.organisation.kind !== 'service_provider')
    throw forbidden(
      `Only a service-provider organisation has a provider profile; the organisation you act for is of kind ${caller.organisation.kind}`,
    );
}
