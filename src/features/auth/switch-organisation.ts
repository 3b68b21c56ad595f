import type { Me } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../server/app-error.ts';
import { listMemberships, setSessionOrganisation, type SessionView } from '../../server/sessions/accounts.ts';
import { hashSessionToken } from '../../server/sessions/session-token.ts';
import { presentMe } from './presenter.ts';

/**
 * Point the session whose cookie is `token` at another organisation its user is a member of (a consultant
 * switching between enterprises); 403 for one they are not a member of.
 */
export async function switchOrganisation(
  db: Db,
  session: SessionView,
  token: string,
  orgId: string,
): Promise<Me> {
  const memberships = await listMemberships(db, session.user.id);
  const target = memberships.find((m) => m.orgId === orgId);
  if (!target) throw forbidden('You are not a member of that organisation');
  await setSessionOrganisation(db, hashSessionToken(token), target.orgId);
  return presentMe(session.user, target, memberships);
}
