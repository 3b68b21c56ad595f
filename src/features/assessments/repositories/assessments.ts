import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  assessmentAnswers,
  assessmentAssignments,
  assessmentEvents,
  assessments,
  organisations,
  users,
} from '../../../db/schema.ts';

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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The assessment's row locked until the transaction ends (a submit and a save run one after the other). */
async function lockAssessment(tx: Tx, orgId: string, assessmentId: string) {
  const [row] = await tx
    .select({
      status: assessments.status,
      answersVersion: assessments.answersVersion,
      version: assessments.version,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId)))
    .for('update');
  return row;
}

/** Writes the answers as answer save number `version`; a null value deletes the answer (and its verification). */
async function writeAnswers(
  tx: Tx,
  scope: { orgId: string; assessmentId: string; userId: string },
  entries: [string, unknown][],
  version: number,
): Promise<void> {
  const { orgId, assessmentId, userId } = scope;
  const now = new Date();
  await tx
    .update(assessments)
    .set({ answersVersion: version })
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId)));
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
      .values({ orgId, assessmentId, itemId, value, answeredBy: userId, answeredAt: now, version })
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
 * Store a batch of answers (a sheet import) in one transaction, whatever was there; a null value deletes the answer.
 * The assessment row is locked meanwhile; 0 (nothing stored) when it is not a draft any more (submitted meanwhile).
 */
export async function saveAnswers(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  answers: Record<string, unknown>,
): Promise<number> {
  const entries = Object.entries(answers);
  if (entries.length === 0) return 0;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, scope.orgId, scope.assessmentId);
    if (!row || row.status !== 'draft') return 0;
    await writeAnswers(tx, scope, entries, row.answersVersion + 1);
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
export async function saveAnswersAt(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  answers: Record<string, unknown>,
  versions: Readonly<Record<string, number>>,
): Promise<AnswerSave> {
  const { orgId, assessmentId } = scope;
  const entries = Object.entries(answers);
  return db.transaction(async (tx): Promise<AnswerSave> => {
    const row = await lockAssessment(tx, orgId, assessmentId);
    if (!row || row.status !== 'draft') return { kind: 'locked' };
    if (entries.length === 0) return { kind: 'saved', versions: {} };
    const current = await tx
      .select()
      .from(assessmentAnswers)
      .where(
        and(
          eq(assessmentAnswers.orgId, orgId),
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
    return {
      kind: 'saved',
      versions: Object.fromEntries(entries.map(([id, value]) => [id, value === null ? 0 : version])),
    };
  });
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

/**
 * Replaces the section assignments edited at assessment `version`, the row locked meanwhile, as a new version:
 * 'locked' when it is not a draft any more, the current version when it changed since (nothing stored either way).
 */
export async function replaceAssignments(
  db: Db,
  scope: { orgId: string; assessmentId: string },
  rows: { sectionId: string; respondentRole: AssignmentRow['respondentRole']; userId: string | null }[],
  version: number,
): Promise<'saved' | 'locked' | { currentVersion: number }> {
  const { orgId, assessmentId } = scope;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, orgId, assessmentId);
    if (!row || row.status !== 'draft') return 'locked';
    if (row.version !== version) return { currentVersion: row.version };
    await tx
      .delete(assessmentAssignments)
      .where(
        and(eq(assessmentAssignments.orgId, orgId), eq(assessmentAssignments.assessmentId, assessmentId)),
      );
    if (rows.length > 0)
      await tx.insert(assessmentAssignments).values(rows.map((r) => ({ ...r, orgId, assessmentId })));
    await tx
      .update(assessments)
      .set({ version: version + 1 })
      .where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId)));
    return 'saved' as const;
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

/**
 * Lock a draft and freeze its result, scored by `score` from the answers read under the row lock (an autosave at the
 * same time is either in them or refused); undefined when it was not a draft any more (someone else submitted).
 */
export async function submitAssessment<R>(
  db: Db,
  scope: { orgId: string; assessmentId: string; userId: string },
  score: (answers: AnswerRow[]) => R,
): Promise<{ answers: AnswerRow[]; result: R } | undefined> {
  const { orgId, assessmentId, userId } = scope;
  return db.transaction(async (tx) => {
    const row = await lockAssessment(tx, orgId, assessmentId);
    if (!row || row.status !== 'draft') return undefined;
    const answers = await tx
      .select()
      .from(assessmentAnswers)
      .where(and(eq(assessmentAnswers.orgId, orgId), eq(assessmentAnswers.assessmentId, assessmentId)))
      .orderBy(asc(assessmentAnswers.itemId));
    const result = score(answers);
    await tx
      .update(assessments)
      .set({ status: 'submitted', result, submittedAt: new Date(), version: row.version + 1 })
      .where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId)));
    await tx.insert(assessmentEvents).values({ orgId, assessmentId, kind: 'submitted', userId });
    return { answers, result };
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
      .set({ status: 'draft', result: null, submittedAt: null, version: sql`${assessments.version} + 1` })
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
