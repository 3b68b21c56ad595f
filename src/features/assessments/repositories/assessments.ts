import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { TenantId } from '../../../server/access/tenant.ts';
import type { AuditEvent, AuditScope } from '../../audit/audit-scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import {
  assessmentAnswers,
  assessmentAssignments,
  assessmentEvents,
  assessments,
  users,
} from '../../../db/schema.ts';

/**
 * Assessments (评估) and everything hanging off them: answers with the assessor's check, section assignments,
 * history events (evidence files: evidence.ts). Every query is scoped by org_id, the tenant, which every function
 * takes as a `TenantId` (see src/server/access/tenant.ts).
 */

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;
export type AssignmentRow = typeof assessmentAssignments.$inferSelect;
export type EventKind = 'created' | 'submitted' | 'reopened';

/** Who changes which assessment of which tenant, as the functions that record a change take it. */
export interface AssessmentScope {
  tenant: TenantId;
  assessmentId: string;
  userId: string;
  /** where the change is recorded in the audit trail, in its own transaction (a route's writes always give one) */
  audit?: AuditScope | undefined;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The change's event in the audit trail, inside its transaction, when the caller gave a scope. */
async function audited(tx: Tx, audit: AuditScope | undefined, event: AuditEvent): Promise<void> {
  if (audit) await recordAudit(tx, audit, event);
}

/** The values of some answers as they are now, null for none: an audit snapshot (no verification, no files). */
async function answerValues(
  tx: Tx,
  tenant: TenantId,
  assessmentId: string,
  itemIds: string[],
): Promise<Record<string, unknown>> {
  if (itemIds.length === 0) return {};
  const rows = await tx
    .select({ itemId: assessmentAnswers.itemId, value: assessmentAnswers.value })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.orgId, tenant),
        eq(assessmentAnswers.assessmentId, assessmentId),
        inArray(assessmentAnswers.itemId, itemIds),
      ),
    );
  const byItem = new Map(rows.map((r) => [r.itemId, r.value]));
  return Object.fromEntries(itemIds.map((id) => [id, byItem.get(id) ?? null]));
}

export async function insertAssessment(
  db: Db,
  tenant: TenantId,
  input: {
    modelId: string;
    modelVersion: string;
    mode: 'self' | 'assessor';
    title: string;
    profile: Record<string, unknown>;
    createdBy: string;
  },
  audit?: AuditScope,
): Promise<AssessmentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessments)
      .values({ ...input, orgId: tenant })
      .returning();
    if (!row) throw new Error('insert into assessments returned no row');
    await tx
      .insert(assessmentEvents)
      .values({ orgId: tenant, assessmentId: row.id, kind: 'created', userId: input.createdBy });
    await audited(tx, audit, {
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: row.id,
      after: { title: row.title, modelId: row.modelId, modelVersion: row.modelVersion, mode: row.mode },
    });
    return row;
  });
}

export async function listAssessments(
  db: Db,
  tenant: TenantId,
): Promise<(AssessmentRow & { answeredIds: string[] })[]> {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.orgId, tenant))
    .orderBy(desc(assessments.createdAt));
  if (rows.length === 0) return [];
  const answered = await db
    .select({ assessmentId: assessmentAnswers.assessmentId, itemId: assessmentAnswers.itemId })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.orgId, tenant),
        inArray(
          assessmentAnswers.assessmentId,
          rows.map((r) => r.id),
        ),
        sql`coalesce(${assessmentAnswers.verifiedValue}, ${assessmentAnswers.value}) is not null`,
      ),
    );
  const byAssessment = new Map<string, string[]>();
  for (const a of answered) {
    const list = byAssessment.get(a.assessmentId) ?? [];
    list.push(a.itemId);
    byAssessment.set(a.assessmentId, list);
  }
  return rows.map((r) => ({ ...r, answeredIds: byAssessment.get(r.id) ?? [] }));
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Whether the tenant has the assessment: the access hook's ownership check (one indexed row, no columns read). */
export async function hasAssessment(db: Db, tenant: TenantId, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.orgId, tenant), eq(assessments.id, id)))
    .limit(1);
  return rows.length === 1;
}

export async function findAssessment(
  db: Db,
  tenant: TenantId,
  id: string,
): Promise<AssessmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, tenant), eq(assessments.id, id)))
    .limit(1);
  return row;
}

export async function listAnswers(db: Db, tenant: TenantId, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.orgId, tenant), eq(assessmentAnswers.assessmentId, assessmentId)))
    .orderBy(asc(assessmentAnswers.itemId));
}

