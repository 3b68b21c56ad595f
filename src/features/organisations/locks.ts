/**
 * The two invariants of this feature that writers check before they write, each serialised by a lock held until
 * the transaction ends: sibling names (unique under one parent) and an organisation's members (never without an
 * administrator, no one added twice).
 */
import type { Db } from '../../db/client.ts';
import { lockForTransaction } from './repositories/organisations.ts';

/** The names under `parentId` (null: the top level): creating, renaming, and deleting the parent. */
export const lockNamesUnder = (tx: Db, parentId: string | null): Promise<void> =>
  lockForTransaction(tx, `organisation-names:${parentId ?? 'top'}`);

/** The members of an organisation: adding, inviting, re-roling, removing, accepting, deleting it. */
export const lockMembersOf = (tx: Db, orgId: string): Promise<void> =>
  lockForTransaction(tx, `members:${orgId}`);
