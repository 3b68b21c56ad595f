import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { assessments, memberships, organisations, plans, sessions, users } from '../../../db/schema.ts';
import type { Role } from '../../../db/schema.ts';
import type { TenantId } from '../../../server/access/tenant.ts';
import type { Organisation } from '../../../server/sessions/accounts.ts';

/** An organisation with the number of its members. */
export interface OrganisationRow extends Organisation {
  memberCount: number;
}

const withMemberCount = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  parentId: organisations.parentId,
  regionCode: organisations.regionCode,
  createdAt: organisations.createdAt,
  version: organisations.version,
  memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${organisations.id})`,
};

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select(withMemberCount).from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

/**
 * Organisations by name: every one (`scope: 'all'`), or one organisation and its direct children. Organisations
 * are a shared reference table (their names and places in the tree), so this takes a plain id.
 */
export async function listOrganisations(
  db: Db,
  scope: 'all' | { orgId: string },
): Promise<OrganisationRow[]> {
  const query = db.select(withMemberCount).from(organisations);
  const filtered =
    scope === 'all'
      ? query
      : query.where(or(eq(organisations.id, scope.orgId), eq(organisations.parentId, scope.orgId)));
  return filtered.orderBy(asc(organisations.name));
}

/**
 * The organisation under the same parent (or at top level) with this name, compared NFKC-normalised and without
 * case (so "ＡＢＣ" is "abc", also for names stored before names were normalised); `exceptId` leaves
 * one out (the organisation being renamed).
 */
export async function findSiblingByName(
  db: Db,
  parentId: string | null,
  name: string,
  exceptId?: string,
): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      and(
        parentId === null ? isNull(organisations.parentId) : eq(organisations.parentId, parentId),
        sql`lower(normalize(${organisations.name}, NFKC)) = lower(normalize(${name}, NFKC))`,
        exceptId === undefined ? undefined : ne(organisations.id, exceptId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Serialise, until the transaction ends, every writer that passes the same key: two requests checking the same
 * invariant (a sibling's name, an organisation's last admin) cannot both see it hold and both write.
 */
export async function lockForTransaction(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  joinedAt: Date;
}

const memberColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  mustChangePassword: users.mustChangePassword,
  joinedAt: memberships.createdAt,
};

export async function listMembers(db: Db, tenant: TenantId): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, tenant))
    .orderBy(asc(memberships.createdAt), asc(users.email));
}

export async function findMember(db: Db, tenant: TenantId, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, tenant), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

/** The member of the organisation with this (lower-case) email, if any. */
export async function findMemberByEmail(
  db: Db,
  tenant: TenantId,
  email: string,
): Promise<MemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, tenant), eq(users.email, email)))
    .limit(1);
  return row;
}

export async function countAdmins(db: Db, tenant: TenantId): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, tenant), eq(memberships.role, 'admin')));
  return row?.n ?? 0;
}

export async function setMembershipRole(db: Db, tenant: TenantId, userId: string, role: Role): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, tenant), eq(memberships.userId, userId)));
}

/** Remove a membership and end the sessions that act for that organisation as that user. */
export async function removeMembership(db: Db, tenant: TenantId, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.orgId, tenant), eq(sessions.userId, userId)));
  await db.delete(memberships).where(and(eq(memberships.orgId, tenant), eq(memberships.userId, userId)));
}

/** Organisations with exactly this name, compared without case (a name is unique only among siblings). */
export async function findOrganisationsByName(db: Db, name: string): Promise<OrganisationRow[]> {
  return db
    .select(withMemberCount)
    .from(organisations)
    .where(sql`lower(normalize(${organisations.name}, NFKC)) = lower(normalize(${name}, NFKC))`)
    .orderBy(asc(organisations.createdAt));
}

/** Renames, as a new version of the organisation (its version + 1). */
export async function setOrganisationName(db: Db, tenant: TenantId, name: string): Promise<void> {
  await db
    .update(organisations)
    .set({ name, version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, tenant));
}

/**
 * Lock the organisation's row until the transaction ends: a concurrent insert of a row that refers to it (an
 * assessment, a plan, a membership) waits, then fails if the organisation was deleted. Undefined when it is gone.
 */
export async function lockOrganisation(db: Db, tenant: TenantId): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, tenant)).for('update');
  return row;
}

/** What an organisation still holds, by the tables that refer to it. */
export interface OrganisationHoldings {
  members: number;
  childOrganisations: number;
  assessments: number;
  plans: number;
}

export async function countHoldings(db: Db, tenant: TenantId): Promise<OrganisationHoldings> {
  const id: string = tenant;
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const n = sql<number>`count(*)::int`;
  return {
    members: await count(db.select({ n }).from(memberships).where(eq(memberships.orgId, id))),
    childOrganisations: await count(
      db.select({ n }).from(organisations).where(eq(organisations.parentId, id)),
    ),
    assessments: await count(db.select({ n }).from(assessments).where(eq(assessments.orgId, id))),
    plans: await count(db.select({ n }).from(plans).where(eq(plans.orgId, id))),
  };
}

/** Delete an organisation with its memberships and the sessions acting for it (the users remain). */
export async function deleteOrganisationRow(db: Db, tenant: TenantId): Promise<void> {
  await db.delete(sessions).where(eq(sessions.orgId, tenant));
  await db.delete(memberships).where(eq(memberships.orgId, tenant));
  await db.delete(organisations).where(eq(organisations.id, tenant));
}

/** The organisations a user is a member of, whatever their role. */
export async function listUserOrganisations(db: Db, userId: string): Promise<OrganisationRow[]> {
  return db
    .select(withMemberCount)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** Give a user a new one-time password (to be changed at next sign-in) and end every session of theirs. */
export async function setOneTimePassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
