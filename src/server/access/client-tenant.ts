/**
 * An enterprise a member may write in while the session acts for another organisation (a consultant at their
 * provider starting a client's assessment from the portfolio, without switching first), by the same organisation
 * rules as everywhere: the user is an editor or administrator of the enterprise themselves, or an administrator of
 * the session's organisation, which manages it (`manages`: a direct child; any for the platform). Every refusal says
 * why; the caller has checked that the enterprise is theirs to see at all (else 404 there).
 */
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../app-error.ts';
import { canWrite } from './access-level.ts';
import type { MemberCaller } from './caller.ts';
import { findMembership, findOrganisationPlace, type OrganisationPlace } from './caller-store.ts';
import { grantTenant } from './grant-tenant.ts';
import { manages } from './manages.ts';
import type { TenantId } from './tenant.ts';

/** How the caller's right on the enterprise comes: their own membership, or their organisation managing it. */
export type ClientRight = 'member' | 'manager';

export async function writableClientTenant(
  db: Db,
  caller: MemberCaller,
  orgId: string,
): Promise<{ tenant: TenantId; organisation: OrganisationPlace; right: ClientRight }> {
  const membership = await findMembership(db, orgId, caller.user.id);
  if (membership && canWrite(membership.role)) {
    return { tenant: grantTenant(orgId), organisation: membership.organisation, right: 'member' };
  }
  const target = membership?.organisation ?? (await findOrganisationPlace(db, orgId));
  if (!target) throw notFound('Organisation');
  if (caller.role === 'admin' && manages(caller.organisation, target)) {
    return { tenant: grantTenant(orgId), organisation: target, right: 'manager' };
  }
  if (membership) {
    throw new AppError(
      403,
      'client_viewer',
      'You are a viewer of this enterprise; starting an assessment needs an editor or administrator role in it',
    );
  }
  if (caller.role === 'admin') {
    throw new AppError(
      403,
      'client_not_managed',
      'Your organisation does not manage this enterprise directly and you are not a member of it; ' +
        'ask its administrator to invite you as an editor',
    );
  }
  throw new AppError(
    403,
    'client_not_member',
    'You are not a member of this enterprise, and only administrators of your organisation act for the ' +
      'enterprises it manages; ask the enterprise to invite you as an editor',
  );
}
