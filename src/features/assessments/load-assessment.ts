/**
 * What every `/api/assessments/:id…` route starts with, once the access hook has let the caller in: the tenant's
 * assessment (404 for any other organisation's) with its indicator system (409 model_unavailable when this server
 * has not loaded it), and — for a change — refused with 409 assessment_locked when it is submitted. Who may read
 * or change is the hook's (the routes' `config: { access }`), not this.
 */
import type { FastifyRequest } from 'fastify';
import type { AssessmentProfile } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { member } from '../../server/access/caller.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import {
  indicatorSystemIndex,
  type IndicatorSystemCatalog,
  type IndicatorSystemIndex,
} from './indicator-system-index.ts';
import { findAssessment, type AssessmentRow, type AssessmentScope } from './repositories/assessments.ts';

/** Who acts: the tenant the access hook granted, and the user. */
export interface Actor {
  tenant: TenantId;
  userId: string;
  /** where its changes are recorded in the audit trail (see src/features/audit/) */
  audit?: AuditScope | undefined;
}

export interface LoadedAssessment {
  row: AssessmentRow;
  index: IndicatorSystemIndex;
  profile: AssessmentProfile;
  scope: AssessmentScope;
}

/**
 * What the caller means to do with the assessment: `read` it, change it while it is a `draft` (409
 * assessment_locked once submitted), or act on it `whatever` its status (reopen: the use case decides).
 */
export type AssessmentIntent = 'read' | 'draft' | 'whatever';

export async function loadAssessment(
  db: Db,
  systems: IndicatorSystemCatalog,
  actor: Actor,
  id: string,
  intent: AssessmentIntent,
): Promise<LoadedAssessment> {
  const row = await findAssessment(db, actor.tenant, id);
  if (!row) throw notFound('Assessment');
  const system = systems.get(row.modelId);
  if (!system)
    throw new AppError(
      409,
      'model_unavailable',
      `Model ${row.modelId} of this assessment is not loaded on this server`,
    );
  if (intent === 'draft' && row.status === 'submitted') throw locked();
  return {
    row,
    index: indicatorSystemIndex(system),
    profile: row.profile as AssessmentProfile,
    scope: { tenant: actor.tenant, assessmentId: row.id, userId: actor.userId, audit: actor.audit },
  };
}

/** `loadAssessment` bound to a server's database and indicator systems. */
export function assessmentLoader(db: Db, systems: IndicatorSystemCatalog) {
  return (actor: Actor, id: string, intent: AssessmentIntent): Promise<LoadedAssessment> =>
    loadAssessment(db, systems, actor, id, intent);
}

export const locked = () =>
  new AppError(409, 'assessment_locked', 'The assessment is submitted and locked; reopen it to change it');

/** The actor of a route declared `read`, `write` or `admin`, as the access hook resolved it. */
export function actorOf(request: FastifyRequest): Actor {
  const caller = member(request);
  return { tenant: caller.tenant, userId: caller.user.id, audit: memberAuditScope(request) };
}
