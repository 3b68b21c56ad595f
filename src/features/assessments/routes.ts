import type { Config } from '../../config.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import {
  AssessmentDetail,
  AssessmentSummary,
  CreateAssessment,
  Reopen,
  ResultResponse,
  SaveAnswers,
  SaveAnswersResult,
  SaveAssignments,
  Verify,
  type AnswerValue,
  type AssessmentProfile,
} from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { membersOf } from '../organisations/directory.ts';
import { member } from '../../server/access/caller.ts';
import {
  createAssessment,
  findPreviousSubmitted,
  listAnswers,
  listAssessments,
  listAssignments,
  listEvents,
  listEvidence,
  reopenAssessment,
  replaceAssignments,
  saveAnswersAt,
  submitAssessment,
  verifyAnswer,
  type AnswerRow,
  type AssessmentRow,
} from './repositories/assessments.ts';
import { AppError, badRequest } from '../../server/app-error.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { canWrite, requireWriter, sessionRole } from '../../server/access/policies.ts';
import { checkAnswer, checkAnswers, checkProfile, type ModelIndex } from './assessment-items.ts';
import { compareResults, progress, scenarioNames, scoreAnswers } from './assessment-result.ts';
import { requireVersion, StaleSave, staleVersion } from '../../server/versioned-save.ts';
import { assessmentLoader, locked, modelOf, type ModelCatalog } from './assessment-access.ts';
import { assessmentFileRoutes } from './file-routes.ts';
import { assessmentModelRoutes } from './indicator-system-routes.ts';
import { assessmentReportRoutes } from './report-routes.ts';

const Id = z.object({ id: z.string() });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(
  row: AssessmentRow,
  index: ModelIndex,
  answers: { answered: number; total: number },
): AssessmentSummary {
  const frozen = row.status === 'submitted' ? (row.result as DiagnosisResult | null) : null;
  return {
    id: row.id,
    modelId: row.modelId,
    modelVersion: row.modelVersion,
    modelTitle: index.summary.title,
    family: index.model.family,
    mode: row.mode,
    status: row.status,
    title: row.title,
    profile: row.profile as AssessmentProfile,
    createdAt: row.createdAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    version: row.version,
    answered: answers.answered,
    total: answers.total,
    score: frozen?.score ?? null,
    maxScore: frozen?.maxScore ?? null,
    percent: frozen?.percent ?? null,
    level: frozen?.level ?? null,
  };
}

const answerView = (a: AnswerRow) => ({
  itemId: a.itemId,
  value: (a.value ?? null) as AnswerValue | null,
  answeredBy: a.answeredBy,
  answeredAt: a.answeredAt.toISOString(),
  verification: a.verification,
  verifiedValue: (a.verifiedValue ?? null) as AnswerValue | null,
  verificationReason: a.verificationReason,
  verifiedBy: a.verifiedBy,
  verifiedAt: iso(a.verifiedAt),
  version: a.version,
});

