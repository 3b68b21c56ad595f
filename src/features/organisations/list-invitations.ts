import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import {
  listPendingForEmail,
  listPendingForOrganisation,
  type InvitationRow,
} from './repositories/invitations.ts';

/** Pending invitations to a managed organisation, oldest first. */
export const pendingInvitationsTo = (db: Db, tenant: TenantId, now: Date): Promise<InvitationRow[]> =>
  listPendingForOrganisation(db, tenant, now);

/** The signed-in user's pending invitations (to the email they are signed in with), oldest first. */
export const pendingInvitationsFor = (db: Db, user: { email: string }, now: Date): Promise<InvitationRow[]> =>
  listPendingForEmail(db, user.email, now);
