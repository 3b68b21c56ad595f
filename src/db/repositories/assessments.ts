import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  assessmentAnswers,
  assessmentAssignments,
  assessmentEvents,
  assessments,
  organisations,
  users,
} from '../schema.ts';

// evidence files live in evidence.ts (stored in chunks); re-exported here for the routes that list them
export {
  deleteEvidence,
  evidenceBytesUsed,
  evidenceContent,
  findEvidence,
  listEvidence,
  storeEvidence,
  type EvidenceInfo,
  type EvidenceRow,
  type StoredEvidence,
} from './evidence.ts';

/**
 * Assessments (评估) and everything hanging off them: answers with the assessor's check, section assignments,
 * history events and evidence files. Every query is scoped by org_id, the tenant.
 */

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;
export type AssignmentRow = typeof assessmentAssignments.$inferSelect;
export type EventKind = 'created' | 'submitted' | 'reopened';

export async function createAssessment(
  db: Db,
  input: {
    orgId: string;
    modelId: string;
    modelVersion: string;
    mode: 'self' | 'assessor';
    title: string;
    profile: Record<string, unknown>;
    createdBy: string;
  },
): Promise<AssessmentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assessments).values(input).returning();
    if (!row) throw new Error('insert into assessments returned no row');
    await tx
      .insert(assessmentEvents)
      .values({ orgId: input.orgId, assessmentId: row.id, kind: 'created', userId: input.createdBy });
    return row;
  });
}

export async function listAssessments(
  db: Db,
  orgId: string,
): Promise<(AssessmentRow & { answeredIds: string[] })[]> {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.orgId, orgId))
    .orderBy(desc(assessments.createdAt));
  if (rows.length === 0) return [];
  const answered = await db
    .select({ assessmentId: assessmentAnswers.assessmentId, itemId: assessmentAnswers.itemId })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.orgId, orgId),
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

export async function findAssessment(db: Db, orgId: string, id: string): Promise<AssessmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id)))
    .limit(1);
  return row;
}

export async function listAnswers(db: Db, orgId: string, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.orgId, orgId), eq(assessmentAnswers.assessmentId, assessmentId)))
    .orderBy(asc(assessmentAnswers.itemId));
}

/** Store a batch of answers in one transaction; a null value deletes the answer (and its verification). */
export async function saveAnswers(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  answers: Record<string, unknown>,
): Promise<number> {
  const entries = Object.entries(answers);
  if (entries.length === 0) return 0;
  const { orgId, assessmentId, userId } = scope;
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const [itemId, value] of entries) {
      if (value === null) {
        await tx
          .delete(assessmentAnswers)
          .where(
            and(
              eq(assessmentAnswers.orgId, orgId),
              eq(assessmentAnswers.assessmentId, assessmentId),
              eq(assessmentAnswers.itemId, itemId),
            ),
          );
        continue;
      }
      await tx
        .insert(assessmentAnswers)
        .values({ orgId, assessmentId, itemId, value, answeredBy: userId, answeredAt: now })
        .onConflictDoUpdate({
          target: [assessmentAnswers.orgId, assessmentAnswers.assessmentId, assessmentAnswers.itemId],
          set: {
            value,
            answeredBy: userId,
            answeredAt: now,
            // a changed answer needs checking again
            verification: null,
            verifiedValue: null,
            verificationReason: null,
            verifiedBy: null,
            verifiedAt: null,
          },
        });
    }
  });
  return entries.length;
}

/** The assessor's check of one item: verified (the answer stands) or corrected (both values kept). */
export async function verifyAnswer(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  input: { itemId: string; verification: 'verified' | 'corrected'; verifiedValue: unknown; reason: string },
): Promise<void> {
  const { orgId, assessmentId, userId } = scope;
  const now = new Date();
  const check = {
    verification: input.verification,
    verifiedValue: input.verifiedValue,
    verificationReason: input.reason === '' ? null : input.reason,
    verifiedBy: userId,
    verifiedAt: now,
  };
  await db
    .insert(assessmentAnswers)
    .values({ orgId, assessmentId, itemId: input.itemId, value: null, answeredAt: now, ...check })
    .onConflictDoUpdate({
      target: [assessmentAnswers.orgId, assessmentAnswers.assessmentId, assessmentAnswers.itemId],
      set: check,
    });
}

/** The section assignments of an assessment, each with the display name of the user it names (null for none). */
export async function listAssignments(
  db: Db,
  orgId: string,
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
    .where(and(eq(assessmentAssignments.orgId, orgId), eq(assessmentAssignments.assessmentId, assessmentId)))
    .orderBy(asc(assessmentAssignments.sectionId));
}

export async function replaceAssignments(
  db: Db,
  orgId: string,
  assessmentId: string,
  rows: { sectionId: string; respondentRole: AssignmentRow['respondentRole']; userId: string | null }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(assessmentAssignments)
      .where(
        and(eq(assessmentAssignments.orgId, orgId), eq(assessmentAssignments.assessmentId, assessmentId)),
      );
    if (rows.length > 0)
      await tx.insert(assessmentAssignments).values(rows.map((r) => ({ ...r, orgId, assessmentId })));
  });
}

export async function listEvents(db: Db, orgId: string, assessmentId: string) {
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
    .where(and(eq(assessmentEvents.orgId, orgId), eq(assessmentEvents.assessmentId, assessmentId)))
    .orderBy(asc(assessmentEvents.at));
}

/** Lock a draft and freeze its result; false when it was not a draft any more (someone else submitted). */
export async function submitAssessment(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  result: unknown,
): Promise<boolean> {
  const { orgId, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const done = await tx
      .update(assessments)
      .set({ status: 'submitted', result, submittedAt: new Date() })
      .where(
        and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId), eq(assessments.status, 'draft')),
      )
      .returning({ id: assessments.id });
    if (done.length === 0) return false;
    await tx.insert(assessmentEvents).values({ orgId, assessmentId, kind: 'submitted', userId });
    return true;
  });
}

/** Back to draft, with the reason recorded; the frozen result is dropped (results are live again). */
export async function reopenAssessment(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  reason: string,
): Promise<boolean> {
  const { orgId, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const done = await tx
      .update(assessments)
      .set({ status: 'draft', result: null, submittedAt: null })
      .where(
        and(
          eq(assessments.orgId, orgId),
          eq(assessments.id, assessmentId),
          eq(assessments.status, 'submitted'),
        ),
      )
      .returning({ id: assessments.id });
    if (done.length === 0) return false;
    await tx.insert(assessmentEvents).values({ orgId, assessmentId, kind: 'reopened', note: reason, userId });
    return true;
  });
}

export async function updateProfile(
  db: Db,
  orgId: string,
  assessmentId: string,
  profile: Record<string, unknown>,
): Promise<void> {
  await db
    .update(assessments)
    .set({ profile })
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId)));
}

/** The organisation's latest submitted assessment of a model before `before` (or any, when null), other than `id`. */
export async function findPreviousSubmitted(
  db: Db,
  orgId: string,
  modelId: string,
  id: string,
  before: Date | null,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
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

export async function findOrganisationName(
  db: Db,
  orgId: string,
): Promise<{ name: string; kind: string } | undefined> {
  const [row] = await db
    .select({ name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .limit(1);
  return row;
}
