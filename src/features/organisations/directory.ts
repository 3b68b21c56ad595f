/**
 * What other features read of the organisation they act for — its name, kind and members — through this use case
 * rather than the organisations repository (ESLint's `tupu/no-foreign-repository`). Organisations, users and
 * memberships are the platform's shared reference tables; only this feature writes them.
 */
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import {
  findOrganisation,
  listMembers,
  type MemberRow,
  type OrganisationRow,
} from './repositories/organisations.ts';

export type { MemberRow, OrganisationRow };

/** The tenant's own organisation (undefined once deleted). */
export const organisationOf = (db: Db, tenant: TenantId): Promise<OrganisationRow | undefined> =>
  findOrganisation(db, tenant);

/** The tenant's members, with their roles. */
export const membersOf = (db: Db, tenant: TenantId): Promise<MemberRow[]> => listMembers(db, tenant);
