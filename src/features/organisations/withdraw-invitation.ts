import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { closePendingInvitation } from './invitation-closing.ts';
import { findInvitation } from './repositories/invitations.ts';

/**
 * An administrator withdraws a pending invitation to an organisation they manage; its code stops working. 404 when
 * it is not an invitation to that organisation, 409 invitation_closed when it is no longer pending.
 */
export async function withdrawInvitation(
  db: Db,
  tenant: TenantId,
  id: string,
  now = new Date(),
): Promise<void> {
  const row = await findInvitation(db, tenant, id);
  if (!row) throw notFound('Invitation');
  await closePendingInvitation(db, row, 'revokedAt', now);
}
