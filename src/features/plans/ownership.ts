import { and, eq } from 'drizzle-orm';
import { plans } from '../../db/schema.ts';
import type { Ownership } from '../../server/access/ownership.ts';

/** `/api/plans/:id…`: the plan must be the caller's organisation's (else 404, before the body is read). */
export const planOwnership: Ownership = {
  path: '/api/plans/:id',
  param: 'id',
  what: 'Plan',
  owns: async (db, caller, id) =>
    (
      await db
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.orgId, caller.tenant), eq(plans.id, id)))
        .limit(1)
    ).length === 1,
};
