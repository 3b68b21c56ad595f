import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessments, plans } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

/**
 * A stored plan (a row of `plans`). Every query filters by the tenant: another organisation's plan does not exist
 * here.
 */
export type PlanRecord = typeof plans.$inferSelect;

export interface NewPlan {
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

/** The audit trail's snapshot of a plan: what names it, not its blobs (settings, initiatives, solution). */
const planSnapshot = (row: PlanRecord) => ({
  title: row.title,
  version: row.version,
  atlasPackId: row.atlasPackId,
  assessmentId: row.assessmentId,
  copiedFrom: row.copiedFrom,
});

export async function insertPlan(
  db: Db,
  tenant: TenantId,
  input: NewPlan,
  audit?: AuditScope,
): Promise<PlanRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...input, orgId: tenant })
      .returning();
    if (!row) throw new Error('insert into plans returned no row');
    if (audit)
      await recordAudit(tx, audit, {
        action: input.copiedFrom ? 'plan.copy' : 'plan.create',
        entityType: 'plan',
        entityId: row.id,
        after: planSnapshot(row),
      });
    return row;
  });
}

export async function findPlan(db: Db, tenant: TenantId, id: string): Promise<PlanRecord | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgId, tenant), eq(plans.id, id)))
    .limit(1);
  return row;
}

/** Whether the tenant has the plan: the access hook's ownership check (one indexed row, no columns read). */
export async function hasPlan(db: Db, tenant: TenantId, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.orgId, tenant), eq(plans.id, id)))
    .limit(1);
  return rows.length === 1;
}

export async function listPlans(db: Db, tenant: TenantId): Promise<PlanRecord[]> {
  return db.select().from(plans).where(eq(plans.orgId, tenant)).orderBy(desc(plans.updatedAt));
}

export type PlanPatch = Partial<
  Pick<PlanRecord, 'title' | 'settings' | 'initiatives' | 'risks' | 'solution' | 'document'>
>;

/** Stores a solution without touching updated_at (solving does not change the plan's inputs). */
export async function saveSolution(
  db: Db,
  tenant: TenantId,
  id: string,
  solution: unknown,
  audit?: AuditScope,
): Promise<void> {
  await db.transaction(async (tx) => {
    const saved = await tx
      .update(plans)
      .set({ solution })
      .where(and(eq(plans.orgId, tenant), eq(plans.id, id)))
      .returning({ id: plans.id });
    if (audit && saved.length > 0)
      await recordAudit(tx, audit, { action: 'plan.solve', entityType: 'plan', entityId: id });
  });
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
 * stored. A change writing no part stores nothing and keeps the version. Undefined when the plan is not the
 * tenant's.
 */
export async function changePlan(
  db: Db,
  tenant: TenantId,
  id: string,
  change: (row: PlanRecord) => PlanChange,
  audit?: AuditScope,
): Promise<PlanRecord | undefined> {
  return db.transaction(async (tx) => {
    const where = and(eq(plans.orgId, tenant), eq(plans.id, id));
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
    if (audit && saved)
      await recordAudit(tx, audit, {
        action: parts.length === 1 && parts[0] === 'document' ? 'plan.document.save' : 'plan.update',
        entityType: 'plan',
        entityId: id,
        before: { ...planSnapshot(row), parts },
        after: planSnapshot(saved),
      });
    return saved;
  });
}

/**
 * Stores the plan document's section edits without touching updated_at (the plan's inputs are unchanged), as one
 * new version of the plan. `change` turns the stored value into the one to store, the row locked meanwhile. False
 * when the plan is not the tenant's.
 */
export async function savePlanDocument(
  db: Db,
  tenant: TenantId,
  id: string,
  change: (current: unknown) => unknown,
): Promise<boolean> {
  const row = await changePlan(db, tenant, id, (current) => ({
    patch: { document: change(current.document) },
    parts: ['document'],
    touchesInputs: false,
  }));
  return row !== undefined;
}

export async function deletePlan(db: Db, tenant: TenantId, id: string, audit?: AuditScope): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(plans)
      .where(and(eq(plans.orgId, tenant), eq(plans.id, id)))
      .returning();
    if (audit && row)
      await recordAudit(tx, audit, {
        action: 'plan.delete',
        entityType: 'plan',
        entityId: id,
        before: planSnapshot(row),
      });
    return row !== undefined;
  });
}

export interface SubmittedAssessment {
  id: string;
  title: string;
  submittedAt: Date | null;
  result: unknown;
}

/*
 * The two reads below use the assessments feature's table (a plan starts from a submitted diagnosis). They stay here
 * until the assessments feature offers them as a use case (as organisations/directory.ts does for organisations).
 */

/** Submitted assessments (those with a frozen diagnosis result) of the tenant, newest first. */
export async function listSubmittedAssessments(db: Db, tenant: TenantId): Promise<SubmittedAssessment[]> {
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      submittedAt: assessments.submittedAt,
      result: assessments.result,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, tenant), isNotNull(assessments.result)))
    .orderBy(desc(assessments.createdAt));
}

export async function findSubmittedAssessment(
  db: Db,
  tenant: TenantId,
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
    .where(and(eq(assessments.orgId, tenant), eq(assessments.id, id), isNotNull(assessments.result)))
    .limit(1);
  return row;
}

/** The repository bound to a database: what the use cases receive (a test passes fakes of the functions it needs). */
export interface PlanRepository {
  insertPlan(tenant: TenantId, input: NewPlan): Promise<PlanRecord>;
  findPlan(tenant: TenantId, id: string): Promise<PlanRecord | undefined>;
  listPlans(tenant: TenantId): Promise<PlanRecord[]>;
  saveSolution(tenant: TenantId, id: string, solution: unknown): Promise<void>;
  changePlan(
    tenant: TenantId,
    id: string,
    change: (row: PlanRecord) => PlanChange,
  ): Promise<PlanRecord | undefined>;
  deletePlan(tenant: TenantId, id: string): Promise<boolean>;
  listSubmittedAssessments(tenant: TenantId): Promise<SubmittedAssessment[]>;
  findSubmittedAssessment(tenant: TenantId, id: string): Promise<SubmittedAssessment | undefined>;
}

/** With `audit`, every change it stores is recorded in the audit trail, in the change's own transaction. */
export function planRepository(db: Db, audit?: AuditScope): PlanRepository {
  return {
    insertPlan: (tenant, input) => insertPlan(db, tenant, input, audit),
    findPlan: (tenant, id) => findPlan(db, tenant, id),
    listPlans: (tenant) => listPlans(db, tenant),
    saveSolution: (tenant, id, solution) => saveSolution(db, tenant, id, solution, audit),
    changePlan: (tenant, id, change) => changePlan(db, tenant, id, change, audit),
    deletePlan: (tenant, id) => deletePlan(db, tenant, id, audit),
    listSubmittedAssessments: (tenant) => listSubmittedAssessments(db, tenant),
    findSubmittedAssessment: (tenant, id) => findSubmittedAssessment(db, tenant, id),
  };
}
