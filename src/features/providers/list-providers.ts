import { MEMBER_STATES } from '../../core/providers/membership.ts';
import { normaliseIndustry, regionCovers } from '../../core/providers/profile.ts';
import type { ProviderDirectoryQuery } from '../../contracts/providers.ts';
import type { ProviderDeps } from './deps.ts';
import { standingsOf } from './presenter.ts';
import { loadProviderWorld, type ProviderRecord, type ProviderWorld } from './provider-world.ts';

/** Whether one declared industry and the one asked for are the same or one contains the other (C34 ⊃ C3484). */
function industryFits(declared: string, asked: string): boolean {
  const a = normaliseIndustry(declared);
  const b = normaliseIndustry(asked);
  return a !== null && b !== null && (a.startsWith(b) || b.startsWith(a));
}

/** The directory: every provider organisation, filtered by name, type, scenario, industry, region and pool. */
export async function listProviders(
  deps: ProviderDeps,
  query: ProviderDirectoryQuery,
): Promise<{ world: ProviderWorld; providers: ProviderRecord[] }> {
  const world = await loadProviderWorld(deps);
  const q = query.q?.toLowerCase();
  const providers = world.providers.filter(({ org, profile }) => {
    if (q && !org.name.toLowerCase().includes(q)) return false;
    if (query.type && !profile.types.includes(query.type)) return false;
    const scenario = query.scenario;
    if (
      scenario &&
      !profile.capabilities.includes(scenario) &&
      !profile.products.some((p) => p.scenarios.includes(scenario))
    )
      return false;
    const industry = query.industry;
    if (industry && !profile.industries.some((i) => industryFits(i, industry))) return false;
    const region = query.region;
    if (region && !profile.regions.some((r) => regionCovers(r, region))) return false;
    if (
      query.poolId &&
      !standingsOf(org.id, world.pools).some(
        (s) => s.poolId === query.poolId && MEMBER_STATES.includes(s.state),
      )
    )
      return false;
    return true;
  });
  return { world, providers };
}
