import { and, asc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, sessions, users } from '../../db/schema.ts';
import type { OrganisationKind, Role } from '../../db/schema.ts';

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;

export async function createOrganisation(
  db: Db,
  input: { kind: OrganisationKind; name: string; parentId?: string | null; regionCode?: string | null },
): Promise<Organisation> {
  const [row] = await db.insert(organisations).values(input).returning();
  if (!row) throw new Error('insert into organisations returned no row');
  return row;
}

export async function createUser(
  db: Db,
  input: {
    email: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword?: boolean;
    locale?: string;
  },
): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ ...input, email: input.email.toLowerCase() })
    .returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function addMembership(
  db: Db,
  input: { orgId: string; userId: string; role: Role },
): Promise<void> {
  await db.insert(memberships).values(input);
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

export interface MembershipView {
  orgId: string;
  orgName: string;
  orgKind: OrganisationKind;
  role: Role;
}

export async function listMemberships(db: Db, userId: string): Promise<MembershipView[]> {
  return db
    .select({
      orgId: memberships.orgId,
      orgName: organisations.name,
      orgKind: organisations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organisations.name));
}

export async function insertSession(
  db: Db,
  input: { tokenHash: string; orgId: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(input);
}

export interface SessionView {
  user: Pick<User, 'id' | 'email' | 'displayName' | 'locale' | 'mustChangePassword'>;
  orgId: string;
  expiresAt: Date;
}

export async function findLiveSession(db: Db, tokenHash: string, at: Date): Promise<SessionView | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
      orgId: sessions.orgId,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, at)))
    .limit(1);
  if (!row) return undefined;
  const { orgId, expiresAt, ...user } = row;
  return { user, orgId, expiresAt };
}

/** Point a session at another organisation (the caller checks the membership). */
export async function setSessionOrganisation(db: Db, tokenHash: string, orgId: string): Promise<void> {
  await db.update(sessions).set({ orgId }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, at: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, at));
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}

/**
 * The user's own password change: store the new hash, clear the must-change flag and end every other session of
 * theirs (whoever held the old password is signed out), keeping the session `keepTokenHash` that made the change
 * — all in one transaction. Returns how many sessions ended.
 */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  keepTokenHash: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await updatePasswordHash(tx, userId, passwordHash);
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
      .returning({ tokenHash: sessions.tokenHash });
    return ended.length;
  });
}
