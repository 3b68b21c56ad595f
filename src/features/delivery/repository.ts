/**
 * The delivery feature's SQL: projects and what hangs beneath them. Every function takes the TenantId and filters by
 * it; a project's rows are keyed (org_id, project_id, …), so another organisation's rows do not exist here.
 */
import { and, asc, eq, inArray, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { listEvidence, type EvidenceInfo } from '../../db/evidence-store.ts';
import {
  deliveryChanges,
  deliveryCostEntries,
  deliveryGatePasses,
  deliveryMilestones,
  deliveryProjects,
  deliveryTeamMembers,
  deliveryTicks,
} from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type ProjectRow = typeof deliveryProjects.$inferSelect;
export type NewProject = Omit<
  typeof deliveryProjects.$inferInsert,
  'orgId' | 'id' | 'version' | 'fieldVersions'
>;
export type TeamRow = typeof deliveryTeamMembers.$inferSelect;
export type MilestoneRow = typeof deliveryMilestones.$inferSelect;
export type CostRow = typeof deliveryCostEntries.$inferSelect;
export type TickRow = typeof deliveryTicks.$inferSelect;
export type PassRow = typeof deliveryGatePasses.$inferSelect;
export type ChangeRow = typeof deliveryChanges.$inferSelect;

/** A project with everything beneath it. */
export interface ProjectBundle {
  project: ProjectRow;
  team: TeamRow[];
  milestones: MilestoneRow[];
  costs: CostRow[];
  ticks: TickRow[];
  passes: PassRow[];
  changes: ChangeRow[];
  /** evidence files of its checklist items (item ids `<checklistId>.<itemId>`), in the shared evidence store */
  files: EvidenceInfo[];
}

const ofProject = (tenant: TenantId, id: string) =>
  and(eq(deliveryProjects.orgId, tenant), eq(deliveryProjects.id, id));

export async function hasProject(db: Db, tenant: TenantId, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: deliveryProjects.id })
    .from(deliveryProjects)
    .where(ofProject(tenant, id))
    .limit(1);
  return rows.length === 1;
}

/** Inserts the projects, all or none; those of an initiative that already has a project of the plan are skipped. */
export async function insertProjects(
  db: Db,
  tenant: TenantId,
  projects: readonly NewProject[],
  audit?: AuditScope,
): Promise<ProjectRow[]> {
  if (projects.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(deliveryProjects)
      .values(projects.map((p) => ({ ...p, orgId: tenant })))
      .onConflictDoNothing()
      .returning();
    if (audit)
      for (const row of rows)
        await recordAudit(
          tx,
          { ...audit, tenant },
          {
            action: 'project.create',
            entityType: 'project',
            entityId: row.id,
            after: { name: row.name, planId: row.planId, initiativeId: row.initiativeId, budget: row.budget },
          },
        );
    return rows;
  });
}

