import {
  buildMatchIndex,
  matchProviders as rank,
  whyNot as explain,
  type MatchInitiative,
  type MatchOptions,
} from '../../core/providers/matching.ts';
import { providerTypes } from '../../core/providers/classes.ts';
import { normaliseIndustry } from '../../core/providers/profile.ts';
import type { MatchAnswer } from '../../contracts/providers.ts';
import type { ProviderDeps } from './deps.ts';
import { refused, type Problem } from './problems.ts';
import { candidatesOf, loadProviderWorld } from './provider-world.ts';
import { atlasScenarios } from './save-profile.ts';

/**
 * Providers ranked for one initiative, each score broken down by factor (at least five where five pass the
 * filters), and — when asked — why a named provider is not (higher) in the list. The index is built once for the
 * request over every provider with a profile; `where` names the request's place for the problems (`initiative`).
 */
export async function matchProviders(
  deps: ProviderDeps,
  initiative: MatchInitiative,
  options: MatchOptions = {},
  whyNotId?: string,
  where = 'initiative',
): Promise<MatchAnswer> {
  const problems: Problem[] = [];
  const scenarios = atlasScenarios(deps);
  if (scenarios && !scenarios.has(initiative.scenario))
    problems.push({
      field: `${where}.scenario`,
      message: `unknown scenario code "${initiative.scenario}" (not in the atlas)`,
    });
  let industry = initiative.industry;
  if (industry !== undefined) {
    const n = normaliseIndustry(industry);
    if (n === null)
      problems.push({
        field: `${where}.industry`,
        message: `"${industry}" is not a GB/T 4754 industry code (e.g. C3484)`,
      });
    else industry = n;
  }
  const types = new Set(providerTypes(deps.packs.classes).map((t) => t.id));
  (options.filters?.types ?? []).forEach((t, i) => {
    if (!types.has(t))
      problems.push({ field: `options.filters.types.${i}`, message: `unknown provider type "${t}"` });
  });
  if (options.weights && Object.values(options.weights).every((w) => w === 0))
    problems.push({ field: 'options.weights', message: 'at least one weight must be above 0' });
  const world = await loadProviderWorld(deps);
  if (initiative.poolId !== undefined && !world.pools.some((p) => p.row.pool.id === initiative.poolId))
    problems.push({ field: `${where}.poolId`, message: `no pool ${initiative.poolId}` });
  if (problems.length > 0) throw refused('invalid_match', problems);

  const asked: MatchInitiative = { ...initiative, ...(industry !== undefined ? { industry } : {}) };
  const index = buildMatchIndex(candidatesOf(world));
  try {
    return {
      result: rank(index, asked, options),
      whyNot: whyNotId === undefined ? null : explain(index, asked, whyNotId, options),
    };
  } catch (err) {
    // the domain refuses weights that leave nothing to score (every applicable weight 0)
    if (err instanceof Error && /weight/.test(err.message))
      throw refused('invalid_match', [{ field: 'options.weights', message: err.message }]);
    throw err;
  }
}
