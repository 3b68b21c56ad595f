/**
 * Create many enterprises under the administrator's organisation at once (a consultant's clients from a workbook):
 * all or none. Each is placed and checked as one created by POST /api/organisations (`placeNewOrganisation`: the
 * kinds the organisation may create, under itself; names unique among siblings without regard to case), under the
 * lock on the parent's names, so that nothing is written unless every row passes.
 */
import type { Db } from '../../db/client.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { createOrganisation as insertOrganisation } from '../../server/sessions/accounts.ts';
import { placeNewOrganisation } from './create-organisation.ts';
import { lockNamesUnder } from './locks.ts';
import { findSiblingByName } from './repositories/organisations.ts';

export interface BatchEnterprise {
  /** where the enterprise came from (a sheet's row number), given back with its problem or its id */
  row: number;
  name: string;
  regionCode: string | null;
}

/** A row refused: its name is taken by an existing organisation under the same parent. */
export interface BatchNameTaken {
  row: number;
  name: string;
  existing: string;
}

export type BatchOutcome =
  | { ok: true; created: { row: number; id: string; name: string; regionCode: string | null }[] }
  | { ok: false; taken: BatchNameTaken[] };

export async function createEnterprisesBatch(
  db: Db,
  manager: Pick<OrganisationPlace, 'id' | 'kind'>,
  rows: readonly BatchEnterprise[],
): Promise<BatchOutcome> {
  // 403 here, before any row, when the organisation may not create enterprises
  const placed = rows.map((r) => ({
    row: r.row,
    ...placeNewOrganisation(manager, { kind: 'enterprise', name: r.name.trim(), regionCode: r.regionCode }),
  }));
  const parentId = placed[0]?.parentId ?? (manager.kind === 'platform' ? null : manager.id);
  return db.transaction(async (tx): Promise<BatchOutcome> => {
    await lockNamesUnder(tx, parentId);
    const taken: BatchNameTaken[] = [];
    for (const p of placed) {
      const existing = await findSiblingByName(tx, p.parentId, p.name);
      if (existing) taken.push({ row: p.row, name: p.name, existing: existing.name });
    }
    if (taken.length > 0) return { ok: false, taken };
    const created = [];
    for (const p of placed) {
      const { row, ...input } = p;
      const org = await insertOrganisation(tx, input);
      created.push({ row, id: org.id, name: org.name, regionCode: org.regionCode });
    }
    return { ok: true, created };
  });
}
