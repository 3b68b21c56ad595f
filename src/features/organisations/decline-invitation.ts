import type { Db } from '../../db/client.ts';
import { closePendingInvitation } from './invitation-closing.ts';
import { invitationByCode } from './open-invitation.ts';
import { ownInvitation } from './own-invitation.ts';
import type { InvitationRow } from './repositories/invitations.ts';

/** The signed-in user declines an invitation to their own email: nothing else changes. */
export async function declineInvitation(
  db: Db,
  id: string,
  user: { email: string },
  now = new Date(),
): Promise<InvitationRow> {
  return closePendingInvitation(db, await ownInvitation(db, id, user.email), 'declinedAt', now);
}

/** Whoever holds the code declines the invitation. */
export async function declineInvitationByCode(
  db: Db,
  code: string,
  now = new Date(),
): Promise<InvitationRow> {
  return closePendingInvitation(db, await invitationByCode(db, code, now), 'declinedAt', now);
}
