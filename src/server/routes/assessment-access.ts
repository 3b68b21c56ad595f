import type { FastifyRequest } from 'fastify';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import type { AssessmentProfile } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../../db/repositories/accounts.ts';
import { findAssessment, type AssessmentRow } from '../../db/repositories/assessments.ts';
import { AppError, notFound } from '../app-error.ts';
import { requireSession } from '../auth/current-session.ts';
import { requireWriter } from '../auth/policies.ts';
import { modelIndex, type ModelIndex } from '../use-cases/assessment-items.ts';

/** The loaded indicator systems by model id. */
export type ModelCatalog = ReadonlyMap<string, IndicatorSystem>;

export interface AssessmentContext {
  session: SessionView;
  row: AssessmentRow;
  index: ModelIndex;
  profile: AssessmentProfile;
}

export function modelOf(models: ModelCatalog, id: string): ModelIndex {
  const model = models.get(id);
  if (!model) throw notFound(`Model ${id}`, { available: [...models.keys()] });
  return modelIndex(model);
}

/**
 * The signed-in user's assessment `id` in the session's organisation (404 for any other organisation's), with its
 * model. `write` also checks the role and that the assessment is still a draft (409 assessment_locked).
 */
export async function loadAssessment(
  db: Db,
  models: ModelCatalog,
  request: FastifyRequest,
  id: string,
  access: 'read' | 'write',
): Promise<AssessmentContext> {
  const session = await requireSession(db, request);
  if (access === 'write') await requireWriter(db, session);
  const row = await findAssessment(db, session.orgId, id);
  if (!row) throw notFound('Assessment');
  const model = models.get(row.modelId);
  if (!model)
    throw new AppError(
      409,
      'model_unavailable',
      `Model ${row.modelId} of this assessment is not loaded on this server`,
    );
  if (access === 'write' && row.status === 'submitted') throw locked();
  return { session, row, index: modelIndex(model), profile: row.profile as AssessmentProfile };
}

export const locked = () =>
  new AppError(409, 'assessment_locked', 'The assessment is submitted and locked; reopen it to change it');
