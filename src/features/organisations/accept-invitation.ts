import type { Db } from '../../db/client.ts';
import { closePendingInvitation } from './invitation-closing.ts';
import { ownInvitation } from './own-invitation.ts';
import type { InvitationRow } from './repositories/invitations.ts';

/**
 * The signed-in user accepts an invitation to their own email: they become a member with its role. 404 for an
 * invitation to another email, 409 invitation_closed when it is no longer pending.
 */
export async function acceptInvitation(
  db: Db,
  id: string,
  user: { id: string; email: string },
  now = new Date(),
): Promise<InvitationRow> {
  const row = await ownInvitation(db, id, user.email);
  return closePendingInvitation(db, row, 'acceptedAt', now, async () => user.id);
}
