import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../app-error.ts';
import type { MemberCaller } from './caller.ts';
import { findOrganisationPlace, type OrganisationPlace } from './caller-store.ts';
import { grantTenant } from './grant-tenant.ts';
import { manages } from './manages.ts';
import type { TenantId } from './tenant.ts';

/** The organisation `orgId` when the calling member's organisation manages it; undefined otherwise. */
export async function managedOrganisation(
  db: Db,
  caller: MemberCaller,
  orgId: string,
): Promise<OrganisationPlace | undefined> {
  const target =
    orgId === caller.organisation.id ? caller.organisation : await findOrganisationPlace(db, orgId);
  return target && manages(caller.organisation, target) ? target : undefined;
}

/**
 * The organisation `orgId` as a tenant the calling administrator may act on: their own, a direct child, or any
 * when they administer the platform. Any other answers 404, as if it did not exist, so that ids of organisations
 * one does not manage cannot be probed.
 */
export async function managedTenant(
  db: Db,
  caller: MemberCaller,
  orgId: string,
): Promise<{ tenant: TenantId; organisation: OrganisationPlace }> {
  if (caller.role !== 'admin') throw forbidden('Only administrators manage organisations and members');
  const target = await managedOrganisation(db, caller, orgId);
  if (!target) throw notFound('Organisation');
  return { tenant: grantTenant(target.id), organisation: target };
}
