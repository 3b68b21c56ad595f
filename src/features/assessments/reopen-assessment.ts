import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/app-error.ts';
import { progress } from './assessment-result.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import { listAnswers, markReopened, type AssessmentRow } from './repositories/assessments.ts';

/** Reopen a submitted assessment with a reason (kept in its history); 409 not_submitted for a draft. */
export async function reopenAssessment(
  db: Db,
  loaded: LoadedAssessment,
  reason: string,
): Promise<{ row: AssessmentRow; progress: { answered: number; total: number } }> {
  const { row, index, profile, scope } = loaded;
  if (!(await markReopened(db, scope, reason)))
    throw new AppError(409, 'not_submitted', 'Only a submitted assessment can be reopened');
  const answers = await listAnswers(db, scope.tenant, row.id);
  const reopened = {
    ...row,
    status: 'draft' as const,
    result: null,
    submittedAt: null,
    version: row.version + 1,
  };
  return { row: reopened, progress: progress(index, answers, profile) };
}
