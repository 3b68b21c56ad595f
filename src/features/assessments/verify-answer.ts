import type { z } from 'zod';
import type { AnswerValue, Verify } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/app-error.ts';
import { checkAnswer, invalidAnswers } from './answer-checks.ts';
import { locked, type LoadedAssessment } from './load-assessment.ts';
import { storeVerification } from './repositories/assessments.ts';

/**
 * Assessor mode: the assessor verifies an item's answer, or corrects it (the value checked against the indicator
 * system) with a reason; both values are kept. 409 not_assessor_mode for a self-assessment.
 */
export async function verifyAnswer(
  db: Db,
  loaded: LoadedAssessment,
  itemId: string,
  input: z.output<typeof Verify>,
): Promise<void> {
  const { row, index, scope } = loaded;
  if (row.mode !== 'assessor')
    throw new AppError(409, 'not_assessor_mode', 'Only assessor-mode assessments are verified');
  if (!index.items.has(itemId)) throw invalidAnswers([{ itemId, message: `unknown item "${itemId}"` }]);
  let verifiedValue: AnswerValue | null = null;
  if (input.verification === 'corrected') {
    const problem = checkAnswer(index, itemId, input.value);
    if (problem !== null) throw invalidAnswers([{ itemId, message: problem }]);
    verifiedValue = input.value;
  }
  const outcome = await storeVerification(db, scope, {
    itemId,
    verification: input.verification,
    verifiedValue,
    reason: input.reason,
  });
  if (outcome === 'locked') throw locked();
}
