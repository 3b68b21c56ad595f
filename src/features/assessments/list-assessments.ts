import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import {
  indicatorSystemIndex,
  type IndicatorSystemCatalog,
  type IndicatorSystemIndex,
} from './indicator-system-index.ts';
import { listAssessments as listRows, type AssessmentRow } from './repositories/assessments.ts';

export interface ListedAssessment {
  row: AssessmentRow;
  index: IndicatorSystemIndex;
  progress: { answered: number; total: number };
}

/**
 * The tenant's assessments, newest first, each with how many of its items are answered; those of an indicator system
 * this server has not loaded are left out.
 */
export async function listAssessments(
  db: Db,
  systems: IndicatorSystemCatalog,
  tenant: TenantId,
): Promise<ListedAssessment[]> {
  const rows = await listRows(db, tenant);
  return rows.flatMap((row) => {
    const system = systems.get(row.modelId);
    if (!system) return [];
    const index = indicatorSystemIndex(system);
    const answered = row.answeredIds.filter((id) => index.items.has(id)).length;
    return [{ row, index, progress: { answered, total: index.items.size } }];
  });
}
