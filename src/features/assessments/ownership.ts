import type { Ownership } from '../../server/access/ownership.ts';
import { hasAssessment } from './repositories/assessments.ts';

/** `/api/assessments/:id…`: the assessment must be the caller's organisation's (else 404, before the body is read). */
export const assessmentOwnership: Ownership = {
  path: '/api/assessments/:id',
  param: 'id',
  what: 'Assessment',
  owns: (db, caller, id) => hasAssessment(db, caller.tenant, id),
};
