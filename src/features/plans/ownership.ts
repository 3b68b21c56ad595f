import type { Ownership } from '../../server/access/ownership.ts';
import { hasPlan } from './repository.ts';

/** `/api/plans/:id…`: the plan must be the caller's organisation's (else 404, before the body is read). */
export const planOwnership: Ownership = {
  path: '/api/plans/:id',
  param: 'id',
  what: 'Plan',
  owns: (db, caller, id) => hasPlan(db, caller.tenant, id),
};
