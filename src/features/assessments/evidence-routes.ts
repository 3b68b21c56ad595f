import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { Evidence, MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import {
  deleteEvidence,
  evidenceBytesUsed,
  evidenceContent,
  findEvidence,
  storeEvidence,
} from './repositories/assessments.ts';
import { badRequest, notFound } from '../../server/app-error.ts';
import { assessmentLoader, type ModelCatalog } from './assessment-access.ts';
import { attachment } from './indicator-system-routes.ts';
import { limitedBody, noBody, quotaExceeded, refuseOversized } from './upload-limits.ts';

const FileName = z.string().trim().min(1).max(255);
const Ids = z.object({ id: z.string(), evidenceId: z.string() });

const isStream = (body: unknown): body is Readable => body instanceof Readable;

/**
 * Evidence files per item: uploaded as a raw body that is streamed into the database in chunks (never held whole,
 * see db/repositories/evidence.ts), within 20 MB per file and the organisation's storage quota
 * (TUPU_ORG_STORAGE_QUOTA_MB), and downloaded a megabyte at a time. Registered in its own context: its
 * application/octet-stream parser hands over the body stream, where the answer-sheet import reads a buffer.
 */
export function assessmentEvidenceRoutes(
  db: Db,
  models: ModelCatalog,
  config: Pick<Config, 'orgStorageQuotaMb'>,
): FastifyPluginAsyncZod {
  const quota = config.orgStorageQuotaMb * 1024 * 1024;
  return async (app) => {
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    const load = assessmentLoader(db, models);

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
        const { session, row, index } = await load(request, request.params.id, 'write');
        const { itemId, fileName, mediaType } = request.query;
        if (!index.items.has(itemId)) throw badRequest(`unknown item "${itemId}"`);
        if (!isStream(request.body)) throw noBody();
        const used = await evidenceBytesUsed(db, session.orgId);
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && used + declared > quota) throw quotaExceeded(used, quota, declared);
        const outcome = await storeEvidence(
          db,
          {
            orgId: session.orgId,
            assessmentId: row.id,
            itemId,
            fileName,
            mediaType: mediaType && mediaType !== '' ? mediaType : 'application/octet-stream',
            uploadedBy: session.user.id,
          },
          // a refused body is left to the server to drain, not destroyed: the client gets the 413, not a reset
          limitedBody(request.body.iterator({ destroyOnReturn: false }), { used, limit: quota }),
          quota,
        );
        if ('overQuota' in outcome) {
          const { used: now, size, limit } = outcome.overQuota;
          throw quotaExceeded(now, limit, size);
        }
        const info = outcome.stored;
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
        const { session, row } = await load(request, request.params.id, 'read');
        const file = await findEvidence(db, session.orgId, row.id, request.params.evidenceId);
        if (!file) throw notFound('Evidence file');
        return reply
          .type(file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(evidenceContent(db, session.orgId, file)));
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
        const { session, row } = await load(request, request.params.id, 'write');
        if (!(await deleteEvidence(db, session.orgId, row.id, request.params.evidenceId)))
          throw notFound('Evidence file');
        return reply.status(204).send(null);
      },
    );
  };
}
