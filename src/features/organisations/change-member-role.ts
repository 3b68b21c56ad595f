import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lastAdmin } from './last-admin.ts';
import { lockMembersOf } from './locks.ts';
import { countAdmins, findMember, setMembershipRole, type MemberRow } from './repositories/organisations.ts';

/**
 * Change a member's role; 404 for a non-member, 409 last_admin when it would leave the organisation without an
 * administrator. A demoted member's sessions go on, with the new role from their next request (the access hook
 * reads the role each time).
 */
export async function changeMemberRole(
  db: Db,
  tenant: TenantId,
  userId: string,
  role: Role,
  audit?: AuditScope,
): Promise<MemberRow> {
  await db.transaction(async (tx) => {
    await lockMembersOf(tx, tenant);
    const member = await findMember(tx, tenant, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && role !== 'admin' && (await countAdmins(tx, tenant)) <= 1) {
      throw lastAdmin('You cannot demote');
    }
    await setMembershipRole(tx, tenant, userId, role);
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.member.role',
        entityType: 'member',
        entityId: userId,
        before: { email: member.email, role: member.role },
        after: { email: member.email, role },
      });
  });
  const member = await findMember(db, tenant, userId);
  if (!member) throw notFound('Member');
  return member;
}
