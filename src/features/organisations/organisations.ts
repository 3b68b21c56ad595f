/**
 * 组织与成员 use cases, shared by the API (which authorises first) and the CLI (run by whoever holds the database):
 * create or rename an organisation with a name unique among its siblings, delete an empty one; add, re-role and
 * remove members without ever leaving an organisation without an administrator; give a user a new one-time
 * password. Each writes all its rows in one transaction or none.
 */
import type { CreatableKind, MemberView, OrganisationView } from '../../contracts/organisations.ts';
import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import {
  addMembership,
  createOrganisation,
  createUser,
  findUserByEmail,
  findUserById,
} from '../../server/sessions/accounts.ts';
import {
  countAdmins,
  countHoldings,
  deleteOrganisationRow,
  findMember,
  findOrganisation,
  findSiblingByName,
  lockForTransaction,
  lockOrganisation,
  removeMembership,
  setOneTimePassword,
  setOrganisationName,
  setMembershipRole,
  type MemberRow,
  type OrganisationHoldings,
  type OrganisationRow,
} from './repositories/organisations.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { StaleSave, staleVersion } from '../../server/versioned-save.ts';

export function presentOrganisation(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    parentId: row.parentId,
    regionCode: row.regionCode,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentMember(row: MemberRow): MemberView {
  return { ...row, joinedAt: row.joinedAt.toISOString() };
}

export interface NewOrganisation {
  kind: CreatableKind;
  name: string;
  parentId: string | null;
  regionCode: string | null;
}

const namesKey = (parentId: string | null) => `organisation-names:${parentId ?? 'top'}`;

/** 409 duplicate_name when another organisation under `parentId` has the name (without regard to case). */
async function requireFreeName(tx: Db, parentId: string | null, name: string, exceptId?: string) {
  const taken = await findSiblingByName(tx, parentId, name, exceptId);
  if (taken) {
    throw new AppError(
      409,
      'duplicate_name',
      `An organisation named "${taken.name}" already exists ${parentId ? 'under this parent' : 'at top level'}`,
      { field: 'name', existingId: taken.id },
    );
  }
}

/** Create an organisation; 404 when the parent does not exist, 409 when a sibling already has the name. */
export async function createOrganisationChecked(db: Db, input: NewOrganisation): Promise<OrganisationRow> {
  const name = input.name.trim();
  const id = await db.transaction(async (tx) => {
    await lockForTransaction(tx, namesKey(input.parentId));
    if (input.parentId !== null && !(await findOrganisation(tx, input.parentId))) {
      throw notFound('Parent organisation', { field: 'parentId' });
    }
    await requireFreeName(tx, input.parentId, name);
    const created = await createOrganisation(tx, { ...input, name });
    return created.id;
  });
  const row = await findOrganisation(db, id);
  if (!row) throw new Error(`organisation ${id} vanished after its creation`);
  return row;
}

/** Rename an organisation (trimmed); 404 when it does not exist, 409 when a sibling already has the name. */
export async function renameOrganisation(
  db: Db,
  id: string,
  newName: string,
  /** the version renamed (the API's): a rename since answers 409 stale_version; the CLI renames whatever is there */
  version?: number,
): Promise<OrganisationRow> {
  const name = newName.trim();
  await db.transaction(async (tx) => {
    if (!(await lockOrganisation(tx, id))) throw notFound('Organisation');
    const current = await findOrganisation(tx, id);
    if (!current) throw notFound('Organisation');
    if (version !== undefined && version !== current.version)
      throw staleVersion(
        'organisation',
        new StaleSave(current.version, ['name']),
        presentOrganisation(current),
      );
    await lockForTransaction(tx, namesKey(current.parentId));
    await requireFreeName(tx, current.parentId, name, id);
    await setOrganisationName(tx, id, name);
  });
  const row = await findOrganisation(db, id);
  if (!row) throw notFound('Organisation');
  return row;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What keeps an organisation from being deleted, in words; undefined when nothing does. */
export function blockingHoldings(held: OrganisationHoldings): string | undefined {
  const parts = [
    held.childOrganisations > 0 &&
      plural(held.childOrganisations, 'child organisation', 'child organisations'),
    held.assessments > 0 && plural(held.assessments, 'assessment', 'assessments'),
    held.plans > 0 && plural(held.plans, 'plan', 'plans'),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return undefined;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `It still holds ${listed}; only an organisation without child organisations, assessments or plans can be deleted`;
}

/**
 * Delete an organisation that holds no child organisations, assessments or plans (409 not_empty, naming what it
 * holds), with its memberships and the sessions acting for it; its users remain. One transaction: the row is
 * locked first, so a concurrent insert of an assessment or plan either counts or fails.
 */
export async function deleteEmptyOrganisation(db: Db, id: string): Promise<OrganisationHoldings> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, namesKey(id)); // no child is created meanwhile
    await lockForTransaction(tx, `members:${id}`);
    if (!(await lockOrganisation(tx, id))) throw notFound('Organisation');
    const held = await countHoldings(tx, id);
    const blocking = blockingHoldings(held);
    if (blocking) throw new AppError(409, 'not_empty', blocking, held);
    await deleteOrganisationRow(tx, id);
    return held;
  });
}

