import { notFound } from '../../server/app-error.ts';
import type { ProviderDeps } from './deps.ts';
import { poolStateOf, type LoadedPool } from './provider-world.ts';
import { listPoolsWithSteps, listProviderRows } from './repository.ts';

/** Pools (every one, or the one named: 404 when none) with the names of the providers in them. */
export async function listPools(
  deps: ProviderDeps,
  id?: string,
): Promise<{ pools: LoadedPool[]; names: Map<string, string> }> {
  const rows = await listPoolsWithSteps(deps.db, id === undefined ? undefined : [id]);
  if (id !== undefined && rows.length === 0) throw notFound('Pool');
  const pools = rows.map((row) => ({ row, state: poolStateOf(row) }));
  const ids = [...new Set(pools.flatMap((p) => p.state.memberships.map((m) => m.providerId)))];
  const names = new Map((await listProviderRows(deps.db, ids)).map((r) => [r.org.id, r.org.name]));
  return { pools, names };
}
