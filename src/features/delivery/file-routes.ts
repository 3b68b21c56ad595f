/**
 * Evidence files of a project's checklist items: uploaded as a raw body streamed into the shared evidence store in
 * chunks (never held whole), within the per-file limit and the organisation's storage quota
 * (TUPU_ORG_STORAGE_QUOTA_MB, one quota for assessments' and projects' files), downloaded a megabyte at a time.
 * Registered in its own context: its application/octet-stream parser hands over the body stream. An invited
 * provider reaches them on the project it was invited to (shared: true), within its checklist rights.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import { Evidence, MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import { ProjectView } from '../../contracts/delivery.ts';
import { AppError } from '../../server/app-error.ts';
import type { Db } from '../../db/client.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { member, recordTenant } from '../../server/access/caller.ts';
import { refuseOversized, uploadedBody } from '../../server/upload-limits.ts';
import { attachment, XLSX_TYPE } from '../assessments/downloads.ts';
import { exportCosts, importCosts } from './cost-sheet.ts';
import { presentProject } from './presenter.ts';
import { isoDay } from './project-facts.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { addProjectFile, openProjectFile, removeProjectFile } from './project-files.ts';
import { deliveryRepository } from './repository.ts';

const isStream = (body: unknown): body is Readable => body instanceof Readable;

/** A cost workbook is small: read whole, refused past this many bytes. */
const COST_SHEET_BYTES = 2 * 1024 * 1024;

async function smallBody(body: unknown): Promise<Buffer> {
  if (!isStream(body))
    throw new AppError(400, 'no_file', 'Send the workbook as the request body (application/octet-stream)');
  const pieces: Buffer[] = [];
  let total = 0;
  for await (const piece of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    total += piece.length;
    if (total > COST_SHEET_BYTES)
      throw new AppError(
        413,
        'file_too_large',
        `A cost workbook is at most ${COST_SHEET_BYTES / 1024 / 1024} MB`,
        {
          limit: COST_SHEET_BYTES,
        },
      );
    pieces.push(piece);
  }
  if (total === 0)
    throw new AppError(400, 'no_file', 'Send the workbook as the request body (application/octet-stream)');
  return Buffer.concat(pieces);
}
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const tags = ['projects'];

function caller(request: FastifyRequest): {
  tenant: ReturnType<typeof recordTenant>['tenant'];
  writer: Writer;
} {
  const { tenant, shared } = recordTenant(request);
  const { user, organisation } = member(request);
  return {
    tenant,
    writer: shared
      ? { userId: user.id, organisationParty: 'provider', invited: true }
      : { userId: user.id, organisationParty: organisation.kind === 'enterprise' ? 'enterprise' : null },
  };
}

export function deliveryFileRoutes(
  db: Db,
  pack: DeliveryPack,
  config: Pick<Config, 'orgStorageQuotaMb'>,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  // each request's repository records its writes in the audit trail as the caller's
  const depsOf = (request: FastifyRequest): DeliveryDeps => ({
    repo: deliveryRepository(db, memberAuditScope(request)),
    pack,
    now,
  });
  const quota = config.orgStorageQuotaMb * 1024 * 1024;
  return async (app) => {
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

    app.post(
      '/api/projects/:id/checklists/:checklistId/items/:itemId/files',
      {
        config: { access: 'write', shared: true },
        onRequest: refuseOversized,
        schema: {
          tags,
          summary: `Upload an evidence file (≤ ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, raw body) for a checklist item; a tick of the item then references it`,
          params: z.object({
            id: z.uuid(),
            checklistId: z.string().min(1).max(100),
            itemId: z.string().min(1).max(100),
          }),
          querystring: z.object({
            fileName: z.string().trim().min(1).max(255),
            mediaType: z.string().max(200).optional(),
          }),
          response: { 201: Evidence },
        },
      },
      async (request, reply) => {
        const { tenant, writer } = caller(request);
        const { id, checklistId, itemId } = request.params;
        const info = await addProjectFile(
          depsOf(request),
          tenant,
          writer,
          id,
          {
            checklistId,
            itemId,
            ...request.query,
            ...uploadedBody(request),
          },
          quota,
        );
        return reply.status(201).send({ ...info, uploadedAt: info.uploadedAt.toISOString() });
      },
    );

    app.get(
      '/api/projects/:id/files/:fileId',
      {
        config: { access: 'read', shared: true },
        schema: {
          tags,
          summary: "Download an evidence file of the project's checklists",
          params: FileParams,
        },
      },
      async (request, reply) => {
        const { tenant } = caller(request);
        const { file, content } = await openProjectFile(db, tenant, request.params.id, request.params.fileId);
        return reply
          .type(file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(content));
      },
    );

    app.get(
      '/api/projects/:id/costs.xlsx',
      {
        config: { access: 'read', shared: true },
        schema: {
          tags,
          summary:
            "The project's cost entries as an Excel workbook (sheet 成本 or Costs: period, amount in 万元, note)",
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
        },
      },
      async (request, reply) => {
        const { tenant } = caller(request);
        const { lang } = request.query;
        const { bundle, content } = await exportCosts(depsOf(request), tenant, request.params.id, lang);
        const name = (bundle.project.name as { zh: string; en: string })[lang];
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(`${name}-${lang === 'zh' ? '成本' : 'costs'}.xlsx`))
          .send(content);
      },
    );

    app.post(
      '/api/projects/:id/costs.xlsx',
      {
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary:
            "Import cost entries from an Excel workbook (raw body, ≤ 2 MB; the export's layout): every row booked, all or none; each problem names its cell (成本!A3: …)",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ imported: z.number(), project: ProjectView }) },
        },
      },
      async (request) => {
        const { tenant, writer } = caller(request);
        const bytes = await smallBody(request.body);
        const { bundle, imported } = await importCosts(
          depsOf(request),
          tenant,
          writer,
          request.params.id,
          bytes,
        );
        return { imported, project: presentProject(bundle, pack, isoDay(now())) };
      },
    );

    app.delete(
      '/api/projects/:id/files/:fileId',
      {
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary: 'Remove an evidence file no tick references',
          params: FileParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { tenant, writer } = caller(request);
        await removeProjectFile(depsOf(request), tenant, writer, request.params.id, request.params.fileId);
        return reply.status(204).send(null);
      },
    );
  };
}
