import { and, eq } from 'drizzle-orm';
import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../sessions/accounts.ts';
import { memberships } from '../../db/schema.ts';
import { forbidden } from '../app-error.ts';

/** What a role may do in its organisation: viewers read, editors and admins also write. */
export const canWrite = (role: Role): boolean => role === 'admin' || role === 'editor';

/** The session user's role in the organisation the session acts for (read from the database each time). */
export async function sessionRole(db: Db, session: SessionView): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, session.orgId), eq(memberships.userId, session.user.id)))
    .limit(1);
  if (!row) throw forbidden('You are no longer a member of this organisation');
  return row.role;
}

/** Refuse with 403 unless the session user may change this organisation's data. */
export async function requireWriter(db: Db, session: SessionView): Promise<Role> {
  const role = await sessionRole(db, session);
  if (!canWrite(role)) throw forbidden('Viewers can read but not change; ask an editor or administrator');
  return role;
}
