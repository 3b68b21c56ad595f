import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { Actor } from './load-assessment.ts';
import { deleteDraft } from './repositories/assessments.ts';

/**
 * Delete one of the tenant's draft assessments, with its answers, assignments and evidence. A submitted one is a
 * result others may rely on (a plan starts from it): 409 assessment_submitted, nothing deleted — reopen it first.
 */
export async function deleteAssessment(db: Db, actor: Actor, id: string): Promise<void> {
  const outcome = await deleteDraft(db, actor.tenant, id, actor.audit);
  if (outcome === undefined) throw notFound('Assessment');
  if (outcome === 'submitted')
    throw new AppError(
      409,
      'assessment_submitted',
      'A submitted assessment cannot be deleted; only drafts can (reopen it first to make it a draft)',
    );
}
