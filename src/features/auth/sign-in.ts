import type { Me } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../server/app-error.ts';
import { findUserByEmail, insertSession, listMemberships } from '../../server/sessions/accounts.ts';
import { hashSessionToken, newSessionToken } from '../../server/sessions/session-token.ts';
import { verifyPassword } from './password.ts';
import { presentMe } from './presenter.ts';
import { admitOrRefuse, type SignInThrottle } from './sign-in-throttle.ts';

// scrypt hash of a random string nobody knows; only used to spend the same time on unknown emails.
const DUMMY_HASH = 'scrypt$32768$8$1$mJ0cVbTq0JxkUq9tQ3m4Vg$0n3O7H4cxq2Gm3Y0dKJbHqZb7Ww8mE3V1xXo0mO6b1Q';

export interface SignedIn {
  /** the session cookie's value: handed to the client once, stored only hashed */
  token: string;
  expiresAt: Date;
  me: Me;
}

/**
 * Sign in with email and password from client `address`: past `throttle` (429 too_many_attempts), 401
 * invalid_credentials for a wrong pair (spending the same time on an unknown email), 403 for an account in no
 * organisation. The new session acts for the user's first organisation and lasts `sessionHours`.
 */
export async function signIn(
  db: Db,
  deps: { throttle: Pick<SignInThrottle, 'admit' | 'succeeded'>; sessionHours: number; now?: () => Date },
  credentials: { email: string; password: string },
  address: string,
): Promise<SignedIn> {
  const { email, password } = credentials;
  const attempt = await admitOrRefuse(deps.throttle, email, address);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
  await deps.throttle.succeeded(attempt);
  const memberships = await listMemberships(db, user.id);
  const first = memberships[0];
  if (!first) throw forbidden('This account belongs to no organisation yet; ask an administrator');
  const token = newSessionToken();
  const now = deps.now?.() ?? new Date();
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600_000);
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    orgId: first.orgId,
    userId: user.id,
    expiresAt,
  });
  return { token, expiresAt, me: presentMe(user, first, memberships) };
}
