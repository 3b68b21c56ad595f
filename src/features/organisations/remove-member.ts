import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lastAdmin } from './last-admin.ts';
import { lockMembersOf } from './locks.ts';
import { countAdmins, findMember, removeMembership } from './repositories/organisations.ts';

/**
 * Remove a member; their sessions acting for the organisation end (and were any left, the access hook refuses
 * them, reading the membership on each request). 404 for a non-member, 409 last_admin for the last administrator.
 */
export async function removeMember(
  db: Db,
  tenant: TenantId,
  userId: string,
  audit?: AuditScope,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockMembersOf(tx, tenant);
    const member = await findMember(tx, tenant, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && (await countAdmins(tx, tenant)) <= 1) {
      throw lastAdmin('You cannot remove');
    }
    await removeMembership(tx, tenant, userId);
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.member.remove',
        entityType: 'member',
        entityId: userId,
        before: { email: member.email, displayName: member.displayName, role: member.role },
      });
  });
}
