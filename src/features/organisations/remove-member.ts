import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { lastAdmin } from './last-admin.ts';
import { lockMembersOf } from './locks.ts';
import { countAdmins, findMember, removeMembership } from './repositories/organisations.ts';

/**
 * Remove a member; their sessions acting for the organisation end (and were any left, the access hook refuses
 * them, reading the membership on each request). 404 for a non-member, 409 last_admin for the last administrator.
 */
export async function removeMember(db: Db, tenant: TenantId, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockMembersOf(tx, tenant);
    const member = await findMember(tx, tenant, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && (await countAdmins(tx, tenant)) <= 1) {
      throw lastAdmin('You cannot remove');
    }
    await removeMembership(tx, tenant, userId);
  });
}
