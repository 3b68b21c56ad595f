import type { Ownership } from '../../server/access/ownership.ts';
import { findProviderOrg, poolExists } from './repository.ts';

/**
 * `/api/providers/:id…`: a provider organisation. The directory is published to every member (a provider's profile
 * is what it shows enterprises), so any existing provider is found; what each caller may see of its grade is the
 * use case's (provider-grade.ts).
 */
export const providerOwnership: Ownership = {
  path: '/api/providers/:id',
  param: 'id',
  what: 'Provider',
  owns: async (db, _caller, id) => (await findProviderOrg(db, id)) !== undefined,
};

/**
 * `/api/pools/:id…`: a pool. Pools are published (providers apply to another organisation's pool, enterprises read
 * its members), so any existing pool is found; who may take which step, and what each caller sees of the
 * applications, is decided by the use cases (step-pool.ts, presenter.ts).
 */
export const poolOwnership: Ownership = {
  path: '/api/pools/:id',
  param: 'id',
  what: 'Pool',
  owns: (db, _caller, id) => poolExists(db, id),
};
