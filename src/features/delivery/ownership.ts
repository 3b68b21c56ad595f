import type { Ownership } from '../../server/access/ownership.ts';
import { invitationOwner, sharedProjectOwner } from './invitations-repository.ts';
import { hasProject } from './repository.ts';

/**
 * `/api/projects/:id…`: the project must be the caller's organisation's (else 404, before the body is read) — or,
 * on a route declared `shared: true`, one that invited the caller's (provider) organisation and whose invitation it
 * accepted and the enterprise has not revoked.
 */
export const projectOwnership: Ownership = {
  path: '/api/projects/:id',
  param: 'id',
  what: 'Project',
  owns: (db, caller, id) => hasProject(db, caller.tenant, id),
  sharedWith: (db, caller, id) => sharedProjectOwner(db, caller.tenant, id),
};

/**
 * `/api/project-invitations/:invitationId…`: an invitation is the enterprise's record, shared with the provider it is
 * addressed to (its routes are `shared: true`); anyone else gets 404.
 */
export const projectInvitationOwnership: Ownership = {
  path: '/api/project-invitations/:invitationId',
  param: 'invitationId',
  what: 'Invitation',
  owns: async () => false,
  sharedWith: (db, caller, id) => invitationOwner(db, caller.tenant, id),
};
