import type { Config } from '../../config.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import {
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentSummary,
  CreateAssessment,
  Reopen,
  ResultResponse,
  SaveAnswers,
  SaveAnswersResult,
  SaveAssignments,
  Verify,
} from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { canWrite } from '../../server/access/access-level.ts';
import { createAssessment } from './create-assessment.ts';
import { deleteAssessment } from './delete-assessment.ts';
import { diagnoseAssessment } from './diagnose-assessment.ts';
import { assessmentFileRoutes } from './file-routes.ts';
import type { IndicatorSystemCatalog } from './indicator-system-index.ts';
import { indicatorSystemRoutes } from './indicator-system-routes.ts';
import { listAssessments } from './list-assessments.ts';
import { actorOf, assessmentLoader } from './load-assessment.ts';
import { presentDetail, presentSummary } from './present-assessment.ts';
import { reopenAssessment } from './reopen-assessment.ts';
import { assessmentReportRoutes } from './report-routes.ts';
import { saveAnswers } from './save-answers.ts';
import { saveAssignments } from './save-assignments.ts';
import { showAssessment } from './show-assessment.ts';
import { submitAssessment } from './submit-assessment.ts';
import { verifyAnswer } from './verify-answer.ts';

const Id = z.object({ id: z.string() });

/** Assessments (评估): create, answer (autosave), assign, verify, submit, reopen, and the diagnosis result. */
export function assessmentRoutes(
  db: Db,
  systems: IndicatorSystemCatalog,
  atlases: AtlasCatalog,
): FastifyPluginAsyncZod {
  return async (app) => {
    const load = assessmentLoader(db, systems);

    app.get(
      '/api/assessments',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary: "The organisation's assessments, newest first",
          description:
            'Filters, all optional and combined: `q` (in the title, any case), `status` (draft / submitted), ' +
            '`modelId` (the indicator system) and `year` (of the date shown: submitted, else created; UTC).',
          querystring: AssessmentListQuery,
          response: { 200: z.array(AssessmentSummary) },
        },
      },
      async (request) => {
        const listed = await listAssessments(db, systems, member(request).tenant, request.query);
        return listed.map(({ row, index, progress }) => presentSummary(row, index, progress));
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
        const { row, index, progress } = await createAssessment(db, systems, actorOf(request), request.body);
        return reply.status(201).send(presentSummary(row, index, progress));
      },
    );

    app.delete(
      '/api/assessments/:id',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Delete a draft assessment with its answers, assignments and evidence',
          description:
            'Only a draft: a submitted assessment answers 409 assessment_submitted and nothing is deleted ' +
            '(reopen it first). Done under the row lock, so a submit at the same moment either wins or waits.',
          params: Id,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteAssessment(db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
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
        const loaded = await load(actorOf(request), request.params.id, 'read');
        return presentDetail(await showAssessment(db, loaded, canWrite(member(request).role)));
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
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        return saveAnswers(db, loaded, request.body.answers, request.body.versions);
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
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        await saveAssignments(db, loaded, request.body);
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
        await verifyAnswer(db, await load(actorOf(request), id, 'draft'), itemId, request.body);
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
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        const { row, progress } = await submitAssessment(db, loaded);
        return presentSummary(row, loaded.index, progress);
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
        const loaded = await load(actorOf(request), request.params.id, 'whatever');
        const { row, progress } = await reopenAssessment(db, loaded, request.body.reason);
        return presentSummary(row, loaded.index, progress);
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
        const loaded = await load(actorOf(request), request.params.id, 'read');
        return diagnoseAssessment(db, atlases, loaded);
      },
    );
  };
}

/** Everything of the diagnosis API: indicator systems (/api/models), assessments, evidence and sheet import (one plugin for buildApp). */
export function diagnosisRoutes(
  db: Db,
  systems: IndicatorSystemCatalog | undefined,
  atlases: AtlasCatalog | undefined,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    systems ??= new Map();
    atlases ??= new Map();
    await app.register(indicatorSystemRoutes(systems));
    await app.register(assessmentRoutes(db, systems, atlases));
    await app.register(assessmentFileRoutes(db, systems, config));
    await app.register(assessmentReportRoutes(db, systems, atlases));
  };
}