/** The assessment's row locked until the transaction ends (a submit and a save run one after the other). */
async function lockAssessment(tx: Tx, tenant: TenantId, assessmentId: string) {
  const [row] = await tx
    .select({
      status: assessments.status,
      answersVersion: assessments.answersVersion,
      version: assessments.version,
      title: assessments.title,
      modelId: assessments.modelId,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)))
    .for('update');
  return row;
}

/** Writes the answers as answer save number `version`; a null value deletes the answer (and its verification). */
async function writeAnswers(
  tx: Tx,
  scope: AssessmentScope,
  entries: [string, unknown][],
  version: number,
): Promise<void> {
  const { tenant, assessmentId, userId } = scope;
  const now = new Date();
  await tx
    .update(assessments)
    .set({ answersVersion: version })
    .where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)));
  for (const [itemId, value] of entries) {
    if (value === null) {
      await tx
        .delete(assessmentAnswers)
        .where(
          and(
            eq(assessmentAnswers.orgId, tenant),
            eq(assessmentAnswers.assessmentId, assessmentId),
            eq(assessmentAnswers.itemId, itemId),
          ),
        );
      continue;
    }
    await tx
      .insert(assessmentAnswers)
      .values({ orgId: tenant, assessmentId, itemId, value, answeredBy: userId, answeredAt: now, version })
      .onConflictDoUpdate({
        target: [assessmentAnswers.orgId, assessmentAnswers.assessmentId, assessmentAnswers.itemId],
        set: {
          value,
          answeredBy: userId,
          answeredAt: now,
          version,
          // a changed answer needs checking again
          verification: null,
          verifiedValue: null,
          verificationReason: null,
          verifiedBy: null,
          verifiedAt: null,
        },
      });
  }
}

/**
 * Store a batch of answers (a sheet import) in one transaction, whatever was there, with the profile the sheet
 * sets (undefined: unchanged); a null value deletes the answer. The assessment row is locked meanwhile: 'locked'
 * (nothing stored) when it is not a draft any more (submitted meanwhile), else the number of answers stored.
 */
export async function storeImportedAnswers(
  db: Db,
  scope: AssessmentScope,
  answers: Record<string, unknown>,
  profile: Record<string, unknown> | undefined,
): Promise<number | 'locked'> {
  const { tenant, assessmentId } = scope;
  const entries = Object.entries(answers);
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row || row.status !== 'draft') return 'locked' as const;
    const items = entries.map(([id]) => id);
    const before = scope.audit ? await answerValues(tx, tenant, assessmentId, items) : {};
    if (entries.length > 0) await writeAnswers(tx, scope, entries, row.answersVersion + 1);
    if (profile !== undefined)
      await tx
        .update(assessments)
        .set({ profile })
        .where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)));
    await audited(tx, scope.audit, {
      action: 'assessment.answers.import',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { answers: before },
      after: { answers: Object.fromEntries(entries), ...(profile !== undefined ? { profile } : {}) },
    });
    return entries.length;
  });
}

/** What an autosave did: stored (each item's new version, 0 when cleared), refused, or stale. */
export type AnswerSave =
  | { kind: 'saved'; versions: Record<string, number> }
  | { kind: 'locked' }
  | { kind: 'stale'; changed: string[]; current: AnswerRow[] };

/**
 * Autosave of answers edited at the versions the client loaded (`versions[item]`, 0 or absent: no answer then), in
 * one transaction with the assessment row locked: refused (nothing stored) when the assessment is not a draft any
 * more — a submit in between wins; stale (nothing stored) when another save changed one of these items since,
 * to a different value. Other items saved by others meanwhile do not matter.
 */
