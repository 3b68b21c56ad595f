/**
 * GET /api/portfolio/projects — the projects of the enterprises the session's organisation oversees (a provider's
 * clients, an authority's pilot enterprises, the platform's all), each with its light, counted per light and rolled
 * up per calendar quarter. Who is overseen is the portfolio feature's rule (list-portfolio-projects.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import { PortfolioProjects } from '../../contracts/delivery.ts';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { listPortfolioProjects } from './list-portfolio-projects.ts';
import { presentSummary } from './presenter.ts';
import { deliveryRepository } from './repository.ts';

export function deliveryPortfolioRoutes(
  db: Db,
  models: IndicatorSystemCatalog,
  pack: DeliveryPack,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  const deps = { repo: deliveryRepository(db), now, pack };
  return async (app) => {
    app.get(
      '/api/portfolio/projects',
      {
        config: { access: 'read' },
        schema: {
          tags: ['projects'],
          summary: 'The projects of the enterprises your organisation oversees, with their lights',
          description:
            'The same enterprises as GET /api/portfolio (up to 500 by name; `truncated` when more): every ' +
            'project with its light, the count per light, and planned against actual spend and late milestones ' +
            'per calendar quarter. Summaries only: a project opens for its own members, or an invited provider. ' +
            '403 for a member of an enterprise.',
          response: { 200: PortfolioProjects, 403: ErrorResponse },
        },
      },
      async (request) => {
        const { tenant, organisation, role, user } = member(request);
        const result = await listPortfolioProjects(deps, db, models, {
          organisation: { id: tenant, kind: organisation.kind },
          role,
          userId: user.id,
        });
        const names = new Map(result.enterprises.map((e) => [e.id, e.name]));
        return {
          projects: result.projects.map((p) => ({
            ...presentSummary(p.row, p.rollup, p.passed, pack),
            enterpriseId: p.row.orgId,
            enterpriseName: names.get(p.row.orgId) ?? '',
          })),
          lights: { ...result.lights },
          quarters: result.quarters.map((q) => ({ ...q })),
          enterprises: result.enterprises.length,
          truncated: result.truncated,
        };
      },
    );
  };
}
