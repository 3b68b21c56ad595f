import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { addMembership, createUser, findUserByEmail } from '../../server/sessions/accounts.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockMembersOf } from './locks.ts';
import { findMember, lockForTransaction, type MemberRow } from './repositories/organisations.ts';

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
}

export interface AddMemberOutcome {
  member: MemberRow;
  created: boolean;
  /** the new user's one-time password (hashed in the database); undefined for an existing user */
  oneTimePassword: string | undefined;
}

/**
 * Add a member by email at once (the CLI's headless setup; the API invites instead). An existing user keeps their
 * name and password and gains the membership; an unknown email becomes a user with a random one-time password that
 * must be changed at first sign-in. 409 already_member when already a member.
 */
export async function addMember(
  db: Db,
  tenant: TenantId,
  input: NewMember,
  audit?: AuditScope,
): Promise<AddMemberOutcome> {
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const outcome = await db.transaction(async (tx) => {
    await lockMembersOf(tx, tenant);
    await lockForTransaction(tx, `user-email:${email}`);
    let user = await findUserByEmail(tx, email);
    const created = !user;
    if (user && (await findMember(tx, tenant, user.id))) {
      throw new AppError(409, 'already_member', `${email} is already a member of this organisation`, {
        field: 'email',
        userId: user.id,
      });
    }
    user ??= await createUser(tx, {
      email,
      displayName: input.displayName.trim(),
      passwordHash,
      mustChangePassword: true,
    });
    await addMembership(tx, { orgId: tenant, userId: user.id, role: input.role });
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.member.add',
        entityType: 'member',
        entityId: user.id,
        after: { email, displayName: user.displayName, role: input.role, newUser: created },
      });
    return { userId: user.id, created };
  });
  const member = await findMember(db, tenant, outcome.userId);
  if (!member) throw new Error('membership vanished after its creation');
  return {
    member,
    created: outcome.created,
    oneTimePassword: outcome.created ? oneTimePassword : undefined,
  };
}
