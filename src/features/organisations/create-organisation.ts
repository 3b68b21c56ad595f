/**
 * Create an organisation: by the API, under the administrator's own (an authority creates pilot enterprises and
 * service providers, a provider or an association enterprises, the platform any kind at top level or under any
 * parent, an enterprise none); by the CLI, anywhere. Its name is unique among its siblings.
 */
import type { z } from 'zod';
import type { CreatableKind, CreateOrganisation } from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { forbidden, notFound } from '../../server/app-error.ts';
import { createOrganisation as insertOrganisation } from '../../server/sessions/accounts.ts';
import { lockNamesUnder } from './locks.ts';
import { creatableKinds } from './organisation-access.ts';
import { requireFreeName } from './organisation-names.ts';
import { findOrganisation, type OrganisationRow } from './repositories/organisations.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface NewOrganisation {
  kind: CreatableKind;
  name: string;
  parentId: string | null;
  regionCode: string | null;
}

/**
 * Where an administrator of `manager` may create the organisation asked for, and what: under their own
 * organisation unless they administer the platform (which creates at top level by default, or under any parent);
 * only the kinds `creatableKinds` allows. 403 saying why otherwise.
 */
export function placeNewOrganisation(
  manager: Pick<OrganisationPlace, 'id' | 'kind'>,
  asked: z.output<typeof CreateOrganisation>,
): NewOrganisation {
  const allowed = creatableKinds(manager.kind);
  if (allowed.length === 0) throw forbidden('An enterprise cannot create organisations');
  const { kind, name, regionCode } = asked;
  let parentId: string | null;
  if (manager.kind === 'platform') {
    parentId = asked.parentId ?? null;
  } else {
    parentId = asked.parentId ?? manager.id;
    if (parentId !== manager.id) {
      throw forbidden('You can create organisations only directly under your own organisation');
    }
  }
  if (!allowed.includes(kind)) throw forbidden(`Your organisation can create only: ${allowed.join(', ')}`);
  return { kind, name, parentId, regionCode };
}

/** Create an organisation; 404 when the parent does not exist, 409 when a sibling already has the name. */
export async function createOrganisationChecked(
  db: Db,
  input: NewOrganisation,
  /** where the creation is recorded: a scope, or one made for the new organisation's id (the operator's own trail) */
  audit?: AuditScope | ((createdId: string) => AuditScope),
): Promise<OrganisationRow> {
  const name = input.name.trim();
  const id = await db.transaction(async (tx) => {
    await lockNamesUnder(tx, input.parentId);
    if (input.parentId !== null && !(await findOrganisation(tx, input.parentId))) {
      throw notFound('Parent organisation', { field: 'parentId' });
    }
    await requireFreeName(tx, input.parentId, name);
    const created = await insertOrganisation(tx, { ...input, name });
    // in the trail of the organisation whose administrator created it
    if (audit)
      await recordAudit(tx, typeof audit === 'function' ? audit(created.id) : audit, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: created.id,
        after: { name, kind: input.kind, parentId: input.parentId, regionCode: input.regionCode },
      });
    return created.id;
  });
  const row = await findOrganisation(db, id);
  if (!row) throw new Error(`organisation ${id} vanished after its creation`);
  return row;
}

/** The API's creation: what `manager`'s administrator asked for, placed and checked as above. */
export const createOrganisationFor = (
  db: Db,
  manager: Pick<OrganisationPlace, 'id' | 'kind'>,
  asked: z.output<typeof CreateOrganisation>,
  audit?: AuditScope,
): Promise<OrganisationRow> => createOrganisationChecked(db, placeNewOrganisation(manager, asked), audit);
