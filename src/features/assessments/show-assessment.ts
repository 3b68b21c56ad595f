import type { Db } from '../../db/client.ts';
import { membersOf } from '../organisations/directory.ts';
import { progress } from './assessment-result.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import type { AssessmentShown } from './present-assessment.ts';
import { listAnswers, listAssignments, listEvents } from './repositories/assessments.ts';
import { listEvidence } from './repositories/evidence.ts';

/**
 * One assessment with its answers, section assignments, the members sections can be assigned to, history and
 * evidence list; `canWrite` says whether the caller may change it (their role, from the access hook).
 */
export async function showAssessment(
  db: Db,
  loaded: LoadedAssessment,
  canWrite: boolean,
): Promise<AssessmentShown> {
  const { row, index, profile, scope } = loaded;
  const { tenant } = scope;
  const [answers, assignments, members, events, evidence] = await Promise.all([
    listAnswers(db, tenant, row.id),
    listAssignments(db, tenant, row.id),
    membersOf(db, tenant),
    listEvents(db, tenant, row.id),
    listEvidence(db, tenant, row.id),
  ]);
  return {
    row,
    index,
    progress: progress(index, answers, profile),
    answers,
    assignments,
    members,
    events,
    evidence,
    canWrite,
  };
}
