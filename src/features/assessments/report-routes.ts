import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { Db } from '../../db/client.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { attachment } from './downloads.ts';
import type { IndicatorSystemCatalog } from './indicator-system-index.ts';
import { actorOf, assessmentLoader } from './load-assessment.ts';
import { reportFile } from './report-file.ts';

/** The diagnosis report of an assessment as PDF or Word (live result for drafts, frozen for submitted). */
export function assessmentReportRoutes(
  db: Db,
  systems: IndicatorSystemCatalog,
  atlases: AtlasCatalog,
): FastifyPluginAsyncZod {
  return async (app) => {
    const load = assessmentLoader(db, systems);
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
        const loaded = await load(actorOf(request), id, 'read');
        const file = await reportFile(db, atlases, printer, loaded, { format, lang: request.query.lang });
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachment(file.fileName))
          .send(file.content);
      },
    );
  };
}
