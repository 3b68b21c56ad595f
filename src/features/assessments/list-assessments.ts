import type { AssessmentListQuery } from '../../contracts/diagnosis.ts';
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
 * this server has not loaded are left out; only those matching `filter` (see matchesFilter).
 */
export async function listAssessments(
  db: Db,
  systems: IndicatorSystemCatalog,
  tenant: TenantId,
  filter: AssessmentListQuery = {},
): Promise<ListedAssessment[]> {
  const rows = (await listRows(db, tenant)).filter((row) => matchesFilter(row, filter));
  return rows.flatMap((row) => {
    const system = systems.get(row.modelId);
    if (!system) return [];
    const index = indicatorSystemIndex(system);
    const answered = row.answeredIds.filter((id) => index.items.has(id)).length;
    return [{ row, index, progress: { answered, total: index.items.size } }];
  });
}

/**
 * Whether an assessment passes the list's filters: `q` within its title (any case), its status, its indicator
 * system, and the year of its date as the list shows it (submitted, else created; UTC).
 */
export function matchesFilter(
  row: Pick<AssessmentRow, 'title' | 'status' | 'modelId' | 'createdAt' | 'submittedAt'>,
  filter: AssessmentListQuery,
): boolean {
  const q = filter.q?.trim().toLowerCase();
  if (q && !row.title.toLowerCase().includes(q)) return false;
  if (filter.status !== undefined && row.status !== filter.status) return false;
  if (filter.modelId !== undefined && row.modelId !== filter.modelId) return false;
  if (filter.year !== undefined && (row.submittedAt ?? row.createdAt).getUTCFullYear() !== filter.year)
    return false;
  return true;
}
