import type { RespondentRole } from '../../../../src/contracts/diagnosis.ts';
import type { Assignment } from './api.ts';

/** What the answer form shows: every section or one respondent role's, and possibly only those assigned to me. */
export interface SectionFilter {
  role: RespondentRole | 'all';
  mine: boolean;
}

/** The sections the filter keeps, in their order; `me` is the signed-in user's id (undefined while unknown). */
export function filterSections<S extends { id: string }>(
  sections: readonly S[],
  assignments: ReadonlyMap<string, Assignment>,
  filter: SectionFilter,
  me: string | undefined,
): S[] {
  return sections.filter((s) => {
    const a = assignments.get(s.id);
    if (filter.role !== 'all' && a?.respondentRole !== filter.role) return false;
    return !filter.mine || (me !== undefined && a?.userId === me);
  });
}
