/**
 * 企业总览 — GET /api/portfolio: the enterprises the session's organisation looks after, with each one's latest
 * diagnosis and plan, for the home page of a service provider, an authority, an association or the platform.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Portfolio, PORTFOLIO_LIMIT_MAX, PortfolioQuery } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { findOrganisation } from '../organisations/repositories/organisations.ts';
import { sessionRole } from '../../server/access/policies.ts';
import { forbidden } from '../../server/app-error.ts';
import { loadPortfolio } from './portfolio.ts';
import { indicatorSystemIndex as modelIndex } from '../assessments/indicator-system-index.ts';
import { portfolioFileName, portfolioWorkbook, type LevelNames } from '../../reports/portfolio-workbook.ts';
import type { IndicatorSystemCatalog as ModelCatalog } from '../assessments/indicator-system-index.ts';
import { attachment, XLSX_TYPE } from '../assessments/downloads.ts';
import { ErrorResponse } from '../../server/error-response.ts';

const PortfolioExportQuery = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  q: PortfolioQuery.shape.q,
});

export function portfolioRoutes(db: Db, models: ModelCatalog): FastifyPluginAsyncZod {
  /** The session's organisation and role, as the portfolio needs them; 401 without a session, 403 without an organisation. */
  const caller = async (request: FastifyRequest) => {
    const session = await requireSession(db, request);
    const [role, organisation] = await Promise.all([
      sessionRole(db, session),
      findOrganisation(db, session.orgId),
    ]);
    if (!organisation) throw forbidden('Your organisation no longer exists');
    return { organisation, role, userId: session.user.id, models };
  };
  const levelNames: LevelNames = (modelId, levelId) => {
    const model = models.get(modelId);
    return model ? modelIndex(model).summary.levels.find((l) => l.id === levelId)?.name : undefined;
  };

  return async (app) => {
    app.get(
      '/api/portfolio',
      {
        config: { access: 'read' },
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
        const { q, limit } = request.query;
        return loadPortfolio(db, { ...(await caller(request)), q: q ?? '', limit });
      },
    );

    app.get(
      '/api/portfolio.xlsx',
      {
        config: { access: 'read' },
        schema: {
          tags: ['organisations'],
          summary: 'The enterprise portfolio as an Excel workbook, in Chinese or English',
          description:
            'The same enterprises as GET /api/portfolio (same access rules, same name search `q`), up to ' +
            `${PORTFOLIO_LIMIT_MAX} by name; a note row says so when more match. Sheet 1 (企业总览 / Portfolio): one ` +
            'row per enterprise with its region code, latest diagnosis (indicator system, status, level, score / max, ' +
            'date) and number of diagnoses, latest plan (title, status, NPV in 万元) and number of plans. Sheet 2 ' +
            '(汇总 / Summary): the totals and the level distribution per indicator system. Downloaded as ' +
            '`tupu-portfolio-YYYYMMDD.xlsx`. 403 for a member of an enterprise, which has no portfolio.',
          querystring: PortfolioExportQuery,
        },
      },
      async (request, reply) => {
        const { lang, q } = request.query;
        const portfolio = await loadPortfolio(db, {
          ...(await caller(request)),
          q: q ?? '',
          limit: PORTFOLIO_LIMIT_MAX,
        });
        const now = new Date();
        const workbook = portfolioWorkbook({ portfolio, lang, levelNames, q: q ?? '', now });
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(portfolioFileName(now)))
          .header('cache-control', 'no-store')
          .send(buffer);
      },
    );
  };
}