export async function storeAnswersAt(
  db: Db,
  scope: AssessmentScope,
  answers: Record<string, unknown>,
  versions: Readonly<Record<string, number>>,
): Promise<AnswerSave> {
  const { tenant, assessmentId } = scope;
  const entries = Object.entries(answers);
  return db.transaction(async (tx): Promise<AnswerSave> => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row || row.status !== 'draft') return { kind: 'locked' };
    if (entries.length === 0) return { kind: 'saved', versions: {} };
    const current = await tx
      .select()
      .from(assessmentAnswers)
      .where(
        and(
          eq(assessmentAnswers.orgId, tenant),
          eq(assessmentAnswers.assessmentId, assessmentId),
          inArray(
            assessmentAnswers.itemId,
            entries.map(([id]) => id),
          ),
        ),
      );
    const byItem = new Map(current.map((a) => [a.itemId, a]));
    const changed = entries
      .filter(([id, value]) => {
        const now = byItem.get(id);
        const same = JSON.stringify(now?.value ?? null) === JSON.stringify(value);
        return (now?.version ?? 0) !== (versions[id] ?? 0) && !same;
      })
      .map(([id]) => id)
      .sort();
    if (changed.length > 0)
      return { kind: 'stale', changed, current: current.filter((a) => changed.includes(a.itemId)) };
    const version = row.answersVersion + 1;
    await writeAnswers(tx, scope, entries, version);
    await audited(tx, scope.audit, {
      action: 'assessment.answer.save',
      entityType: 'assessment',
      entityId: assessmentId,
      before: Object.fromEntries(entries.map(([id]) => [id, byItem.get(id)?.value ?? null])),
      after: Object.fromEntries(entries),
    });
    return {
      kind: 'saved',
      versions: Object.fromEntries(entries.map(([id, value]) => [id, value === null ? 0 : version])),
    };
  });
}

/**
 * The assessor's check of one item: verified (the answer stands) or corrected (both values kept). The row is
 * locked meanwhile, as for a save: 'locked' (nothing stored) when the assessment was submitted since.
 */
export async function storeVerification(
  db: Db,
  scope: AssessmentScope,
  input: { itemId: string; verification: 'verified' | 'corrected'; verifiedValue: unknown; reason: string },
): Promise<'saved' | 'locked'> {
  const { tenant, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row || row.status !== 'draft') return 'locked' as const;
    const now = new Date();
    const check = {
      verification: input.verification,
      verifiedValue: input.verifiedValue,
      verificationReason: input.reason === '' ? null : input.reason,
      verifiedBy: userId,
      verifiedAt: now,
    };
    await tx
      .insert(assessmentAnswers)
      .values({ orgId: tenant, assessmentId, itemId: input.itemId, value: null, answeredAt: now, ...check })
      .onConflictDoUpdate({
        target: [assessmentAnswers.orgId, assessmentAnswers.assessmentId, assessmentAnswers.itemId],
        set: check,
      });
    await audited(tx, scope.audit, {
      action: 'assessment.answer.verify',
      entityType: 'assessment',
      entityId: assessmentId,
      after: {
        itemId: input.itemId,
        verification: input.verification,
        verifiedValue: input.verifiedValue,
        reason: check.verificationReason,
      },
    });
    return 'saved' as const;
  });
}

/** The section assignments of an assessment, each with the display name of the user it names (null for none). */
export async function listAssignments(
  db: Db,
  tenant: TenantId,
  assessmentId: string,
): Promise<(AssignmentRow & { userName: string | null })[]> {
  return db
    .select({
      orgId: assessmentAssignments.orgId,
      assessmentId: assessmentAssignments.assessmentId,
      sectionId: assessmentAssignments.sectionId,
      respondentRole: assessmentAssignments.respondentRole,
      userId: assessmentAssignments.userId,
      userName: users.displayName,
    })
    .from(assessmentAssignments)
    .leftJoin(users, eq(users.id, assessmentAssignments.userId))
    .where(and(eq(assessmentAssignments.orgId, tenant), eq(assessmentAssignments.assessmentId, assessmentId)))
    .orderBy(asc(assessmentAssignments.sectionId));
}

/**
 * Replaces the section assignments edited at assessment `version`, the row locked meanwhile, as a new version:
 * 'locked' when it is not a draft any more, the current version when it changed since (nothing stored either way).
 */
export async function replaceAssignments(
  db: Db,
  scope: Omit<AssessmentScope, 'userId'>,
  rows: { sectionId: string; respondentRole: AssignmentRow['respondentRole']; userId: string | null }[],
  version: number,
): Promise<'saved' | 'locked' | { currentVersion: number }> {
  const { tenant, assessmentId } = scope;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row || row.status !== 'draft') return 'locked';
    if (row.version !== version) return { currentVersion: row.version };
    const before = scope.audit
      ? await tx
          .select({
            sectionId: assessmentAssignments.sectionId,
            respondentRole: assessmentAssignments.respondentRole,
            userId: assessmentAssignments.userId,
          })
          .from(assessmentAssignments)
          .where(
            and(
              eq(assessmentAssignments.orgId, tenant),
              eq(assessmentAssignments.assessmentId, assessmentId),
            ),
          )
          .orderBy(asc(assessmentAssignments.sectionId))
      : [];
    await tx
      .delete(assessmentAssignments)
      .where(
        and(eq(assessmentAssignments.orgId, tenant), eq(assessmentAssignments.assessmentId, assessmentId)),
      );
    if (rows.length > 0)
      await tx.insert(assessmentAssignments).values(rows.map((r) => ({ ...r, orgId: tenant, assessmentId })));
    await tx
      .update(assessments)
      .set({ version: version + 1 })
      .where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)));
    await audited(tx, scope.audit, {
      action: 'assessment.assignments.save',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { assignments: before },
      after: { assignments: rows },
    });
    return 'saved' as const;
  });
}

