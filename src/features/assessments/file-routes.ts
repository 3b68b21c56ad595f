import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnswerValue as EngineAnswer } from '../../core/diagnosis/assessment.ts';
import type { Config } from '../../config.ts';
import {
  ImportResult,
  MAX_UPLOAD_BYTES,
  type AnswerValue,
  type AssessmentProfile,
} from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { listAnswers, saveAnswers, updateProfile } from './repositories/assessments.ts';
import { locateProblems, type SheetProblem } from '../../packs/model-answers-read.ts';
import { readAnswerFileInWorker } from '../../packs/parse-in-worker.ts';
import { AppError } from '../../server/app-error.ts';
import { checkAnswers, checkProfile } from './assessment-items.ts';
import { progress } from './assessment-result.ts';
import { assessmentLoader, type ModelCatalog } from './assessment-access.ts';
import { assessmentEvidenceRoutes } from './evidence-routes.ts';
import { noBody, refuseOversized, tooLarge } from './upload-limits.ts';

function bodyBuffer(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw noBody();
  if (body.length > MAX_UPLOAD_BYTES) throw tooLarge(body.length);
  return body;
}

const FileName = z.string().trim().min(1).max(255);

/**
 * Import of a filled answer sheet (parsed in a worker thread, see packs/parse-in-worker.ts) and evidence files per
 * item (assessment-evidence.ts, streamed in chunks); raw request bodies.
 */
export function assessmentFileRoutes(
  db: Db,
  models: ModelCatalog,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(assessmentEvidenceRoutes(db, models, config));
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1024 },
      (_request, body, done) => done(null, body),
    );
    const load = assessmentLoader(db, models);
    const uploadOptions = { bodyLimit: MAX_UPLOAD_BYTES + 1024, onRequest: refuseOversized };

    app.post(
      '/api/assessments/:id/import',
      {
        config: { access: 'write' },
        ...uploadOptions,
        schema: {
          tags: ['diagnosis'],
          summary:
            'Import a filled .xlsx (or .json) answer sheet; every problem is listed and nothing is stored',
          params: z.object({ id: z.string() }),
          querystring: z.object({ fileName: FileName.default('answers.xlsx') }),
          response: { 200: ImportResult },
        },
      },
      async (request) => {
        const { session, row, index, profile, scope } = await load(request, request.params.id, 'write');
        const content = bodyBuffer(request.body);
        const { fileName } = request.query;
        const ext = /\.json$/i.test(fileName) ? '.json' : '.xlsx';
        const dir = await mkdtemp(join(tmpdir(), 'tupu-import-'));
        let read;
        try {
          const path = join(dir, `sheet${ext}`);
          await writeFile(path, content);
          read = await readAnswerFileInWorker(path, index.model, fileName);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        const overLimit = read.problems.find((p) => p.limit !== undefined);
        if (overLimit) throw sheetOverLimit(overLimit, read.problems);
        const sheet = read.assessment;
        if (sheet && sheet.model !== index.model.meta.id)
          read.problems.push({
            file: fileName,
            sheet: '',
            row: null,
            question: '',
            message: `answers are for model "${sheet.model}", not "${index.model.meta.id}"`,
          });
        if (read.problems.length > 0 || !sheet) throw invalidSheet(read.problems);

        const batch: Record<string, AnswerValue> = {};
        const put = (id: string, v: EngineAnswer) => {
          batch[id] = v;
        };
        for (const [id, v] of Object.entries(sheet.answers)) put(id, v);
        for (const [id, v] of Object.entries(sheet.scenes ?? {})) put(id, v);
        const newProfile: AssessmentProfile = { ...profile };
        if (sheet.weightTable !== undefined) newProfile.weightTable = sheet.weightTable;
        if (sheet.notApplicable !== undefined) newProfile.notApplicable = sheet.notApplicable;
        const problems = checkAnswers(index, batch);
        const located = locateProblems(fileName, read.rowOf, problems);
        for (const message of checkProfile(index, newProfile))
          located.push({ file: fileName, sheet: '', row: null, question: '', message });
        if (located.length > 0) throw invalidSheet(located);

        const imported = await saveAnswers(db, scope, batch);
        if (sheet.weightTable !== undefined || sheet.notApplicable !== undefined)
          await updateProfile(db, session.orgId, row.id, newProfile);
        const { answered } = progress(index, await listAnswers(db, session.orgId, row.id), newProfile);
        return { imported, answered };
      },
    );
  };
}

type Problem = Omit<SheetProblem, 'limit'>;

const where = (p: Problem) =>
  [p.sheet && `sheet "${p.sheet}"`, p.row !== null && `row ${p.row}`, p.question && `question ${p.question}`]
    .filter(Boolean)
    .join(', ');

/** 413: the sheet goes over one of ANSWER_SHEET_LIMITS (named in the message and in details.limit). */
function sheetOverLimit(over: SheetProblem, problems: SheetProblem[]): AppError {
  return new AppError(
    413,
    'answer_sheet_over_limit',
    `${where(over) || over.file}: ${over.message}; nothing was imported`,
    { limit: over.limit, sheet: over.sheet, problems },
  );
}

function invalidSheet(problems: Problem[]): AppError {
  const first = problems[0];
  const head = first ? `${where(first) || first.file}: ${first.message}` : 'invalid answer sheet';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(400, 'invalid_answer_sheet', `${head}${more}; nothing was imported`, { problems });
}
