/**
 * 组织与成员 — invitations. An administrator invites by email and gets a one-time code, shown once; the answer is
 * the same whether or not the email has an account, and nobody becomes a member until the invitee accepts: signed
 * in as the invited email, or with the code and the password of that email's account, or — for an email without
 * an account — with the code and the name and password of the account to create. An invitation is pending until
 * it is accepted, declined, revoked, or INVITATION_DAYS have passed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { INVITATION_DAYS, type InvitationView } from '../../contracts/organisations.ts';
import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { addMembership, createUser, findUserByEmail } from '../../server/sessions/accounts.ts';
import {
  closeInvitation,
  findInvitation,
  findInvitationByCode,
  insertInvitation,
  invitationStatus,
  lockInvitation,
  revokePendingFor,
  type InvitationClosing,
  type InvitationRow,
} from './repositories/invitations.ts';
import { findMember, findMemberByEmail, lockForTransaction } from './repositories/organisations.ts';
import { AppError, badRequest, notFound } from '../../server/app-error.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-policy.ts';

export function presentInvitation(row: InvitationRow, now = new Date()): InvitationView {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    orgKind: row.orgKind,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

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
function requirePending(row: InvitationRow, now: Date): void {
  const status = invitationStatus(row, now);
  if (status !== 'pending') {
    throw new AppError(409, 'invitation_closed', closedMessages[status], { status });
  }
}

const reread = async (db: Db, row: InvitationRow): Promise<InvitationRow> => {
  const fresh = await findInvitation(db, row.id, row.orgId);
  if (!fresh) throw notFound('Invitation');
  return fresh;
};

export interface IssuedInvitation {
  invitation: InvitationRow;
  /** the one-time code: returned once, stored only hashed */
  code: string;
}

/**
 * Invite `email` to the organisation with `role`. The same work and the same answer whether or not the email has
 * an account; a pending invitation of the same email to the organisation is revoked (its code stops working).
 * 409 already_member when the email is already a member (which the members list shows anyway).
 */
export async function issueInvitation(
  db: Db,
  input: { orgId: string; email: string; role: Role; invitedBy: string },
  now = new Date(),
): Promise<IssuedInvitation> {
  const email = input.email.trim().toLowerCase();
  const code = randomBytes(32).toString('base64url');
  const id = await db.transaction(async (tx) => {
    await lockForTransaction(tx, `members:${input.orgId}`);
    if (await findMemberByEmail(tx, input.orgId, email)) {
      throw new AppError(409, 'already_member', `${email} is already a member of this organisation`, {
        field: 'email',
      });
    }
    await revokePendingFor(tx, input.orgId, email, now);
    return insertInvitation(tx, {
      orgId: input.orgId,
      email,
      role: input.role,
      codeHash: hashInvitationCode(code),
      invitedBy: input.invitedBy,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
  });
  const invitation = await findInvitation(db, id, input.orgId);
  if (!invitation) throw new Error(`invitation ${id} vanished after its creation`);
  return { invitation, code };
}

/** The invitation a code opens; 404 for an unknown code, 409 when it is no longer pending. */
export async function invitationByCode(db: Db, code: string, now = new Date()): Promise<InvitationRow> {
  const row = await findInvitationByCode(db, hashInvitationCode(code));
  if (!row) throw notFound('Invitation', { field: 'code' });
  requirePending(row, now);
  return row;
}

/** The invitation `id` when it is addressed to `email`; 404 otherwise, as if it did not exist. */
async function ownInvitation(db: Db, id: string, email: string): Promise<InvitationRow> {
  const row = await findInvitation(db, id);
  if (!row || row.email !== email.toLowerCase()) throw notFound('Invitation');
  return row;
}

/** Close a pending invitation; with `join`, make `userId` a member with its role in the same transaction. */
async function close(
  db: Db,
  row: InvitationRow,
  how: InvitationClosing,
  now: Date,
  join?: (tx: Db) => Promise<string>,
): Promise<InvitationRow> {
  await db.transaction(async (tx) => {
    await lockForTransaction(tx, `members:${row.orgId}`);
    await lockInvitation(tx, row.orgId, row.id);
    requirePending(await reread(tx, row), now);
    if (join) {
      const userId = await join(tx);
      if (!(await findMember(tx, row.orgId, userId))) {
        await addMembership(tx, { orgId: row.orgId, userId, role: row.role });
      }
    }
    await closeInvitation(tx, row.orgId, row.id, how, now);
  });
  return reread(db, row);
}

/** The signed-in user accepts an invitation to their own email: they become a member with its role. */
export async function acceptInvitation(
  db: Db,
  id: string,
  user: { id: string; email: string },
  now = new Date(),
): Promise<InvitationRow> {
  const row = await ownInvitation(db, id, user.email);
  return close(db, row, 'acceptedAt', now, async () => user.id);
}

/** The signed-in user declines an invitation to their own email: nothing else changes. */
export async function declineInvitation(
  db: Db,
  id: string,
  email: string,
  now = new Date(),
): Promise<InvitationRow> {
  return close(db, await ownInvitation(db, id, email), 'declinedAt', now);
}

/** Whoever holds the code declines the invitation. */
export async function declineInvitationByCode(
  db: Db,
  code: string,
  now = new Date(),
): Promise<InvitationRow> {
  return close(db, await invitationByCode(db, code, now), 'declinedAt', now);
}

/** An administrator withdraws a pending invitation to their organisation; 404 when it is not one of its own. */
export async function revokeInvitation(db: Db, orgId: string, id: string, now = new Date()): Promise<void> {
  const row = await findInvitation(db, id, orgId);
  if (!row) throw notFound('Invitation');
  await close(db, row, 'revokedAt', now);
}

/**
 * Accept with the code, not signed in. When the invited email has an account, `password` must be that account's
 * (401 invalid_credentials otherwise, and nothing changes); when it has none, the account is created with
 * `displayName` and `password` (400 naming the field when one is missing or too weak) — its own password, not a
 * one-time one. Returns the accepted invitation; the invitee then signs in as usual.
 */
export async function redeemInvitation(
  db: Db,
  input: { code: string; password: string; displayName?: string | undefined },
  now = new Date(),
): Promise<InvitationRow> {
  const row = await invitationByCode(db, input.code, now);
  const existing = await findUserByEmail(db, row.email);
  if (existing) {
    if (!(await verifyPassword(input.password, existing.passwordHash))) {
      throw new AppError(
        401,
        'invalid_credentials',
        `${row.email} already has an account and this is not its password; enter that account's password`,
        { field: 'password' },
      );
    }
    return close(db, row, 'acceptedAt', now, async () => existing.id);
  }
  if (!input.displayName)
    throw badRequest('displayName is required for a new account', { field: 'displayName' });
  await requireStrongPassword(
    input.password,
    { email: row.email, displayName: input.displayName },
    'password',
  );
  const passwordHash = await hashPassword(input.password);
  const displayName = input.displayName;
  return close(db, row, 'acceptedAt', now, async (tx) => {
    await lockForTransaction(tx, `user-email:${row.email}`);
    const raced = await findUserByEmail(tx, row.email);
    if (raced)
      throw new AppError(409, 'conflict', `${row.email} got an account meanwhile; sign in with it to accept`);
    const user = await createUser(tx, { email: row.email, displayName, passwordHash });
    return user.id;
  });
}
