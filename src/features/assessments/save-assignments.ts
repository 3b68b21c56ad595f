import type { z } from 'zod';
import type { SaveAssignments } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { badRequest } from '../../server/app-error.ts';
import { requireVersion, StaleSave, staleVersion } from '../../server/versioned-save.ts';
import { membersOf } from '../organisations/directory.ts';
import type { IndicatorSystemIndex } from './indicator-system-index.ts';
import { locked, type LoadedAssessment } from './load-assessment.ts';
import { presentAssignment } from './present-assessment.ts';
import { listAssignments, replaceAssignments } from './repositories/assessments.ts';

type Assignments = z.output<typeof SaveAssignments>['assignments'];

/**
 * Refuse (400, nothing stored) assignments of a section the indicator system does not have, of a section twice, or
 * to a user who is not one of `memberIds` (the assessment's organisation's members), naming the section.
 */
export function checkAssignments(
  index: Pick<IndicatorSystemIndex, 'sections'>,
  assignments: Assignments,
  memberIds: ReadonlySet<string>,
): void {
  const known = new Set(index.sections.map((s) => s.id));
  const unknown = assignments.filter((a) => !known.has(a.sectionId)).map((a) => a.sectionId);
  if (unknown.length > 0)
    throw badRequest(`unknown section ${unknown.map((s) => `"${s}"`).join(', ')}`, { unknown });
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.sectionId)) throw badRequest(`section "${a.sectionId}" is assigned twice`);
    seen.add(a.sectionId);
  }
  const strangers = assignments.filter((a) => a.userId !== null && !memberIds.has(a.userId));
  const first = strangers[0];
  if (first)
    throw badRequest(
      `section "${first.sectionId}": user ${first.userId ?? ''} is not a member of this organisation` +
        `${strangers.length > 1 ? ` (and ${strangers.length - 1} more)` : ''}; nothing was saved`,
      { sections: strangers.map((a) => ({ sectionId: a.sectionId, userId: a.userId })) },
    );
}

/**
 * Replace the section assignments edited at assessment `version` (400 version_required without it; 409
 * stale_version with the current ones when they changed, or the assessment was submitted or reopened, since).
 */
export async function saveAssignments(
  db: Db,
  loaded: LoadedAssessment,
  input: z.output<typeof SaveAssignments>,
): Promise<void> {
  const { row, index, scope } = loaded;
  const members = new Set((await membersOf(db, scope.tenant)).map((m) => m.userId));
  checkAssignments(index, input.assignments, members);
  const version = requireVersion(input.version, 'assessment');
  const outcome = await replaceAssignments(db, scope, input.assignments, version);
  if (outcome === 'locked') throw locked();
  if (outcome !== 'saved') {
    const current = await listAssignments(db, scope.tenant, row.id);
    throw staleVersion('assessment', new StaleSave(outcome.currentVersion, ['assignments']), {
      version: outcome.currentVersion,
      assignments: current.map(presentAssignment),
    });
  }
}
