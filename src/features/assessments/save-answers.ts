import type { AnswerValue } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { StaleSave, staleVersion } from '../../server/versioned-save.ts';
import { checkAnswers, invalidAnswers } from './answer-checks.ts';
import { progress } from './assessment-result.ts';
import { locked, type LoadedAssessment } from './load-assessment.ts';
import { presentAnswer } from './present-assessment.ts';
import { listAnswers, storeAnswersAt } from './repositories/assessments.ts';

/**
 * Autosave of a batch of answers edited at `versions`: each is checked against the indicator system first (400
 * invalid_answers, nothing stored). The store locks the assessment's row and reads its status under the lock, so a
 * submit at the same time either comes after (the answers are in its frozen result) or before (409
 * assessment_locked, nothing stored); an item someone else changed since answers 409 stale_version.
 */
export async function saveAnswers(
  db: Db,
  loaded: LoadedAssessment,
  answers: Record<string, AnswerValue | null>,
  versions: Readonly<Record<string, number>>,
): Promise<{ saved: number; answered: number; versions: Record<string, number> }> {
  const { row, index, profile, scope } = loaded;
  const problems = checkAnswers(index, answers);
  if (problems.length > 0) throw invalidAnswers(problems);
  const outcome = await storeAnswersAt(db, scope, answers, versions);
  if (outcome.kind === 'locked') throw locked();
  if (outcome.kind === 'stale')
    throw staleVersion(
      'assessment',
      new StaleSave(Math.max(0, ...outcome.current.map((a) => a.version)), outcome.changed),
      { answers: outcome.current.map(presentAnswer) },
    );
  const { answered } = progress(index, await listAnswers(db, scope.tenant, row.id), profile);
  return { saved: Object.keys(answers).length, answered, versions: outcome.versions };
}
