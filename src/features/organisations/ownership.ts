import { managedOrganisation } from '../../server/access/managed-tenant.ts';
import type { Ownership } from '../../server/access/ownership.ts';

/**
 * `/api/organisations/:orgId…`: an organisation the calling administrator manages — their own, a direct child, or
 * any for the platform's (else 404, before the body is read).
 */
export const organisationOwnership: Ownership = {
  path: '/api/organisations/:orgId',
  param: 'orgId',
  what: 'Organisation',
  owns: async (db, caller, id) => (await managedOrganisation(db, caller, id)) !== undefined,
};
