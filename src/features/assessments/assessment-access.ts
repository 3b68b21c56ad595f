import type { FastifyRequest } from 'fastify';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import type { AssessmentProfile } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../../server/sessions/accounts.ts';
import { findAssessment, type AssessmentRow } from './repositories/assessments.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { requireWriter } from '../../server/access/policies.ts';
import { modelIndex, type ModelIndex } from './assessment-items.ts';

/** The loaded indicator systems by model id. */
export type ModelCatalog = ReadonlyMap<string, IndicatorSystem>;

/** Who acts on which assessment, as the repositories that record a change take it. */
export interface AssessmentScope {
  orgId: string;
  assessmentId: string;
  userId: string;
}

export interface AssessmentContext {
  session: SessionView;
  row: AssessmentRow;
  index: ModelIndex;
  profile: AssessmentProfile;
  scope: AssessmentScope;
}

/**
 * What the caller means to do with the assessment:
 * - `read`: any member of its organisation;
 * - `write`: a writer (403 otherwise, checked before the lookup), on a draft (409 assessment_locked otherwise);
 * - `reopen`: a writer (403, checked after the lookup), whatever the status.
 */
export type AssessmentAccess = 'read' | 'write' | 'reopen';

export function modelOf(models: ModelCatalog, id: string): ModelIndex {
  const model = models.get(id);
  if (!model) throw notFound(`Model ${id}`, { available: [...models.keys()] });
  return modelIndex(model);
}

/**
 * The signed-in user's assessment `id` in the session's organisation (404 for any other organisation's), with its
 * model (409 model_unavailable when the server has not loaded it), after the checks of `access`.
 */
export async function loadAssessment(
  db: Db,
  models: ModelCatalog,
  request: FastifyRequest,
  id: string,
  access: AssessmentAccess,
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
  if (access === 'reopen') await requireWriter(db, session);
  return {
    session,
    row,
    index: modelIndex(model),
    profile: row.profile as AssessmentProfile,
    scope: { orgId: session.orgId, assessmentId: row.id, userId: session.user.id },
  };
}

/** `loadAssessment` bound to a server's database and models: what every `/api/assessments/:id…` route starts with. */
export function assessmentLoader(db: Db, models: ModelCatalog) {
  return (request: FastifyRequest, id: string, access: AssessmentAccess): Promise<AssessmentContext> =>
    loadAssessment(db, models, request, id, access);
}

export const locked = () =>
  new AppError(409, 'assessment_locked', 'The assessment is submitted and locked; reopen it to change it');
