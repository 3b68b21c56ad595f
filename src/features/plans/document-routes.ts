/**
 * The plan document of a plan (转型规划方案, guide 二(一)): its sections with pre-filled texts to edit before export,
 * and the document itself as Word or PDF. Export needs a current roadmap (409 plan_not_solved otherwise).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { PlanDocumentView, SavePlanDocument } from '../../contracts/plan-document.ts';
import type { Db } from '../../db/client.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { PLAN_DOCUMENT_CONTENT_TYPES, PLAN_DOCUMENT_FORMATS } from '../../reports/plan-document-file.ts';
import { PLAN_LANGS } from '../../reports/plan-document-types.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { member } from '../../server/access/caller.ts';
import { attachment } from '../assessments/downloads.ts';
import { organisationOf } from '../organisations/directory.ts';
import type { DocumentSources } from './document-input.ts';
import { documentFileName, presentPlanDocument } from './document-presenter.ts';
import { exportPlanDocument } from './export-plan-document.ts';
import { readPlanDocument } from './read-plan-document.ts';
import { planRepository } from './repository.ts';
import { savePlanDocument } from './save-plan-document.ts';

const tags = ['plans'];
const IdParams = z.object({ id: z.uuid() });
/** The document's language: its headings and pre-filled texts, and which edits are read, saved and printed. */
const LangQuery = z.object({ lang: z.enum(PLAN_LANGS).default('zh') });

export function planDocumentRoutes(db: Db, atlases: AtlasCatalog): FastifyPluginAsyncZod {
  const sources: DocumentSources & { repo: ReturnType<typeof planRepository> } = {
    atlases,
    organisationOf: (tenant) => organisationOf(db, tenant),
    now: () => new Date(),
    repo: planRepository(db),
  };

  return async (app) => {
    const printer = new PdfPrinter();
    app.addHook('onClose', async () => printer.close());

    app.get(
      '/api/plans/:id/document',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "The plan document sections in ?lang=zh|en: pre-filled text, that language's stored edit, text printed",
          params: IdParams,
          querystring: LangQuery,
          response: { 200: PlanDocumentView },
        },
      },
      async (request) =>
        presentPlanDocument(
          await readPlanDocument(sources, member(request).tenant, request.params.id, request.query.lang),
        ),
    );

    app.put(
      '/api/plans/:id/document',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "Save the section edits of ?lang=zh|en at the plan `version` edited: only the sections sent change (empty or the pre-filled text = reset), the others and the other language's are kept; 400 names an unknown section and saves nothing; 409 stale_version names a section someone else changed since",
          params: IdParams,
          querystring: LangQuery,
          body: SavePlanDocument,
          response: { 200: PlanDocumentView },
        },
      },
      async (request) =>
        presentPlanDocument(
          await savePlanDocument(
            { ...sources, repo: planRepository(db, memberAuditScope(request)) },
            member(request).tenant,
            request.params.id,
            request.query.lang,
            request.body,
          ),
        ),
    );

    app.get(
      '/api/plans/:id/document.:format',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "Download the plan document (document.docx or document.pdf; ?lang=zh|en, printing that language's edits); 409 until optimised",
          params: IdParams.extend({ format: z.enum(PLAN_DOCUMENT_FORMATS) }),
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        const { lang } = request.query;
        const { plan, file } = await exportPlanDocument(
          { ...sources, printer },
          member(request).tenant,
          id,
          format,
          lang,
        );
        return reply
          .type(PLAN_DOCUMENT_CONTENT_TYPES[format])
          .header('content-disposition', attachment(documentFileName(plan.record.title, lang, format)))
          .send(file);
      },
    );
  };
}
