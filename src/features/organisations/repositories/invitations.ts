/**
 * Invitations to join an organisation (组织与成员): insert, read with the organisation's and the inviter's names,
 * and close (accept, decline, revoke). Each read says the status as of `now`. An administrator's reads and writes
 * take the organisation as a `TenantId`; the invitee's side is keyed by the invitation itself (its id, its code,
 * its email), which is what entitles them to answer it.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, memberships, organisations, users } from '../../../db/schema.ts';
import type { OrganisationKind, Role } from '../../../db/schema.ts';
import type { TenantId } from '../../../server/access/tenant.ts';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface InvitationRow {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: OrganisationKind;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  revokedAt: Date | null;
}

/** The status of an invitation at `now`: a closing time wins, then expiry. */
export function invitationStatus(row: InvitationRow, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.declinedAt) return 'declined';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

const columns = {
  id: invitations.id,
  orgId: invitations.orgId,
  orgName: organisations.name,
  orgKind: organisations.kind,
  email: invitations.email,
  role: invitations.role,
  invitedBy: users.displayName,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  declinedAt: invitations.declinedAt,
  revokedAt: invitations.revokedAt,
};

const selectInvitations = (db: Db) =>
  db
    .select(columns)
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedBy));

const open = (now: Date) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.declinedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

export async function insertInvitation(
  db: Db,
  tenant: TenantId,
  input: { email: string; role: Role; codeHash: string; invitedBy: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(invitations)
    .values({ ...input, orgId: tenant })
    .returning({ id: invitations.id });
  if (!row) throw new Error('insert into invitations returned no row');
  return row.id;
}

/** Revoke every pending invitation of `email` to the organisation (a new invitation replaces them). */
export async function revokePendingFor(db: Db, tenant: TenantId, email: string, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.orgId, tenant), eq(invitations.email, email), open(now)));
}

/** An invitation to the tenant's organisation (undefined for one to any other). */
export async function findInvitation(
  db: Db,
  tenant: TenantId,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await selectInvitations(db)
    .where(and(eq(invitations.id, id), eq(invitations.orgId, tenant)))
    .limit(1);
  return row;
}

/** An invitation by its id alone: for its invitee, who is entitled to it by its email (checked by the caller). */
export async function findInvitationById(db: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await selectInvitations(db).where(eq(invitations.id, id)).limit(1);
  return row;
}

export async function findInvitationByCode(db: Db, codeHash: string): Promise<InvitationRow | undefined> {
  const [row] = await selectInvitations(db).where(eq(invitations.codeHash, codeHash)).limit(1);
  return row;
}

/** Lock an invitation's row until the transaction ends, so that two answers to it cannot both close it. */
export async function lockInvitation(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from ${invitations} where ${invitations.id} = ${id} for update`);
}

/** Pending invitations to one organisation, oldest first. */
export async function listPendingForOrganisation(
  db: Db,
  tenant: TenantId,
  now: Date,
): Promise<InvitationRow[]> {
  return selectInvitations(db)
    .where(and(eq(invitations.orgId, tenant), open(now)))
    .orderBy(asc(invitations.createdAt), asc(invitations.email));
}

/** Pending invitations of one email address, oldest first. */
export async function listPendingForEmail(db: Db, email: string, now: Date): Promise<InvitationRow[]> {
  return selectInvitations(db)
    .where(and(eq(invitations.email, email), open(now)))
    .orderBy(asc(invitations.createdAt), asc(organisations.name));
}

export type InvitationClosing = 'acceptedAt' | 'declinedAt' | 'revokedAt';

export async function closeInvitation(db: Db, id: string, how: InvitationClosing, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ [how]: now })
    .where(eq(invitations.id, id));
}

/**
 * Make `userId` a member of the invitation's organisation with its role, unless they already are (then their role
 * stays). The accepted invitation is what admits them, so this is keyed by it rather than by a tenant.
 */
export async function joinByInvitation(
  db: Db,
  invitation: Pick<InvitationRow, 'orgId' | 'role'>,
  userId: string,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ orgId: invitation.orgId, userId, role: invitation.role })
    .onConflictDoNothing({ target: [memberships.orgId, memberships.userId] });
}
