/**
 * Evaluation API (成效评估, guide 二（三）): the KPI catalogue; ledgers uploaded (raw body, read in a worker thread),
 * previewed with a proposed column mapping, imported in one transaction; KPI values per period computed from the
 * stored rows, manual values marked as such, and the rows behind any value. Every route declares its access: read
 * for any member of the organisation, write for editors and administrators; an import of another organisation is
 * 404 (ownership.ts). Each route is schema → declared access → one use case → presenter.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import {
  ImportedLedger,
  ImportLedger,
  KpiCatalogueView,
  KpiValueRows,
  KpiValues,
  KpiValuesQuery,
  KpiValueView,
  LedgerImportList,
  LedgerUploadPreview,
  PeriodKey,
  SaveManualValue,
  ValueRowsQuery,
} from '../../contracts/evaluation.ts';
import type { KpiCatalogue } from '../../core/kpi/catalogue-schema.ts';
import type { Db } from '../../db/client.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { member } from '../../server/access/caller.ts';
import { refuseOversized, uploadedBody } from '../../server/upload-limits.ts';
import type { EvaluationDeps } from './deps.ts';
import { importLedger } from './import-ledger.ts';
import { listLedgerImports, removeLedgerImport } from './imports.ts';
import { kpiValues } from './kpi-values.ts';
import { enterManualValue, removeManualValue } from './manual-values.ts';
import { presentCatalogue } from './presenter.ts';
import { uploadLedger } from './upload-ledger.ts';
import { valueRows } from './value-rows.ts';

const tags = ['evaluation'];
const KpiParams = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'a KPI id such as oee')
    .max(100),
});
const KpiPeriodParams = KpiParams.extend({ period: PeriodKey });

export function evaluationRoutes(
  db: Db,
  catalogue: KpiCatalogue,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  // each request's writes are recorded in the audit trail as the caller's
  const depsOf = (request: FastifyRequest): EvaluationDeps => ({
    db,
    catalogue,
    now,
    audit: memberAuditScope(request),
  });
  const catalogueView = presentCatalogue(catalogue);

  return async (app) => {
    // the upload route reads its raw body itself
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

    app.get(
      '/api/kpis',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The KPI catalogue in force: data fields and the KPIs computed from them',
          response: { 200: KpiCatalogueView },
        },
      },
      () => catalogueView,
    );

    app.post(
      '/api/ledgers/uploads',
      {
        config: { access: 'write' },
        onRequest: refuseOversized,
        schema: {
          tags,
          summary: `Upload a ledger (.csv in UTF-8 or GBK, or .xlsx; ≤ ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, raw body): its header, first rows and a proposed column mapping`,
          querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
          response: { 201: LedgerUploadPreview },
        },
      },
      async (request, reply) => {
        const { tenant, user } = member(request);
        const preview = await uploadLedger(depsOf(request), tenant, user.id, {
          fileName: request.query.fileName,
          content: uploadedBody(request).content,
        });
        return reply.status(201).send(preview);
      },
    );

    app.post(
      '/api/ledgers/imports',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "Import an upload's rows under a column mapping, all or none (422 ledger_problems names each row and column); the mapping is remembered for the layout",
          body: ImportLedger,
          response: { 201: ImportedLedger },
        },
      },
      async (request, reply) => {
        const { tenant, user } = member(request);
        return reply.status(201).send(await importLedger(depsOf(request), tenant, user.id, request.body));
      },
    );

    app.get(
      '/api/ledgers/imports',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: "The organisation's ledger imports, newest first",
          response: { 200: LedgerImportList },
        },
      },
      async (request) => ({ imports: await listLedgerImports(depsOf(request), member(request).tenant) }),
    );

    app.delete(
      '/api/ledgers/imports/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Remove an import and its rows',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeLedgerImport(depsOf(request), member(request).tenant, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/kpis/values',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'KPI values per period, computed from the stored ledger rows (manual values marked), with baseline and trend',
          querystring: KpiValuesQuery,
          response: { 200: KpiValues },
        },
      },
      async (request) => ({
        series: await kpiValues(depsOf(request), member(request).tenant, request.query),
      }),
    );

    app.put(
      '/api/kpis/:id/manual-values/:period',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Enter a KPI value by hand for a period: marked manual, with who entered it',
          params: KpiPeriodParams,
          body: SaveManualValue,
          response: { 200: KpiValueView },
        },
      },
      async (request) => {
        const { tenant, user } = member(request);
        const { id, period } = request.params;
        return enterManualValue(depsOf(request), tenant, user.id, id, period, request.body);
      },
    );

    app.delete(
      '/api/kpis/:id/manual-values/:period',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Remove a manual KPI value: the computed one is in force again',
          params: KpiPeriodParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeManualValue(
          depsOf(request),
          member(request).tenant,
          request.params.id,
          request.params.period,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/kpis/:id/values/:period/rows',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The ledger rows behind a KPI value, a page at a time',
          params: KpiPeriodParams,
          querystring: ValueRowsQuery,
          response: { 200: KpiValueRows },
        },
      },
      async (request) =>
        valueRows(
          depsOf(request),
          member(request).tenant,
          request.params.id,
          request.params.period,
          request.query,
        ),
    );
  };
}
