import type { CreatableKind } from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { creatableKinds } from './organisation-access.ts';
import { listOrganisations, type OrganisationRow } from './repositories/organisations.ts';

/**
 * The administrator's organisation first, then those it manages by name (the platform: every one), and the kinds
 * it may create.
 */
export async function listManagedOrganisations(
  db: Db,
  manager: Pick<OrganisationPlace, 'id' | 'kind'>,
): Promise<{ organisations: OrganisationRow[]; canCreate: CreatableKind[] }> {
  const rows = await listOrganisations(db, manager.kind === 'platform' ? 'all' : { orgId: manager.id });
  const own = rows.filter((r) => r.id === manager.id);
  const others = rows.filter((r) => r.id !== manager.id);
  return { organisations: [...own, ...others], canCreate: creatableKinds(manager.kind) };
}
