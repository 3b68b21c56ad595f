import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { Evidence, MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { addEvidence } from './add-evidence.ts';
import { attachment } from './downloads.ts';
import { openEvidence, removeEvidence } from './evidence-files.ts';
import type { IndicatorSystemCatalog } from './indicator-system-index.ts';
import { actorOf, assessmentLoader } from './load-assessment.ts';
import { refuseOversized } from './upload-limits.ts';
import { uploadedBody } from '../../server/upload-limits.ts';

const FileName = z.string().trim().min(1).max(255);
const Ids = z.object({ id: z.string(), evidenceId: z.string() });

/**
 * Evidence files per item: uploaded as a raw body that is streamed into the database in chunks (never held whole,
 * see repositories/evidence.ts), within 20 MB per file and the organisation's storage quota
 * (TUPU_ORG_STORAGE_QUOTA_MB), and downloaded a megabyte at a time. Registered in its own context: its
 * application/octet-stream parser hands over the body stream, where the answer-sheet import reads a buffer.
 */
export function assessmentEvidenceRoutes(
  db: Db,
  systems: IndicatorSystemCatalog,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  const quota = config.orgStorageQuotaMb * 1024 * 1024;
  return async (app) => {
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    const load = assessmentLoader(db, systems);

    app.post(
      '/api/assessments/:id/evidence',
      {
        config: { access: 'write' },
        onRequest: refuseOversized,
        schema: {
          tags: ['diagnosis'],
          summary: `Attach an evidence file (≤ ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, raw body) to an item`,
          params: z.object({ id: z.string() }),
          querystring: z.object({
            itemId: z.string().min(1),
            fileName: FileName,
            mediaType: z.string().max(200).optional(),
          }),
          response: { 201: Evidence },
        },
      },
      async (request, reply) => {
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        const info = await addEvidence(
          db,
          loaded,
          {
            ...request.query,
            ...uploadedBody(request),
          },
          quota,
        );
        return reply.status(201).send({ ...info, uploadedAt: info.uploadedAt.toISOString() });
      },
    );

    app.get(
      '/api/assessments/:id/evidence/:evidenceId',
      {
        config: { access: 'read' },
        schema: { tags: ['diagnosis'], summary: 'Download an evidence file', params: Ids },
      },
      async (request, reply) => {
        const loaded = await load(actorOf(request), request.params.id, 'read');
        const { file, content } = await openEvidence(db, loaded, request.params.evidenceId);
        return reply
          .type(file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(content));
      },
    );

    app.delete(
      '/api/assessments/:id/evidence/:evidenceId',
      {
        config: { access: 'write' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Remove an evidence file',
          params: Ids,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const loaded = await load(actorOf(request), request.params.id, 'draft');
        await removeEvidence(db, loaded, request.params.evidenceId);
        return reply.status(204).send(null);
      },
    );
  };
}
