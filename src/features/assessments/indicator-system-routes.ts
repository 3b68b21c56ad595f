import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndicatorSystemDetail, IndicatorSystemSummary } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { SHEET_LANGS } from '../../packs/model-sheet-layout.ts';
import { answerTemplate } from '../../packs/model-sheet-template.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { modelIndex } from './assessment-items.ts';
import { modelOf, type ModelCatalog } from './assessment-access.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment; filename=…` that survives non-ASCII names (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The indicator systems (评测指标体系) assessments can use, their form structure, and blank answer sheets. */
export function assessmentModelRoutes(db: Db, models: ModelCatalog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/models',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['diagnosis'],
          summary: 'Indicator systems available for assessments',
          response: { 200: z.array(IndicatorSystemSummary) },
        },
      },
      async (request) => {
        await requireSession(db, request);
        return [...models.values()].map((m) => modelIndex(m).summary);
      },
    );

    app.get(
      '/api/models/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['diagnosis'],
          summary: 'One indicator system in full, with the sections of its answer form',
          params: z.object({ id: z.string() }),
          response: { 200: IndicatorSystemDetail },
        },
      },
      async (request) => {
        await requireSession(db, request);
        const index = modelOf(models, request.params.id);
        // plain data; the web reads it as IndicatorSystem (src/core/diagnosis/model-schema.ts)
        const model = index.model as unknown as { family: typeof index.model.family } & Record<
          string,
          unknown
        >;
        return { summary: index.summary, model, sections: index.sections };
      },
    );

    app.get(
      '/api/models/:id/template.xlsx',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['diagnosis'],
          summary:
            'A blank .xlsx answer sheet for the model (dropdowns, hidden model id), in Chinese or English',
          params: z.object({ id: z.string() }),
          querystring: z.object({ lang: z.enum(SHEET_LANGS).default('zh') }),
        },
      },
      async (request, reply) => {
        await requireSession(db, request);
        const index = modelOf(models, request.params.id);
        const { lang } = request.query;
        const buffer = Buffer.from(await answerTemplate(index.model, lang).xlsx.writeBuffer());
        const m = index.model.meta;
        const name = lang === 'en' ? `${m.id}-${m.version}-answers.xlsx` : `${m.id}-${m.version}-答卷.xlsx`;
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(buffer);
      },
    );
  };
}
