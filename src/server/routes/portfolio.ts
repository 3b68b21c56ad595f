/**
 * 企业总览 — GET /api/portfolio: the enterprises the session's organisation looks after, with each one's latest
 * diagnosis and plan, for the home page of a service provider, an authority, an association or the platform.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Portfolio, PortfolioQuery } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { requireSession } from '../auth/current-session.ts';
import { findOrganisation } from '../../db/repositories/organisations.ts';
import { sessionRole } from '../auth/policies.ts';
import { forbidden } from '../app-error.ts';
import { loadPortfolio } from '../use-cases/portfolio.ts';
import type { ModelCatalog } from './assessment-access.ts';
import { ErrorResponse } from './error-response.ts';

export function portfolioRoutes(db: Db, models: ModelCatalog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/portfolio',
      {
        schema: {
          tags: ['organisations'],
          summary: 'The enterprises your organisation looks after, with their latest diagnosis and plan',
          description:
            'For administrators of a service provider, an authority or an association: the enterprises anywhere ' +
            "under their organisation (its own, and for an authority its service providers' clients); for the " +
            "platform's administrators: every enterprise. For every member, also the enterprises they themselves " +
            'belong to (a consultant invited into clients). Enterprises are listed by name, at most `limit` ' +
            '(default 200, at most 500) of those whose name contains `q`; `truncated` is true when more match. ' +
            "`totals` count the whole portfolio whatever `q`. Only summaries are given: an enterprise's " +
            'assessments and plans open only for its members (`myRole`), after switching to it. ' +
            '403 for a member of an enterprise, which has no portfolio.',
          querystring: PortfolioQuery,
          response: { 200: Portfolio, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const [role, organisation] = await Promise.all([
          sessionRole(db, session),
          findOrganisation(db, session.orgId),
        ]);
        if (!organisation) throw forbidden('Your organisation no longer exists');
        const { q, limit } = request.query;
        return loadPortfolio(db, { organisation, role, userId: session.user.id, models, q: q ?? '', limit });
      },
    );
  };
}
