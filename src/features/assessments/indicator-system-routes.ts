import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndicatorSystemDetail, IndicatorSystemSummary } from '../../contracts/diagnosis.ts';
import { SHEET_LANGS } from '../../packs/model-sheet-layout.ts';
import { blankAnswerSheet } from './blank-answer-sheet.ts';
import { attachment, XLSX_TYPE } from './downloads.ts';
import {
  indicatorSystemIndex,
  indicatorSystemOf,
  type IndicatorSystemCatalog,
} from './indicator-system-index.ts';

/**
 * The indicator systems (评测指标体系) assessments can use, their form structure, and blank answer sheets. On the wire
 * they are "models" (`/api/models`, `modelId`).
 */
export function indicatorSystemRoutes(systems: IndicatorSystemCatalog): FastifyPluginAsyncZod {
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
      async () => [...systems.values()].map((system) => indicatorSystemIndex(system).summary),
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
        const index = indicatorSystemOf(systems, request.params.id);
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
        const index = indicatorSystemOf(systems, request.params.id);
        const { fileName, content } = await blankAnswerSheet(index, request.query.lang);
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(fileName)).send(content);
      },
    );
  };
}

// backup and the plan document still import these from here; they live in downloads.ts now
export { attachment, XLSX_TYPE } from './downloads.ts';