/**
 * Give a user a new random one-time password, to be changed at next sign-in, and end all their sessions. Returns
 * the password: shown once, stored only hashed. 404 when there is no such user.
 */
export async function resetPassword(db: Db, userId: string): Promise<string> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    if (!(await findUserById(tx, userId))) throw notFound('User');
    await setOneTimePassword(tx, userId, passwordHash);
  });
  return oneTimePassword;
}

export interface NewMember {
  orgId: string;
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
 * Add a member by email. An existing user keeps their name and password and gains the membership; an unknown email
 * becomes a user with a random one-time password that must be changed at first sign-in. 409 when already a member.
 */
export async function addMember(db: Db, input: NewMember): Promise<AddMemberOutcome> {
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const outcome = await db.transaction(async (tx) => {
    await lockForTransaction(tx, `members:${input.orgId}`);
    await lockForTransaction(tx, `user-email:${email}`);
    let user = await findUserByEmail(tx, email);
    const created = !user;
    if (user && (await findMember(tx, input.orgId, user.id))) {
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
    await addMembership(tx, { orgId: input.orgId, userId: user.id, role: input.role });
    return { userId: user.id, created };
  });
  const member = await findMember(db, input.orgId, outcome.userId);
  if (!member) throw new Error('membership vanished after its creation');
  return {
    member,
    created: outcome.created,
    oneTimePassword: outcome.created ? oneTimePassword : undefined,
  };
}

const lastAdmin = (what: string) =>
  new AppError(
    409,
    'last_admin',
    `${what} the last administrator of this organisation; make another member administrator first`,
  );

/** Change a member's role; 404 for a non-member, 409 when it would leave the organisation without an admin. */
export async function changeMemberRole(
  db: Db,
  orgId: string,
  userId: string,
  role: Role,
): Promise<MemberRow> {
  await db.transaction(async (tx) => {
    await lockForTransaction(tx, `members:${orgId}`);
    const member = await findMember(tx, orgId, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && role !== 'admin' && (await countAdmins(tx, orgId)) <= 1) {
      throw lastAdmin('You cannot demote');
    }
    await setMembershipRole(tx, orgId, userId, role);
  });
  const member = await findMember(db, orgId, userId);
  if (!member) throw notFound('Member');
  return member;
}

/** Remove a member (their sessions acting for the organisation end); 409 for the last administrator. */
export async function removeMember(db: Db, orgId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForTransaction(tx, `members:${orgId}`);
    const member = await findMember(tx, orgId, userId);
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && (await countAdmins(tx, orgId)) <= 1) {
      throw lastAdmin('You cannot remove');
    }
    await removeMembership(tx, orgId, userId);
  });
}
