import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type { Db } from '../../db/client.ts';
import {
  findOrganisationName,
  findPreviousSubmitted,
  listAnswers,
  listEvidence,
} from './repositories/assessments.ts';
import { REPORT_MEDIA_TYPES, renderDiagnosisReport } from '../../reports/diagnosis-report-file.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { scoreAnswers } from './assessment-result.ts';
import { assessmentLoader, type ModelCatalog } from './assessment-access.ts';
import { attachment } from './indicator-system-routes.ts';

/** The diagnosis report of an assessment as PDF or Word (live result for drafts, frozen for submitted). */
export function assessmentReportRoutes(
  db: Db,
  models: ModelCatalog,
  atlases: AtlasCatalog,
): FastifyPluginAsyncZod {
  return async (app) => {
    const load = assessmentLoader(db, models);
    const printer = new PdfPrinter();
    app.addHook('onClose', async () => printer.close());

    app.get(
      '/api/assessments/:id/report.:format',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Download the diagnosis report (report.pdf or report.docx; ?lang=zh|en)',
          params: z.object({ id: z.string(), format: z.enum(['pdf', 'docx']) }),
          querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        const { session, row, index, profile } = await load(request, id, 'read');
        const [answers, evidence, org, previous] = await Promise.all([
          listAnswers(db, session.orgId, row.id),
          listEvidence(db, session.orgId, row.id),
          findOrganisationName(db, session.orgId),
          findPreviousSubmitted(db, session.orgId, row.modelId, row.id, row.submittedAt),
        ]);
        const frozen = row.status === 'submitted' ? (row.result as DiagnosisResult | null) : null;
        const result = frozen ?? scoreAnswers(index, answers, profile);
        const atlas = atlases.get(index.model.meta.atlas);
        const file = await renderDiagnosisReport(
          {
            model: index.model,
            result,
            organisation: { name: org?.name ?? '', ...(org ? { kind: org.kind } : {}) },
            assessment: {
              title: row.title,
              mode: row.mode,
              submittedAt: row.submittedAt,
              createdAt: row.createdAt,
            },
            ...(atlas ? { atlas } : {}),
            ...(previous?.result ? { previous: previous.result as DiagnosisResult } : {}),
            evidence: evidence.map((e) => ({
              itemId: e.itemId,
              fileName: e.fileName,
              size: e.size,
              uploadedAt: e.uploadedAt,
            })),
            lang: request.query.lang,
            generatedAt: new Date(),
          },
          format,
          printer,
        );
        return reply
          .type(REPORT_MEDIA_TYPES[format])
          .header('content-disposition', attachment(`${row.title}-诊断报告.${format}`))
          .send(file);
      },
    );
  };
}
