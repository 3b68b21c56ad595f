import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessments, plans } from '../../db/schema.ts';

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

/** Stores a solution without touching updated_at (solving does not change the plan's inputs). */
export async function saveSolution(db: Db, orgId: string, id: string, solution: unknown): Promise<void> {
  await db
    .update(plans)
    .set({ solution })
    .where(and(eq(plans.orgId, orgId), eq(plans.id, id)));
}

/** What a save changes: the columns to store and the parts written (their field versions become the new version). */
export interface PlanChange {
  patch: PlanPatch;
  parts: readonly string[];
  /** the plan's inputs changed (updated_at moves); document edits leave it */
  touchesInputs: boolean;
}

/**
 * One save of a plan, race-free on both engines: the row is locked (SELECT … FOR UPDATE) while `change` turns the
 * stored row into the change to store — so two saves at the same time run one after the other, the second seeing the
 * first's result (no lost risk, no lost section). `change` may throw (a stale version, a bad value): nothing is
 * stored. A change writing no part stores nothing and keeps the version. Undefined when the plan is not this
 * organisation's.
 */
export async function changePlan(
  db: Db,
  orgId: string,
  id: string,
  change: (row: PlanRow) => PlanChange,
): Promise<PlanRow | undefined> {
  return db.transaction(async (tx) => {
    const where = and(eq(plans.orgId, orgId), eq(plans.id, id));
    const [row] = await tx.select().from(plans).where(where).for('update');
    if (!row) return undefined;
    const { patch, parts, touchesInputs } = change(row);
    if (parts.length === 0) return row;
    const version = row.version + 1;
    const fieldVersions = {
      ...(row.fieldVersions as Record<string, number>),
      ...Object.fromEntries(parts.map((part) => [part, version])),
    };
    const [saved] = await tx
      .update(plans)
      .set({ ...patch, version, fieldVersions, ...(touchesInputs ? { updatedAt: new Date() } : {}) })
      .where(where)
      .returning();
    return saved;
  });
}

/**
 * Stores the plan document's section edits without touching updated_at (the plan's inputs are unchanged), as one
 * new version of the plan. `change` turns the stored value into the one to store, the row locked meanwhile. False
 * when the plan is not this organisation's.
 */
export async function savePlanDocument(
  db: Db,
  orgId: string,
  id: string,
  change: (current: unknown) => unknown,
): Promise<boolean> {
  const row = await changePlan(db, orgId, id, (current) => ({
    patch: { document: change(current.document) },
    parts: ['document'],
    touchesInputs: false,
  }));
  return row !== undefined;
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
