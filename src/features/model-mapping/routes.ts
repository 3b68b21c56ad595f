import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { ModelMapping } from '../../core/mapping/mapping-schema.ts';
import { OtherModelsResponse } from '../../contracts/model-mapping.ts';
import type { Db } from '../../db/client.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { actorOf, assessmentLoader } from '../assessments/load-assessment.ts';
import { estimateOtherModels } from './estimate-other-models.ts';

const Id = z.object({ id: z.string() });

/** Estimated standing on other models (其他标准下的估计): one assessment onto every model the mapping pack links. */
export function modelMappingRoutes(
  db: Db,
  systems: IndicatorSystemCatalog,
  atlases: AtlasCatalog,
  mapping: ModelMapping,
): FastifyPluginAsyncZod {
  return async (app) => {
    const load = assessmentLoader(db, systems);
    app.get(
      '/api/assessments/:id/other-models',
      {
        config: { access: 'read' },
        schema: {
          tags: ['diagnosis'],
          summary:
            'Estimated standing on the other models a mapping pack links (an estimate, not a diagnosis)',
          description:
            'From the assessment’s diagnosis (live for a draft, frozen once submitted) and the crosswalk of the ' +
            'mapping pack: per mapped model the estimated standing 0–1, its place on that model’s levels, the items ' +
            'covered out of all and, per item, the source items that contributed.',
          params: Id,
          response: { 200: OtherModelsResponse },
        },
      },
      async (request) => {
        const loaded = await load(actorOf(request), request.params.id, 'read');
        return estimateOtherModels(db, atlases, systems, mapping, loaded);
      },
    );
  };
}
