/**
 * GET /api/projects/:id/report.docx|pdf — the project status report for a steering meeting
 * (src/reports/project-report-*.ts), in Chinese or English; the project's members or its invited provider. Its own
 * context: it holds a Chromium (PdfPrinter) for the PDF and the chart's PNG fallback, closed with the server.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import type { Db } from '../../db/client.ts';
import { recordTenant } from '../../server/access/caller.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { projectReport } from '../../reports/project-report-model.ts';
import { projectReportDocx } from '../../reports/project-report-docx.ts';
import { projectReportPdf } from '../../reports/project-report-pdf.ts';
import { attachment } from '../assessments/downloads.ts';
import { organisationOf } from '../organisations/directory.ts';
import { presentPack, presentProject } from './presenter.ts';
import { isoDay } from './project-facts.ts';
import { deliveryRepository } from './repository.ts';
import { showProject } from './show-project.ts';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export function deliveryReportRoutes(
  db: Db,
  pack: DeliveryPack,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  const repo = deliveryRepository(db);
  return async (app) => {
    const printer = new PdfPrinter();
    app.addHook('onClose', async () => printer.close());
    app.get(
      '/api/projects/:id/report.:format',
      {
        config: { access: 'read', shared: true },
        schema: {
          tags: ['projects'],
          summary:
            'Download the project status report for a steering meeting (report.docx or report.pdf; ?lang=zh|en): facts, light and why, milestones, budget against actual per period, gates, supervision, risks, changes',
          params: z.object({ id: z.uuid(), format: z.enum(['docx', 'pdf']) }),
          querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
        },
      },
      async (request, reply) => {
        const { tenant } = recordTenant(request);
        const { format } = request.params;
        const { lang } = request.query;
        const today = isoDay(now());
        const project = presentProject(await showProject({ repo }, tenant, request.params.id), pack, today);
        const organisation = (await organisationOf(db, tenant))?.name ?? '';
        const report = projectReport(project, presentPack(pack), { lang, organisation, today });
        const file =
          format === 'pdf'
            ? await projectReportPdf(report, printer)
            : await projectReportDocx(report, printer);
        const name = `${project.name[lang]}-${lang === 'zh' ? '项目汇报' : 'status-report'}-${today}.${format}`;
        return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(name)).send(file);
      },
    );
  };
}