/** The audit trail's snapshot of what a project change patched, before and after (small columns only). */
function patchSnapshot(row: ProjectRow, patch: ProjectChange['patch']): Record<string, unknown> {
  const keys = Object.keys(patch ?? {}) as (keyof NonNullable<ProjectChange['patch']>)[];
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

async function bundleOf(db: Db, tenant: TenantId, project: ProjectRow): Promise<ProjectBundle> {
  const key = (t: { orgId: Column; projectId: Column }): SQL | undefined =>
    and(eq(t.orgId, tenant), eq(t.projectId, project.id));
  const [team, milestones, costs, ticks, passes, changes, files] = await Promise.all([
    db
      .select()
      .from(deliveryTeamMembers)
      .where(key(deliveryTeamMembers))
      .orderBy(asc(deliveryTeamMembers.addedAt)),
    db
      .select()
      .from(deliveryMilestones)
      .where(key(deliveryMilestones))
      .orderBy(asc(deliveryMilestones.due), asc(deliveryMilestones.createdAt)),
    db
      .select()
      .from(deliveryCostEntries)
      .where(key(deliveryCostEntries))
      .orderBy(asc(deliveryCostEntries.period), asc(deliveryCostEntries.enteredAt)),
    db.select().from(deliveryTicks).where(key(deliveryTicks)),
    db.select().from(deliveryGatePasses).where(key(deliveryGatePasses)),
    db
      .select()
      .from(deliveryChanges)
      .where(key(deliveryChanges))
      .orderBy(asc(deliveryChanges.changedAt), asc(deliveryChanges.kind)),
    listEvidence(db, tenant, { projectId: project.id }),
  ]);
  return { project, team, milestones, costs, ticks, passes, changes, files };
}

export async function findProject(db: Db, tenant: TenantId, id: string): Promise<ProjectBundle | undefined> {
  const [project] = await db.select().from(deliveryProjects).where(ofProject(tenant, id)).limit(1);
  return project ? bundleOf(db, tenant, project) : undefined;
}

/** What the list and roll-up of many projects need: projects, milestones, cost entries and gate passes. */
export interface ProjectFactsRows {
  projects: ProjectRow[];
  milestones: MilestoneRow[];
  costs: Pick<CostRow, 'projectId' | 'period' | 'amount'>[];
  passes: Pick<PassRow, 'projectId' | 'gateId'>[];
}

/** The tenants' projects (of one plan, when given) with their facts: four queries, however many projects. */
export async function listProjectFacts(
  db: Db,
  tenants: readonly TenantId[],
  planId?: string,
): Promise<ProjectFactsRows> {
  if (tenants.length === 0) return { projects: [], milestones: [], costs: [], passes: [] };
  const projects = await db
    .select()
    .from(deliveryProjects)
    .where(
      and(
        inArray(deliveryProjects.orgId, [...tenants]),
        planId === undefined ? undefined : eq(deliveryProjects.planId, planId),
      ),
    )
    .orderBy(asc(deliveryProjects.startPeriod), asc(deliveryProjects.initiativeId));
  if (projects.length === 0) return { projects, milestones: [], costs: [], passes: [] };
  const orgs = [...tenants];
  const ids = planId === undefined ? undefined : projects.map((p) => p.id);
  const scope = (t: { orgId: Column; projectId: Column }) =>
    and(inArray(t.orgId, orgs), ids === undefined ? undefined : inArray(t.projectId, ids));
  const [milestones, costs, passes] = await Promise.all([
    db.select().from(deliveryMilestones).where(scope(deliveryMilestones)),
    db
      .select({
        projectId: deliveryCostEntries.projectId,
        period: deliveryCostEntries.period,
        amount: deliveryCostEntries.amount,
      })
      .from(deliveryCostEntries)
      .where(scope(deliveryCostEntries)),
    db
      .select({ projectId: deliveryGatePasses.projectId, gateId: deliveryGatePasses.gateId })
      .from(deliveryGatePasses)
      .where(scope(deliveryGatePasses)),
  ]);
  return { projects, milestones, costs, passes };
}

/** What one write of a project changes: the parts written (their field versions become the new version). */
export interface ProjectChange {
  parts: readonly string[];
  patch?: Partial<
    Pick<
      ProjectRow,
      | 'name'
      | 'scope'
      | 'provider'
      | 'budget'
      | 'startPeriod'
      | 'finishPeriod'
      | 'closedThrough'
      | 'acceptanceRating'
      | 'acceptanceComment'
      | 'acceptanceRatedBy'
      | 'acceptanceRatedAt'
    >
  >;
}

/**
 * One write of a project under its row lock (SELECT … FOR UPDATE), in one transaction: `change` reads the locked
 * project with everything beneath it, may write rows beneath it through `tx`, and may throw (a stale version, a bad
 * value): then nothing is stored. The project's version moves by one when a part was written. Undefined when the
 * project is not the tenant's.
 */
export async function changeProject(
  db: Db,
  tenant: TenantId,
  id: string,
  change: (bundle: ProjectBundle, tx: Db) => Promise<ProjectChange>,
  audit?: AuditScope,
): Promise<ProjectBundle | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(deliveryProjects).where(ofProject(tenant, id)).for('update');
    if (!row) return undefined;
    const { parts, patch } = await change(await bundleOf(tx, tenant, row), tx);
    if (parts.length === 0) return bundleOf(tx, tenant, row);
    const version = row.version + 1;
    const fieldVersions = {
      ...(row.fieldVersions as Record<string, number>),
      ...Object.fromEntries(parts.map((part) => [part, version])),
    };
    const [saved] = await tx
      .update(deliveryProjects)
      .set({ ...patch, version, fieldVersions, updatedAt: new Date() })
      .where(ofProject(tenant, id))
      .returning();
    // in the project's trail (its owner's), also when an invited provider writes
    if (audit)
      await recordAudit(
        tx,
        { ...audit, tenant },
        {
          action: 'project.change',
          entityType: 'project',
          entityId: id,
          before: { name: row.name, version: row.version, parts, ...patchSnapshot(row, patch) },
          after: { name: saved!.name, version, parts, ...patchSnapshot(saved!, patch) },
        },
      );
    return bundleOf(tx, tenant, saved!);
  });
}

