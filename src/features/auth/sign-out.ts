import type { Db } from '../../db/client.ts';
import { deleteSession } from '../../server/sessions/accounts.ts';
import { hashSessionToken } from '../../server/sessions/session-token.ts';

/** End the session whose cookie is `token`, if there is one (signing out without a session is no error). */
export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, hashSessionToken(token));
}
