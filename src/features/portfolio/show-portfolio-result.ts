/**
 * An enterprise's latest submitted diagnosis result, read-only, opened from the portfolio by one who may read it
 * (`mayReadResult`: a member, the managing provider's administrator, or an authority the enterprise shares its
 * results with). 404 for an enterprise outside the portfolio or without a submitted diagnosis; 403 result_not_shared
 * when the enterprise has not shared its results with the caller's organisation.
 */
import type { PortfolioResultView } from '../../contracts/portfolio.ts';
import type { AnswerShown, DiagnosisResult } from '../../core/diagnosis/result.ts';
import { addedOptions } from '../../core/diagnosis/option-labels.ts';
import type { Db } from '../../db/client.ts';
import { indicatorSystemItems, indicatorSystemNames } from '../../reports/diagnosis-report-items.ts';
import { reportText } from '../../reports/diagnosis-report-text.ts';
import { overseenTenants } from '../../server/access/overseen-tenants.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { mayReadResult, portfolioScope, type PortfolioViewer } from './load-portfolio.ts';
import { latestSubmittedResults, portfolioEnterprise, rolesIn } from './repository.ts';
import { providersAmong, sharingWith } from './sharing-repository.ts';

export async function showPortfolioResult(
  db: Db,
  models: IndicatorSystemCatalog,
  viewer: PortfolioViewer,
  enterpriseId: string,
  lang: 'zh' | 'en',
): Promise<PortfolioResultView> {
  const scope = portfolioScope(viewer.organisation, viewer.role, viewer.userId);
  const enterprise = await portfolioEnterprise(db, scope, enterpriseId);
  if (!enterprise) throw notFound('Enterprise in your portfolio');
  const [roles, shares, providers] = await Promise.all([
    rolesIn(db, viewer.userId, [enterprise.id]),
    viewer.organisation.kind === 'authority'
      ? sharingWith(db, viewer.organisation.id, [enterprise.id])
      : Promise.resolve(new Set<string>()),
    providersAmong(db, enterprise.parentId === null ? [] : [enterprise.parentId]),
  ]);
  if (!mayReadResult(viewer, enterprise, roles.get(enterprise.id), shares.has(enterprise.id)))
    throw new AppError(
      403,
      'result_not_shared',
      'This enterprise has not shared its diagnosis results with your organisation; you see its summary only',
    );
  const [row] = await latestSubmittedResults(db, overseenTenants([enterprise.id]));
  if (!row || row.result === null) throw notFound('Submitted diagnosis of this enterprise');
  const result = row.result as DiagnosisResult;
  const model = models.get(row.modelId);
  const names = model ? indicatorSystemNames(model, lang) : new Map<string, string>();
  const items = model ? indicatorSystemItems(model, lang) : undefined;
  const t = reportText(lang);
  const plain = (v: AnswerShown): string =>
    v === null ? t.noAnswer : Array.isArray(v) ? v.join(t.listSep) : String(v);
  return {
    enterprise: { id: enterprise.id, name: enterprise.name },
    provider: (enterprise.parentId !== null && providers.get(enterprise.parentId)) || null,
    assessment: {
      id: row.id,
      title: row.title,
      modelId: row.modelId,
      modelTitle: model ? model.meta.title[lang] || model.meta.title.zh : row.modelId,
      submittedAt: row.submittedAt?.toISOString() ?? null,
    },
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    level: result.level ? (names.get(result.level.id) ?? result.level.name) : null,
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      name: names.get(d.id) ?? d.name,
      score: d.score,
      max: d.max,
    })),
    gaps: [...result.gaps]
      .sort((a, b) => b.lostPoints - a.lostPoints)
      .map((g) => {
        const item = items?.get(g.itemId);
        const show = (v: AnswerShown) => (item ? item.brief(v) : plain(v));
        const added = addedOptions(g.current, g.best);
        return {
          itemId: g.itemId,
          name: item?.name ?? g.name,
          current: show(g.current),
          best:
            added !== null && added.length > 0 && (g.current as string[]).length > 0
              ? `${t.added}${t.colon}${show(added)}`
              : show(g.best),
          lostPoints: g.lostPoints,
        };
      }),
  };
}