/** Writes beneath a locked project (called inside `changeProject`'s change, with its `tx`). */
export const projectWrites = {
  addTeamMember: (
    tx: Db,
    tenant: TenantId,
    projectId: string,
    m: Pick<TeamRow, 'role' | 'name' | 'userId'>,
  ) =>
    tx
      .insert(deliveryTeamMembers)
      .values({ ...m, orgId: tenant, projectId })
      .returning()
      .then((r) => r[0]!),
  removeTeamMember: async (tx: Db, tenant: TenantId, projectId: string, memberId: string) =>
    (
      await tx
        .delete(deliveryTeamMembers)
        .where(
          and(
            eq(deliveryTeamMembers.orgId, tenant),
            eq(deliveryTeamMembers.projectId, projectId),
            eq(deliveryTeamMembers.id, memberId),
          ),
        )
        .returning({ id: deliveryTeamMembers.id })
    ).length > 0,
  addMilestone: (tx: Db, tenant: TenantId, projectId: string, m: Pick<MilestoneRow, 'title' | 'due'>) =>
    tx
      .insert(deliveryMilestones)
      .values({ ...m, orgId: tenant, projectId })
      .returning()
      .then((r) => r[0]!),
  updateMilestone: (
    tx: Db,
    tenant: TenantId,
    projectId: string,
    milestoneId: string,
    m: Partial<Pick<MilestoneRow, 'title' | 'due' | 'doneOn'>>,
  ) =>
    tx
      .update(deliveryMilestones)
      .set(m)
      .where(
        and(
          eq(deliveryMilestones.orgId, tenant),
          eq(deliveryMilestones.projectId, projectId),
          eq(deliveryMilestones.id, milestoneId),
        ),
      ),
  addCost: (
    tx: Db,
    tenant: TenantId,
    projectId: string,
    c: Pick<CostRow, 'period' | 'amount' | 'note' | 'enteredBy'>,
  ) =>
    tx
      .insert(deliveryCostEntries)
      .values({ ...c, orgId: tenant, projectId })
      .returning()
      .then((r) => r[0]!),
  tick: (
    tx: Db,
    tenant: TenantId,
    projectId: string,
    t: Pick<TickRow, 'checklistId' | 'itemId' | 'evidence' | 'tickedBy'>,
  ) =>
    tx
      .insert(deliveryTicks)
      .values({ ...t, orgId: tenant, projectId })
      .onConflictDoUpdate({
        target: [
          deliveryTicks.orgId,
          deliveryTicks.projectId,
          deliveryTicks.checklistId,
          deliveryTicks.itemId,
        ],
        set: { evidence: t.evidence, tickedBy: t.tickedBy, tickedAt: new Date() },
      }),
  untick: (tx: Db, tenant: TenantId, projectId: string, checklistId: string, itemId: string) =>
    tx
      .delete(deliveryTicks)
      .where(
        and(
          eq(deliveryTicks.orgId, tenant),
          eq(deliveryTicks.projectId, projectId),
          eq(deliveryTicks.checklistId, checklistId),
          eq(deliveryTicks.itemId, itemId),
        ),
      ),
  pass: (tx: Db, tenant: TenantId, projectId: string, p: Pick<PassRow, 'gateId' | 'party' | 'passedBy'>) =>
    tx.insert(deliveryGatePasses).values({ ...p, orgId: tenant, projectId }),
  recordChange: (
    tx: Db,
    tenant: TenantId,
    projectId: string,
    c: Pick<ChangeRow, 'kind' | 'before' | 'after' | 'reason' | 'changedBy'>,
  ) => tx.insert(deliveryChanges).values({ ...c, orgId: tenant, projectId }),
};

/** The repository bound to a database: what the use cases receive. */
/** With `audit`, every project it creates or changes is recorded in the audit trail, in the write's transaction. */
export function deliveryRepository(db: Db, audit?: AuditScope) {
  return {
    db,
    hasProject: (tenant: TenantId, id: string) => hasProject(db, tenant, id),
    insertProjects: (tenant: TenantId, projects: readonly NewProject[]) =>
      insertProjects(db, tenant, projects, audit),
    findProject: (tenant: TenantId, id: string) => findProject(db, tenant, id),
    listProjectFacts: (tenants: readonly TenantId[], planId?: string) =>
      listProjectFacts(db, tenants, planId),
    changeProject: (
      tenant: TenantId,
      id: string,
      change: (b: ProjectBundle, tx: Db) => Promise<ProjectChange>,
    ) => changeProject(db, tenant, id, change, audit),
  };
}
export type DeliveryRepository = ReturnType<typeof deliveryRepository>;
