import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments, plans } from '../schema.ts';

/** Plans of an organisation. Every query filters by org_id: another organisation's plan does not exist here. */
export type PlanRow = typeof plans.$inferSelect;

export interface NewPlan {
  orgId: string;
  title: string;
  atlasPackId: string;
  copiedFrom?: string | null;
  assessmentId?: string | null;
  profile: unknown;
  settings: unknown;
  initiatives: unknown;
  risks: unknown;
  solution?: unknown;
  /** the plan document's section edits (a what-if copy carries its original's) */
  document?: unknown;
  createdBy: string | null;
}

export async function insertPlan(db: Db, input: NewPlan): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(input).returning();
  if (!row) throw new Error('insert into plans returned no row');
  return row;
}

export async function findPlan(db: Db, orgId: string, id: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.id, id)))
    .limit(1);
  return row;
}

export async function listPlans(db: Db, orgId: string): Promise<PlanRow[]> {
  return db.select().from(plans).where(eq(plans.orgId, orgId)).orderBy(desc(plans.updatedAt));
}

export type PlanPatch = Partial<
  Pick<PlanRow, 'title' | 'settings' | 'initiatives' | 'risks' | 'solution' | 'document'>
>;

/** Saves the given columns (and updated_at); undefined when the plan is not this organisation's. */
export async function updatePlan(
  db: Db,
  orgId: string,
  id: string,
  patch: PlanPatch,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(plans)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(plans.orgId, orgId), eq(plans.id, id)))
    .returning();
  return row;
}

/** Stores a solution without touching updated_at (solving does not change the plan's inputs). */
export async function saveSolution(db: Db, orgId: string, id: string, solution: unknown): Promise<void> {
  await db
    .update(plans)
    .set({ solution })
    .where(and(eq(plans.orgId, orgId), eq(plans.id, id)));
}

/**
 * Stores the plan document's section edits without touching updated_at (the plan's inputs are unchanged).
 * `change` turns the stored value into the one to store; the row is locked meanwhile, so that saves of different
 * languages at the same time keep each other's edits. False when the plan is not this organisation's.
 */
export async function savePlanDocument(
  db: Db,
  orgId: string,
  id: string,
  change: (current: unknown) => unknown,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const where = and(eq(plans.orgId, orgId), eq(plans.id, id));
    const [row] = await tx.select({ document: plans.document }).from(plans).where(where).for('update');
    if (!row) return false;
    await tx
      .update(plans)
      .set({ document: change(row.document) })
      .where(where);
    return true;
  });
}

export async function deletePlan(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.id, id)))
    .returning({ id: plans.id });
  return rows.length > 0;
}

export interface SubmittedAssessment {
  id: string;
  title: string;
  submittedAt: Date | null;
  result: unknown;
}

/** Submitted assessments (those with a frozen diagnosis result) of the organisation, newest first. */
export async function listSubmittedAssessments(db: Db, orgId: string): Promise<SubmittedAssessment[]> {
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      submittedAt: assessments.submittedAt,
      result: assessments.result,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), isNotNull(assessments.result)))
    .orderBy(desc(assessments.createdAt));
}

export async function findSubmittedAssessment(
  db: Db,
  orgId: string,
  id: string,
): Promise<SubmittedAssessment | undefined> {
  const [row] = await db
    .select({
      id: assessments.id,
      title: assessments.title,
      submittedAt: assessments.submittedAt,
      result: assessments.result,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id), isNotNull(assessments.result)))
    .limit(1);
  return row;
}
