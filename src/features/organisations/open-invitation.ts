import type { Db } from '../../db/client.ts';
import { notFound } from '../../server/app-error.ts';
import { hashInvitationCode, requirePending } from './invitation-closing.ts';
import { findInvitationByCode, type InvitationRow } from './repositories/invitations.ts';

/**
 * The pending invitation a one-time code opens, for whoever holds the code (it says nothing about whether the email
 * has an account); 404 for an unknown code, 409 invitation_closed when it is no longer pending.
 */
export async function invitationByCode(db: Db, code: string, now = new Date()): Promise<InvitationRow> {
  const row = await findInvitationByCode(db, hashInvitationCode(code));
  if (!row) throw notFound('Invitation', { field: 'code' });
  requirePending(row, now);
  return row;
}