/** One entry of an assessment's history, with the display name of who did it. */
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export async function listEvents(db: Db, tenant: TenantId, assessmentId: string) {
  return db
    .select({
      id: assessmentEvents.id,
      kind: assessmentEvents.kind,
      note: assessmentEvents.note,
      userId: assessmentEvents.userId,
      userName: users.displayName,
      at: assessmentEvents.at,
    })
    .from(assessmentEvents)
    .leftJoin(users, eq(users.id, assessmentEvents.userId))
    .where(and(eq(assessmentEvents.orgId, tenant), eq(assessmentEvents.assessmentId, assessmentId)))
    .orderBy(asc(assessmentEvents.at));
}

/**
 * Lock a draft and freeze its result, scored by `score` from the answers read under the row lock (an autosave at the
 * same time is either in them or refused); undefined when it was not a draft any more (someone else submitted).
 */
export async function markSubmitted<R>(
  db: Db,
  scope: AssessmentScope,
  score: (answers: AnswerRow[]) => R,
): Promise<{ answers: AnswerRow[]; result: R } | undefined> {
  const { tenant, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row || row.status !== 'draft') return undefined;
    const answers = await tx
      .select()
      .from(assessmentAnswers)
      .where(and(eq(assessmentAnswers.orgId, tenant), eq(assessmentAnswers.assessmentId, assessmentId)))
      .orderBy(asc(assessmentAnswers.itemId));
    const result = score(answers);
    await tx
      .update(assessments)
      .set({ status: 'submitted', result, submittedAt: new Date(), version: row.version + 1 })
      .where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)));
    await tx.insert(assessmentEvents).values({ orgId: tenant, assessmentId, kind: 'submitted', userId });
    await audited(tx, scope.audit, {
      action: 'assessment.submit',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { status: row.status },
      after: { status: 'submitted', answers: answers.length },
    });
    return { answers, result };
  });
}

/** Back to draft, with the reason recorded; the frozen result is dropped (results are live again). */
export async function markReopened(db: Db, scope: AssessmentScope, reason: string): Promise<boolean> {
  const { tenant, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const done = await tx
      .update(assessments)
      .set({ status: 'draft', result: null, submittedAt: null, version: sql`${assessments.version} + 1` })
      .where(
        and(
          eq(assessments.orgId, tenant),
          eq(assessments.id, assessmentId),
          eq(assessments.status, 'submitted'),
        ),
      )
      .returning({ id: assessments.id });
    if (done.length === 0) return false;
    await tx
      .insert(assessmentEvents)
      .values({ orgId: tenant, assessmentId, kind: 'reopened', note: reason, userId });
    await audited(tx, scope.audit, {
      action: 'assessment.reopen',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { status: 'submitted' },
      after: { status: 'draft', reason },
    });
    return true;
  });
}

/** The organisation's latest submitted assessment of a model before `before` (or any, when null), other than `id`. */
export async function findPreviousSubmitted(
  db: Db,
  tenant: TenantId,
  modelId: string,
  id: string,
  before: Date | null,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, tenant),
        eq(assessments.modelId, modelId),
        eq(assessments.status, 'submitted'),
        ne(assessments.id, id),
        ...(before ? [lt(assessments.submittedAt, before)] : []),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  return row;
}

/**
 * Delete a draft with its answers, assignments, events and evidence (cascades), under the row lock: 'deleted', or
 * 'submitted' (nothing deleted) when it is submitted, or undefined when the tenant has no such assessment.
 */
export async function deleteDraft(
  db: Db,
  tenant: TenantId,
  assessmentId: string,
  audit?: AuditScope,
): Promise<'deleted' | 'submitted' | undefined> {
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, tenant, assessmentId);
    if (!row) return undefined;
    if (row.status !== 'draft') return 'submitted' as const;
    await tx.delete(assessments).where(and(eq(assessments.orgId, tenant), eq(assessments.id, assessmentId)));
    await audited(tx, audit, {
      action: 'assessment.delete',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { title: row.title, modelId: row.modelId, status: row.status },
    });
    return 'deleted' as const;
  });
}
