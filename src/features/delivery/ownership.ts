import type { Ownership } from '../../server/access/ownership.ts';
import { hasProject } from './repository.ts';

/** `/api/projects/:id…`: the project must be the caller's organisation's (else 404, before the body is read). */
export const projectOwnership: Ownership = {
  path: '/api/projects/:id',
  param: 'id',
  what: 'Project',
  owns: (db, caller, id) => hasProject(db, caller.tenant, id),
};
