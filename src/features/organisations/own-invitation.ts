import type { Db } from '../../db/client.ts';
import { notFound } from '../../server/app-error.ts';
import { findInvitationById, type InvitationRow } from './repositories/invitations.ts';

/** The invitation `id` when it is addressed to `email`; 404 otherwise, as if it did not exist. */
export async function ownInvitation(db: Db, id: string, email: string): Promise<InvitationRow> {
  const row = await findInvitationById(db, id);
  if (!row || row.email !== email.toLowerCase()) throw notFound('Invitation');
  return row;
}
