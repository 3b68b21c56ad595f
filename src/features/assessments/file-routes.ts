import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { ImportResult, MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { assessmentEvidenceRoutes } from './evidence-routes.ts';
import { importAnswers } from './import-answers.ts';
import type { IndicatorSystemCatalog } from './indicator-system-index.ts';
import { actorOf, assessmentLoader } from './load-assessment.ts';
import { noBody, refuseOversized, tooLarge } from './upload-limits.ts';

function bodyBuffer(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw noBody();
  if (body.length > MAX_UPLOAD_BYTES) throw tooLarge(body.length);
  return body;
}

const FileName = z.string().trim().min(1).max(255);

/**
 * Import of a filled answer sheet (parsed in a worker thread, see import-answers.ts) and evidence files per item
 * (evidence-routes.ts, streamed in chunks); raw request bodies.
 */
export function assessmentFileRoutes(
  db: Db,
  systems: IndicatorSystemCatalog,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(assessmentEvidenceRoutes(db, systems, config));
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1024 },
      (_request, body, done) => done(null, body),
    );
    const load = assessmentLoader(db, systems);
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
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        const content = bodyBuffer(request.body);
        return importAnswers(db, loaded, { content, fileName: request.query.fileName });
      },
    );
  };
}
