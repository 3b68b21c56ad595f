/**
 * The rule creating and renaming share: an organisation's name is unique, without regard to case, among the
 * organisations with the same parent. Writers checking it for one parent hold `lockNamesUnder` (locks.ts).
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/app-error.ts';
import { findSiblingByName } from './repositories/organisations.ts';

/** 409 duplicate_name when another organisation under `parentId` has the name (without regard to case). */
export async function requireFreeName(
  tx: Db,
  parentId: string | null,
  name: string,
  exceptId?: string,
): Promise<void> {
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
