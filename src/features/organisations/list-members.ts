import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import {
  findOrganisation,
  listMembers,
  type MemberRow,
  type OrganisationRow,
} from './repositories/organisations.ts';

/** A managed organisation and its members, oldest membership first; 404 when it is gone. */
export async function listMembersOf(
  db: Db,
  tenant: TenantId,
): Promise<{ organisation: OrganisationRow; members: MemberRow[] }> {
  const [organisation, members] = await Promise.all([findOrganisation(db, tenant), listMembers(db, tenant)]);
  if (!organisation) throw notFound('Organisation');
  return { organisation, members };
}
