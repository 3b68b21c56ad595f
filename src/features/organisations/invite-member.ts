import { randomBytes } from 'node:crypto';
import { INVITATION_DAYS } from '../../contracts/organisations.ts';
import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { hashInvitationCode } from './invitation-closing.ts';
import { lockMembersOf } from './locks.ts';
import {
  findInvitation,
  insertInvitation,
  revokePendingFor,
  type InvitationRow,
} from './repositories/invitations.ts';
import { findMemberByEmail } from './repositories/organisations.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface IssuedInvitation {
  invitation: InvitationRow;
  /** the one-time code: returned once, stored only hashed */
  code: string;
}

/**
 * Invite `email` to the organisation with `role`. The same work and the same answer whether or not the email has
 * an account; a pending invitation of the same email to the organisation is revoked (its code stops working).
 * 409 already_member when the email is already a member (which the members list shows anyway). Nobody becomes a
 * member until the invitee accepts.
 */
export async function inviteMember(
  db: Db,
  tenant: TenantId,
  input: { email: string; role: Role; invitedBy: string },
  now = new Date(),
  audit?: AuditScope,
): Promise<IssuedInvitation> {
  const email = input.email.trim().toLowerCase();
  const code = randomBytes(32).toString('base64url');
  const id = await db.transaction(async (tx) => {
    await lockMembersOf(tx, tenant);
    if (await findMemberByEmail(tx, tenant, email)) {
      throw new AppError(409, 'already_member', `${email} is already a member of this organisation`, {
        field: 'email',
      });
    }
    await revokePendingFor(tx, tenant, email, now);
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const invitationId = await insertInvitation(tx, tenant, {
      email,
      role: input.role,
      codeHash: hashInvitationCode(code),
      invitedBy: input.invitedBy,
      expiresAt,
    });
    // never the code: the trail says who was invited, with which role, until when
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.invitation.create',
        entityType: 'invitation',
        entityId: invitationId,
        after: { email, role: input.role, expiresAt: expiresAt.toISOString() },
      });
    return invitationId;
  });
  const invitation = await findInvitation(db, tenant, id);
  if (!invitation) throw new Error(`invitation ${id} vanished after its creation`);
  return { invitation, code };
}
