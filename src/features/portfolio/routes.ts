/**
 * 企业总览 — GET /api/portfolio: the enterprises the session's organisation looks after, with each one's latest
 * diagnosis and plan, for the home page of a service provider, an authority, an association or the platform.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ClientAssessmentStarted,
  EnterpriseImportResult,
  Portfolio,
  PORTFOLIO_LIMIT_MAX,
  PortfolioQuery,
  PortfolioResultQuery,
  PortfolioResultView,
  ResultSharing,
  SetResultSharing,
  StartClientAssessment,
} from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { attachment, XLSX_TYPE } from '../assessments/downloads.ts';
import { exportPortfolio } from './export-portfolio.ts';
import { loadPortfolio, type PortfolioViewer } from './load-portfolio.ts';
import { startClientAssessment } from './start-client-assessment.ts';
import { enterpriseTemplate } from './enterprise-sheet.ts';
import { importEnterprises } from './import-enterprises.ts';
import { setResultSharing, showResultSharing } from './result-sharing.ts';
import { showPortfolioResult } from './show-portfolio-result.ts';
import { AppError } from '../../server/app-error.ts';

/** An enterprise workbook is at most this big. */
const ENTERPRISE_SHEET_BYTES = 2 * 1024 * 1024;

const PortfolioExportQuery = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  q: PortfolioQuery.shape.q,
});

