import type { Db } from '../../db/client.ts';
import { AppError, badRequest } from '../../server/app-error.ts';
import { createUser, findUserByEmail } from '../../server/sessions/accounts.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-policy.ts';
import { admitOrRefuse, type SignInThrottle } from '../auth/sign-in-throttle.ts';
import { closePendingInvitation } from './invitation-closing.ts';
import { invitationByCode } from './open-invitation.ts';
import { lockForTransaction } from './repositories/organisations.ts';
import type { InvitationRow } from './repositories/invitations.ts';

/**
 * Accept with the code, not signed in. When the invited email has an account, `password` must be that account's
 * (401 invalid_credentials otherwise, and nothing changes); when it has none, the account is created with
 * `displayName` and `password` (400 naming the field when one is missing or too weak) — its own password, not a
 * one-time one. Guessing a password here counts as guessing it at sign-in: the try passes `throttle` first, per
 * the invited email and the client `address` (429 too_many_attempts). Returns the accepted invitation; the invitee
 * then signs in as usual.
 */
export async function acceptInvitationWithCode(
  db: Db,
  throttle: Pick<SignInThrottle, 'admit' | 'succeeded'>,
  input: { code: string; password: string; displayName?: string | undefined },
  address: string,
  now = new Date(),
): Promise<InvitationRow> {
  const invitation = await invitationByCode(db, input.code, now);
  const attempt = await admitOrRefuse(throttle, invitation.email, address);
  const accepted = await redeem(db, input, now);
  await throttle.succeeded(attempt);
  return accepted;
}

async function redeem(
  db: Db,
  input: { code: string; password: string; displayName?: string | undefined },
  now: Date,
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
    return closePendingInvitation(db, row, 'acceptedAt', now, async () => existing.id);
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
  return closePendingInvitation(db, row, 'acceptedAt', now, async (tx) => {
    await lockForTransaction(tx, `user-email:${row.email}`);
    const raced = await findUserByEmail(tx, row.email);
    if (raced)
      throw new AppError(409, 'conflict', `${row.email} got an account meanwhile; sign in with it to accept`);
    const user = await createUser(tx, { email: row.email, displayName, passwordHash });
    return user.id;
  });
}