/** Assessments (评估): create, answer (autosave), assign, verify, submit, reopen, and the diagnosis result. */
export function assessmentRoutes(db: Db, models: ModelCatalog, atlases: AtlasCatalog): FastifyPluginAsyncZod {
  return async (app) => {
    const load = assessmentLoader(db, models);

    app.get(
      '/api/assessments',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary: "The organisation's assessments, newest first",
          response: { 200: z.array(AssessmentSummary) },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const rows = await listAssessments(db, session.orgId);
        return rows.flatMap((row) => {
          const model = models.get(row.modelId);
          if (!model) return [];
          const index = modelOf(models, row.modelId);
          const answered = row.answeredIds.filter((id) => index.items.has(id)).length;
          return [summary(row, index, { answered, total: index.items.size })];
        });
      },
    );

    app.post(
      '/api/assessments',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Start an assessment of the organisation against a model (self or assessor mode)',
          body: CreateAssessment,
          response: { 201: AssessmentSummary },
        },
      },
      async (request, reply) => {
        const session = await requireSession(db, request);
        await requireWriter(db, session);
        const body = request.body;
        const index = modelOf(models, body.modelId);
        const problems = checkProfile(index, body.profile);
        if (problems.length > 0) throw badRequest(problems.join('; '), { problems });
        const profile: AssessmentProfile = { ...body.profile };
        if (index.summary.weightTables.length > 0 && profile.weightTable === undefined)
          profile.weightTable = index.summary.weightTables[0]?.id;
        const row = await createAssessment(db, {
          orgId: session.orgId,
          modelId: index.model.meta.id,
          modelVersion: index.model.meta.version,
          mode: body.mode,
          title: body.title,
          profile,
          createdBy: session.user.id,
        });
        return reply.status(201).send(summary(row, index, progress(index, [], profile)));
      },
    );

    app.get(
      '/api/assessments/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary: 'One assessment with its answers, section assignments, history and evidence list',
          params: Id,
          response: { 200: AssessmentDetail },
        },
      },
      async (request) => {
        const { session, row, index, profile } = await load(request, request.params.id, 'read');
        const [answers, assignments, members, events, evidence, role] = await Promise.all([
          listAnswers(db, session.orgId, row.id),
          listAssignments(db, session.orgId, row.id),
          membersOf(db, member(request).tenant),
          listEvents(db, session.orgId, row.id),
          listEvidence(db, session.orgId, row.id),
          sessionRole(db, session),
        ]);
        return {
          assessment: summary(row, index, progress(index, answers, profile)),
          answers: answers.map(answerView),
          assignments: assignments.map((a) => ({
            sectionId: a.sectionId,
            respondentRole: a.respondentRole,
            userId: a.userId,
            userName: a.userName,
          })),
          assignableMembers: members
            .map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email }))
            .sort((x, y) => x.displayName.localeCompare(y.displayName, 'zh-CN')),
          events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
          evidence: evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
          canWrite: canWrite(role),
        };
      },
    );

    app.put(
      '/api/assessments/:id/answers',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary:
            'Save a batch of answers (autosave); each is checked against the model, nothing is stored if one is bad',
          description:
            '`versions` gives, per item, the version of the answer the client changed (0 or left out: none). An item ' +
            'someone else changed since answers 409 stale_version naming it (details.current: its answer now); ' +
            'an assessment submitted meanwhile answers 409 assessment_locked. Either way nothing is stored.',
          params: Id,
          body: SaveAnswers,
          response: { 200: SaveAnswersResult },
        },
      },
      async (request) => {
        const { session, row, index, profile, scope } = await load(request, request.params.id, 'write');
        const problems = checkAnswers(index, request.body.answers);
        if (problems.length > 0) throw invalidAnswers(problems);
        const { answers, versions } = request.body;
        const outcome = await saveAnswersAt(db, scope, answers, versions);
        if (outcome.kind === 'locked') throw locked();
        if (outcome.kind === 'stale')
          throw staleVersion(
            'assessment',
            new StaleSave(Math.max(0, ...outcome.current.map((a) => a.version)), outcome.changed),
            { answers: outcome.current.map(answerView) },
          );
        const { answered } = progress(index, await listAnswers(db, session.orgId, row.id), profile);
        return { saved: Object.keys(answers).length, answered, versions: outcome.versions };
      },
    );

    app.put(
      '/api/assessments/:id/assignments',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary:
            'Assign sections to respondent roles (企业管理者 / 部门负责人 / 一线人员), optionally to a named member; replaces the list',
          description:
            "A named user (userId) must be a member of the assessment's organisation: otherwise 400 naming the " +
            'section, and nothing is stored. Send the assessment `version` edited (400 version_required without it; ' +
            '409 stale_version when someone changed the assignments, submitted or reopened since).',
          params: Id,
          body: SaveAssignments,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { session, row, index, scope } = await load(request, request.params.id, 'write');
        const known = new Set(index.sections.map((s) => s.id));
        const unknown = request.body.assignments
          .filter((a) => !known.has(a.sectionId))
          .map((a) => a.sectionId);
        if (unknown.length > 0)
          throw badRequest(`unknown section ${unknown.map((s) => `"${s}"`).join(', ')}`, { unknown });
        const seen = new Set<string>();
        for (const a of request.body.assignments) {
          if (seen.has(a.sectionId)) throw badRequest(`section "${a.sectionId}" is assigned twice`);
          seen.add(a.sectionId);
        }
        const members = new Set((await membersOf(db, member(request).tenant)).map((m) => m.userId));
        const strangers = request.body.assignments.filter((a) => a.userId !== null && !members.has(a.userId));
        const first = strangers[0];
        if (first)
          throw badRequest(
            `section "${first.sectionId}": user ${first.userId ?? ''} is not a member of this organisation` +
              `${strangers.length > 1 ? ` (and ${strangers.length - 1} more)` : ''}; nothing was saved`,
            { sections: strangers.map((a) => ({ sectionId: a.sectionId, userId: a.userId })) },
          );
        const version = requireVersion(request.body.version, 'assessment');
        const outcome = await replaceAssignments(db, scope, request.body.assignments, version);
        if (outcome === 'locked') throw locked();
        if (outcome !== 'saved') {
          const current = await listAssignments(db, session.orgId, row.id);
          throw staleVersion('assessment', new StaleSave(outcome.currentVersion, ['assignments']), {
            version: outcome.currentVersion,
            assignments: current.map((a) => ({
              sectionId: a.sectionId,
              respondentRole: a.respondentRole,
              userId: a.userId,
              userName: a.userName,
            })),
          });
        }
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/assessments/:id/answers/:itemId/verification',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Assessor mode: verify an answer, or correct it with a reason (both values are kept)',
          params: z.object({ id: z.string(), itemId: z.string() }),
          body: Verify,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { id, itemId } = request.params;
        const { row, index, scope } = await load(request, id, 'write');
        if (row.mode !== 'assessor')
          throw new AppError(409, 'not_assessor_mode', 'Only assessor-mode assessments are verified');
        if (!index.items.has(itemId)) throw invalidAnswers([{ itemId, message: `unknown item "${itemId}"` }]);
        const body = request.body;
        let verifiedValue: AnswerValue | null = null;
        if (body.verification === 'corrected') {
          const problem = checkAnswer(index, itemId, body.value);
          if (problem !== null) throw invalidAnswers([{ itemId, message: problem }]);
          verifiedValue = body.value;
        }
        await verifyAnswer(db, scope, {
          itemId,
          verification: body.verification,
          verifiedValue,
          reason: body.reason,
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/assessments/:id/submit',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Submit: lock the assessment and freeze its result',
          params: Id,
          response: { 200: AssessmentSummary },
        },
      },
      async (request) => {
        const { row, index, profile, scope } = await load(request, request.params.id, 'write');
        const done = await submitAssessment(db, scope, (answers) => scoreAnswers(index, answers, profile));
        if (!done) throw locked();
        const { answers, result } = done;
        const submitted = {
          ...row,
          status: 'submitted' as const,
          result,
          submittedAt: new Date(),
          version: row.version + 1,
        };
        return summary(submitted, index, progress(index, answers, profile));
      },
    );

    app.post(
      '/api/assessments/:id/reopen',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Reopen a submitted assessment with a reason (recorded in its history)',
          params: Id,
          body: Reopen,
          response: { 200: AssessmentSummary },
        },
      },
      async (request) => {
        const { session, row, index, profile, scope } = await load(request, request.params.id, 'reopen');
        if (!(await reopenAssessment(db, scope, request.body.reason)))
          throw new AppError(409, 'not_submitted', 'Only a submitted assessment can be reopened');
        const answers = await listAnswers(db, session.orgId, row.id);
        const reopened = {
          ...row,
          status: 'draft' as const,
          result: null,
          submittedAt: null,
          version: row.version + 1,
        };
        return summary(reopened, index, progress(index, answers, profile));
      },
    );

    app.get(
      '/api/assessments/:id/result',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary:
            'The diagnosis: live for drafts, frozen for submitted; gaps with atlas scenarios, next level, comparison',
          params: Id,
          response: { 200: ResultResponse },
        },
      },
      async (request) => {
        const { session, row, index, profile } = await load(request, request.params.id, 'read');
        const answers = await listAnswers(db, session.orgId, row.id);
        const frozen = row.status === 'submitted' ? (row.result as DiagnosisResult | null) : null;
        const result = frozen ?? scoreAnswers(index, answers, profile);
        const previous = await findPreviousSubmitted(db, session.orgId, row.modelId, row.id, row.submittedAt);
        const comparison =
          previous && previous.result
            ? compareResults(
                {
                  id: previous.id,
                  title: previous.title,
                  submittedAt: previous.submittedAt,
                  result: previous.result as DiagnosisResult,
                },
                result,
              )
            : null;
        return {
          live: frozen === null,
          result,
          scenarios: scenarioNames(atlases, index.model.meta.atlas, result),
          atlas: index.model.meta.atlas,
          ...progress(index, answers, profile),
          comparison,
        };
      },
    );
  };
}

export function invalidAnswers(problems: { itemId: string; message: string }[]): AppError {
  const first = problems[0];
  const head = first ? `${first.itemId}: ${first.message}` : 'invalid answers';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(400, 'invalid_answers', `${head}${more}; nothing was saved`, { problems });
}

/** Everything of the diagnosis API: models, assessments, evidence and sheet import (one plugin for buildApp). */
export function diagnosisRoutes(
  db: Db,
  models: ModelCatalog | undefined,
  atlases: AtlasCatalog | undefined,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    models ??= new Map();
    atlases ??= new Map();
    await app.register(assessmentModelRoutes(db, models));
    await app.register(assessmentRoutes(db, models, atlases));
    await app.register(assessmentFileRoutes(db, models, config));
    await app.register(assessmentReportRoutes(db, models, atlases));
  };
}
