import { and, eq } from 'drizzle-orm';
import { assessments } from '../../db/schema.ts';
import type { Ownership } from '../../server/access/ownership.ts';

/** `/api/assessments/:id…`: the assessment must be the caller's organisation's (else 404, before the body is read). */
export const assessmentOwnership: Ownership = {
  path: '/api/assessments/:id',
  param: 'id',
  what: 'Assessment',
  owns: async (db, caller, id) =>
    (
      await db
        .select({ id: assessments.id })
        .from(assessments)
        .where(and(eq(assessments.orgId, caller.tenant), eq(assessments.id, id)))
        .limit(1)
    ).length === 1,
};
