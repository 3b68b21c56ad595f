/**
 * Give a user a new one-time password, to be changed at next sign-in, ending all their sessions: an administrator
 * for a member of an organisation they manage (see passwordResetRefusal), or the CLI for anyone.
 */
import type { Db } from '../../db/client.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { findUserById } from '../../server/sessions/accounts.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { passwordResetRefusal } from './organisation-access.ts';
import {
  findMember,
  listUserOrganisations,
  setOneTimePassword,
  type MemberRow,
} from './repositories/organisations.ts';

/** The new password (shown once, stored only hashed); 404 when there is no such user. */
export async function resetPassword(db: Db, userId: string): Promise<string> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    if (!(await findUserById(tx, userId))) throw notFound('User');
    await setOneTimePassword(tx, userId, passwordHash);
  });
  return oneTimePassword;
}

/**
 * An administrator of `manager` (the user `actorUserId`) resets the password of `userId`, a member of the managed
 * organisation `tenant`: 404 for a non-member; 400 own_password or 403 member_elsewhere per passwordResetRefusal.
 */
export async function resetMemberPassword(
  db: Db,
  input: { manager: OrganisationPlace; actorUserId: string; tenant: TenantId; userId: string },
): Promise<{ member: MemberRow; oneTimePassword: string }> {
  const { manager, actorUserId, tenant, userId } = input;
  if (!(await findMember(db, tenant, userId))) throw notFound('Member');
  const refusal = passwordResetRefusal(manager, actorUserId, userId, await listUserOrganisations(db, userId));
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
  const oneTimePassword = await resetPassword(db, userId);
  const member = await findMember(db, tenant, userId);
  if (!member) throw notFound('Member');
  return { member, oneTimePassword };
}
