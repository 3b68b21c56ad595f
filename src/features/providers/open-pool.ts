import { providerTypes } from '../../core/providers/classes.ts';
import { normaliseIndustry } from '../../core/providers/profile.ts';
import type { OpenPool } from '../../contracts/providers.ts';
import { forbidden } from '../../server/app-error.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import type { ProviderDeps } from './deps.ts';
import { refused, type Problem } from './problems.ts';
import { insertPool, type PoolRow } from './repository.ts';

/** Organisations that open pools: pilot authorities (and the platform, which administers every pilot). */
const OPENERS = ['authority', 'platform'];

/** An authority opens a pool: city-wide (a region) or per sub-industry, quotas per provider type of the pack. */
export async function openPool(deps: ProviderDeps, caller: MemberCaller, body: OpenPool): Promise<PoolRow> {
  if (!OPENERS.includes(caller.organisation.kind))
    throw forbidden(
      `Only an authority opens a provider pool; the organisation you act for is of kind ${caller.organisation.kind}`,
    );
  const known = new Set(providerTypes(deps.packs.classes).map((t) => t.id));
  const problems: Problem[] = [];
  for (const t of Object.keys(body.quotas))
    if (!known.has(t)) problems.push({ field: `quotas.${t}`, message: `unknown provider type "${t}"` });
  (body.types ?? []).forEach((t, i) => {
    if (!known.has(t)) problems.push({ field: `types.${i}`, message: `unknown provider type "${t}"` });
  });
  if (body.types)
    for (const t of Object.keys(body.quotas))
      if (known.has(t) && !body.types.includes(t))
        problems.push({ field: `quotas.${t}`, message: `a quota for ${t}, which the pool does not take` });
  let industry = body.industry;
  if (industry !== undefined) {
    const n = normaliseIndustry(industry);
    if (n === null)
      problems.push({
        field: 'industry',
        message: `"${industry}" is not a GB/T 4754 industry code (e.g. C3484)`,
      });
    else industry = n;
  }
  if (problems.length > 0) throw refused('invalid_pool', problems);
  const { requiredForPilot, ...definition } = body;
  return insertPool(
    deps.db,
    caller.tenant,
    caller.user.id,
    {
      definition: { ...definition, ...(industry !== undefined ? { industry } : {}) },
      requiredForPilot,
    },
    deps.audit,
  );
}
