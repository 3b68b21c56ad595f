/**
 * What every answer to an invitation shares: its code is stored hashed; it is answered only while pending; closing
 * it (accepted, declined, revoked) and, on acceptance, joining its organisation happen in one transaction under the
 * organisation's members lock and the invitation's row lock, so two answers cannot both close it.
 */
import { createHash } from 'node:crypto';
import { INVITATION_DAYS, type InvitationView } from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { lockMembersOf } from './locks.ts';
import {
  closeInvitation,
  findInvitationById,
  invitationStatus,
  joinByInvitation,
  lockInvitation,
  type InvitationClosing,
  type InvitationRow,
} from './repositories/invitations.ts';

/** The stored form of a code: its SHA-256, so a database leak hands out no invitations. */
export const hashInvitationCode = (code: string): string =>
  createHash('sha256').update(code.trim()).digest('base64url');

const closedMessages: Record<Exclude<InvitationView['status'], 'pending'>, string> = {
  accepted: 'This invitation has already been accepted',
  declined: 'This invitation was declined',
  revoked: 'This invitation was withdrawn by an administrator; ask them for a new one',
  expired: `This invitation has expired (after ${INVITATION_DAYS} days); ask an administrator for a new one`,
};

/** 409 invitation_closed, with the status in details, unless the invitation is pending at `now`. */
export function requirePending(row: InvitationRow, now: Date): void {
  const status = invitationStatus(row, now);
  if (status !== 'pending') {
    throw new AppError(409, 'invitation_closed', closedMessages[status], { status });
  }
}

const reread = async (db: Db, row: InvitationRow): Promise<InvitationRow> => {
  const fresh = await findInvitationById(db, row.id);
  if (!fresh) throw notFound('Invitation');
  return fresh;
};

/**
 * Close a pending invitation `how`; with `join`, make the user it returns a member with the invitation's role in
 * the same transaction (one already a member keeps their role). Returns the invitation as closed.
 */
export async function closePendingInvitation(
  db: Db,
  row: InvitationRow,
  how: InvitationClosing,
  now: Date,
  join?: (tx: Db) => Promise<string>,
): Promise<InvitationRow> {
  await db.transaction(async (tx) => {
    await lockMembersOf(tx, row.orgId);
    await lockInvitation(tx, row.id);
    requirePending(await reread(tx, row), now);
    if (join) await joinByInvitation(tx, row, await join(tx));
    await closeInvitation(tx, row.id, how, now);
  });
  return reread(db, row);
}