export function portfolioRoutes(db: Db, models: IndicatorSystemCatalog): FastifyPluginAsyncZod {
  /** The member asking, as the portfolio needs them (the access hook has refused anyone else). */
  const viewer = (request: FastifyRequest): PortfolioViewer => {
    const { tenant, organisation, role, user } = member(request);
    return { organisation: { id: tenant, kind: organisation.kind }, role, userId: user.id };
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
        return loadPortfolio(db, models, viewer(request), { q: q ?? '', limit });
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
            '(汇总 / Summary): the totals and the level distribution per indicator system. Sheets 3 and 4 (维度得分 / ' +
            'Dimension scores, 差距 / Gaps): the latest submitted result of every enterprise whose details you may ' +
            'read (a member of it, or an administrator of the provider managing it; `canReadResult`): one row per ' +
            'dimension (score, max, rate) and one per gap (current and best answers in words, points lost). Downloaded as ' +
            '`tupu-portfolio-YYYYMMDD.xlsx`. 403 for a member of an enterprise, which has no portfolio.',
          querystring: PortfolioExportQuery,
        },
      },
      async (request, reply) => {
        const { lang, q } = request.query;
        const { fileName, content } = await exportPortfolio(db, models, viewer(request), {
          q: q ?? '',
          lang,
        });
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(fileName))
          .header('cache-control', 'no-store')
          .send(content);
      },
    );

    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: ENTERPRISE_SHEET_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/portfolio/enterprises-template.xlsx',
      {
        config: { access: 'read' },
        schema: {
          tags: ['organisations'],
          summary: 'The blank workbook for creating enterprises in a batch (sheet 企业 / Enterprises)',
          description:
            'Columns 企业名称 / Enterprise name (required) and 行政区划代码 / Region code (6 digits, optional), and a ' +
            'sheet of instructions; fill it and send it to POST /api/portfolio/enterprises.xlsx.',
          querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
        },
      },
      async (request, reply) => {
        const { lang } = request.query;
        return reply
          .type(XLSX_TYPE)
          .header(
            'content-disposition',
            attachment(lang === 'zh' ? '批量建立企业模板.xlsx' : 'enterprises-template.xlsx'),
          )
          .header('cache-control', 'no-store')
          .send(await enterpriseTemplate(lang));
      },
    );

    app.post(
      '/api/portfolio/enterprises.xlsx',
      {
        config: { access: 'admin' },
        bodyLimit: ENTERPRISE_SHEET_BYTES,
        schema: {
          tags: ['organisations'],
          summary:
            'Create enterprises under your organisation from a filled template (raw body, ≤ 2 MB): all or none',
          description:
            'Every row is checked — a name (required, unique under your organisation and within the sheet) and an ' +
            'optional 6-digit region code — and every problem is listed in `details.problems` with its cell ' +
            '(企业!A3), code and the value refused: 400 invalid_enterprise_sheet, and no enterprise is created. ' +
            '403 when your organisation cannot create enterprises (an enterprise).',
          response: { 201: EnterpriseImportResult },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError(
            400,
            'no_file',
            'Send the workbook as the request body (application/octet-stream)',
          );
        const caller = member(request);
        const result = await importEnterprises(db, caller.organisation, body);
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/api/portfolio/result',
      {
        config: { access: 'read' },
        schema: {
          tags: ['organisations'],
          summary: "An enterprise's latest submitted diagnosis result, read-only, from the portfolio",
          description:
            'For one who may read it in full (`canReadResult` in GET /api/portfolio): a member of the enterprise, ' +
            "an administrator of the provider managing it, or an authority's administrator where the enterprise " +
            'shares its results with the authority (PUT /api/result-sharing). Score, level, dimension scores and ' +
            'the gaps with the answers in words, in `lang`; the provider it belongs to. 404 outside the portfolio ' +
            'or without a submitted diagnosis; 403 result_not_shared when the enterprise has not shared it with you.',
          querystring: PortfolioResultQuery,
          response: { 200: PortfolioResultView },
        },
      },
      async (request) =>
        showPortfolioResult(db, models, viewer(request), request.query.enterpriseId, request.query.lang),
    );

    app.get(
      '/api/result-sharing',
      {
        config: { access: 'read' },
        schema: {
          tags: ['organisations'],
          summary: 'Whether the enterprise shares its latest diagnosis result with its pilot authority',
          description:
            'For a member of an enterprise: the nearest authority above it (null when none), whether it shares ' +
            'now, and every grant with who shared and who withdrew it, and when (newest first). 403 for an ' +
            'organisation that is not an enterprise.',
          response: { 200: ResultSharing },
        },
      },
      async (request) => showResultSharing(db, member(request)),
    );

    app.put(
      '/api/result-sharing',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['organisations'],
          summary: 'Share the latest diagnosis result with the pilot authority, or withdraw it',
          description:
            "The enterprise's choice, by its administrators: `shared: true` lets the authority's administrators " +
            'read its latest submitted result in full (dimension scores, gaps, read-only) from their portfolio; ' +
            '`false` withdraws it at their next request. Recorded with who and when. 409 no_authority when no ' +
            'authority is above the enterprise.',
          body: SetResultSharing,
          response: { 200: ResultSharing },
        },
      },
      async (request) => setResultSharing(db, member(request), request.body.shared),
    );

    app.post(
      '/api/portfolio/assessments',
      {
        // the right to write is checked on the enterprise, not on the organisation the session acts for
        config: { access: 'read' },
        schema: {
          tags: ['organisations'],
          summary: 'Start an assessment of an enterprise in your portfolio, without switching to it first',
          description:
            'The body is that of POST /api/assessments with `enterpriseId`, an enterprise of your portfolio (else ' +
            '404). You must be an editor or administrator of the enterprise, or an administrator of the ' +
            'organisation that manages it (a direct child; the platform: any); else 403 naming why — ' +
            '`client_viewer` (you are its viewer), `client_not_managed` (your organisation does not manage it and ' +
            'you are not its member), `client_not_member` (you are not its member and not an administrator ' +
            'here). `right` says which applied: a `member` opens the assessment after switching to the enterprise.',
          body: StartClientAssessment,
          response: { 201: ClientAssessmentStarted },
        },
      },
      async (request, reply) => {
        const started = await startClientAssessment(db, models, member(request), request.body);
        return reply.status(201).send(started);
      },
    );
  };
}
