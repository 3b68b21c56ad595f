import type { Db } from '../../db/client.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { allowAuditPurge } from '../audit/audit-purge.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockMembersOf, lockNamesUnder } from './locks.ts';
import { deletionRefusal } from './organisation-access.ts';
import {
  countHoldings,
  deleteOrganisationRow,
  lockOrganisation,
  type OrganisationHoldings,
} from './repositories/organisations.ts';

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
 * locked first, so a concurrent insert of an assessment or plan either counts or fails. Its own audit trail goes
 * with it; the deletion is recorded in `audit`'s (the trail of the organisation that deletes it).
 */
export async function deleteEmptyOrganisation(
  db: Db,
  tenant: TenantId,
  audit?: AuditScope,
): Promise<OrganisationHoldings> {
  return db.transaction(async (tx) => {
    await lockNamesUnder(tx, tenant); // no child is created meanwhile
    await lockMembersOf(tx, tenant);
    const organisation = await lockOrganisation(tx, tenant);
    if (!organisation) throw notFound('Organisation');
    const held = await countHoldings(tx, tenant);
    const blocking = blockingHoldings(held);
    if (blocking) throw new AppError(409, 'not_empty', blocking, held);
    // its audit trail goes with it (the append-only trigger lets this transaction delete that organisation's only)
    await allowAuditPurge(tx, tenant);
    await deleteOrganisationRow(tx, tenant);
    if (audit)
      await recordAudit(tx, audit, {
        action: 'organisation.delete',
        entityType: 'organisation',
        entityId: tenant,
        before: {
          name: organisation.name,
          kind: organisation.kind,
          parentId: organisation.parentId,
          members: held.members,
        },
      });
    return held;
  });
}

/**
 * An administrator of `manager` deletes `target`, an organisation they manage: only when they are its parent's
 * or the platform's administrators (403 otherwise, see deletionRefusal), and only when it is empty.
 */
export async function deleteOrganisation(
  db: Db,
  manager: OrganisationPlace,
  target: { tenant: TenantId; organisation: OrganisationPlace },
  audit?: AuditScope,
): Promise<void> {
  const refusal = deletionRefusal(manager, target.organisation);
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
  await deleteEmptyOrganisation(db, target.tenant, audit);
}
