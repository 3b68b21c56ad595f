import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/app-error.ts';
import { changeOwnPassword, findUserById } from '../../server/sessions/accounts.ts';
import { hashSessionToken } from '../../server/sessions/session-token.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireStrongPassword } from './password-policy.ts';

/**
 * The signed-in user changes their password: 400 invalid_credentials for a wrong current one, 400 weak_password
 * for a new one the policy refuses. Every other session of theirs ends; the one whose cookie is `token` stays.
 */
export async function changePassword(
  db: Db,
  userId: string,
  passwords: { currentPassword: string; newPassword: string },
  token: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  const { currentPassword, newPassword } = passwords;
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(400, 'invalid_credentials', 'The current password is wrong');
  }
  await requireStrongPassword(newPassword, {
    email: user.email,
    displayName: user.displayName,
    currentPassword,
  });
  await changeOwnPassword(db, user.id, await hashPassword(newPassword), hashSessionToken(token));
}
