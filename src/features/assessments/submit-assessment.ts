import type { Db } from '../../db/client.ts';
import { progress, scoreAnswers } from './assessment-result.ts';
import { locked, type LoadedAssessment } from './load-assessment.ts';
import { markSubmitted, type AssessmentRow } from './repositories/assessments.ts';

/**
 * Submit: lock the assessment and freeze its result, scored from the answers read under the row lock (a save at the
 * same time is either in them or refused); 409 assessment_locked when someone else submitted it meanwhile.
 */
export async function submitAssessment(
  db: Db,
  loaded: LoadedAssessment,
  now: () => Date = () => new Date(),
): Promise<{ row: AssessmentRow; progress: { answered: number; total: number } }> {
  const { row, index, profile, scope } = loaded;
  const done = await markSubmitted(db, scope, (answers) => scoreAnswers(index, answers, profile));
  if (!done) throw locked();
  const { answers, result } = done;
  const submitted = {
    ...row,
    status: 'submitted' as const,
    result,
    submittedAt: now(),
    version: row.version + 1,
  };
  return { row: submitted, progress: progress(index, answers, profile) };
}
