/**
 * Who manages which organisation. A session acts for one organisation; its administrators manage that organisation
 * and its direct children (an authority's pilot enterprises, a provider's clients); the platform organisation's
 * administrators manage every organisation. Editors and viewers manage nothing. An organisation the session does
 * not manage answers 404, as if it did not exist.
 */
import { CREATABLE_KINDS, type CreatableKind } from '../../contracts/organisations.ts';
import type { OrganisationKind } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../../db/repositories/accounts.ts';
import { findOrganisation, type OrganisationRow } from '../../db/repositories/organisations.ts';
import { forbidden, notFound } from '../app-error.ts';
import { sessionRole } from './policies.ts';

/** What kinds of organisation an administrator of `kind` may create beneath it. */
export function creatableKinds(kind: OrganisationKind): CreatableKind[] {
  switch (kind) {
    case 'platform':
      return [...CREATABLE_KINDS];
    case 'authority':
      return ['enterprise', 'service_provider'];
    case 'service_provider':
    case 'association':
      return ['enterprise'];
    case 'enterprise':
      return [];
  }
}

/** Whether administrators of `manager` manage `target`. */
export function manages(manager: Pick<OrganisationRow, 'id' | 'kind'>, target: OrganisationRow): boolean {
  return manager.kind === 'platform' || target.id === manager.id || target.parentId === manager.id;
}

/** The session's organisation, refusing with 403 unless the session user is one of its administrators. */
export async function requireOrganisationAdmin(db: Db, session: SessionView): Promise<OrganisationRow> {
  const role = await sessionRole(db, session);
  if (role !== 'admin') throw forbidden('Only administrators manage organisations and members');
  const org = await findOrganisation(db, session.orgId);
  if (!org) throw forbidden('Your organisation no longer exists');
  return org;
}

/** The organisation `orgId` when the session's administrator manages it; 404 otherwise. */
export async function requireManagedOrganisation(
  db: Db,
  session: SessionView,
  orgId: string,
): Promise<{ manager: OrganisationRow; target: OrganisationRow }> {
  const manager = await requireOrganisationAdmin(db, session);
  const target = orgId === manager.id ? manager : await findOrganisation(db, orgId);
  if (!target || !manages(manager, target)) throw notFound('Organisation');
  return { manager, target };
}
