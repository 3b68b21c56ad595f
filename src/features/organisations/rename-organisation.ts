import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { requireVersion, StaleSave, staleVersion } from '../../server/versioned-save.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockNamesUnder } from './locks.ts';
import { requireFreeName } from './organisation-names.ts';
import { presentOrganisation } from './presenter.ts';
import {
  findOrganisation,
  lockOrganisation,
  setOrganisationName,
  type OrganisationRow,
} from './repositories/organisations.ts';

/**
 * Rename an organisation (trimmed); 404 when it does not exist, 409 duplicate_name when a sibling already has the
 * name; `version` is the one renamed, from the last read: 400 version_required without it, 409 stale_version when
 * someone renamed it since.
 */
export async function renameOrganisation(
  db: Db,
  tenant: TenantId,
  newName: string,
  sentVersion: number | undefined,
  audit?: AuditScope,
): Promise<OrganisationRow> {
  const version = requireVersion(sentVersion, 'organisation');
  const name = newName.trim();
  await db.transaction(async (tx) => {
    if (!(await lockOrganisation(tx, tenant))) throw notFound('Organisation');
    const current = await findOrganisation(tx, tenant);
    if (!current) throw notFound('Organisation');
    if (version !== current.version)
      throw staleVersion(
        'organisation',
        new StaleSave(current.version, ['name']),
        presentOrganisation(current),
      );
    await lockNamesUnder(tx, current.parentId);
    await requireFreeName(tx, current.parentId, name, tenant);
    await setOrganisationName(tx, tenant, name);
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.rename',
        entityType: 'organisation',
        entityId: tenant,
        before: { name: current.name, version: current.version },
        after: { name, version: current.version + 1 },
      });
  });
  const row = await findOrganisation(db, tenant);
  if (!row) throw notFound('Organisation');
  return row;
}
