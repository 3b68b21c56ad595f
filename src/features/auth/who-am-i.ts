import type { Me } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../server/app-error.ts';
import { listMemberships, type SessionView } from '../../server/sessions/accounts.ts';
import { presentMe } from './presenter.ts';

/** The signed-in user, the organisation the session acts for and all theirs; 403 once no longer a member of it. */
export async function whoAmI(db: Db, session: SessionView): Promise<Me> {
  const memberships = await listMemberships(db, session.user.id);
  const active = memberships.find((m) => m.orgId === session.orgId);
  if (!active) throw forbidden('You are no longer a member of this organisation');
  return presentMe(session.user, active, memberships);
}
