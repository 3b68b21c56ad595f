import type { Db } from '../../db/client.ts';
import { PORTFOLIO_LIMIT_MAX } from '../../contracts/portfolio.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type { LevelNames, PortfolioResult } from '../../reports/portfolio-workbook.ts';
import { workbookBytes } from '../../reports/workbook-file.ts';
import { overseenTenants } from '../../server/access/overseen-tenants.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { indicatorSystemIndex } from '../assessments/indicator-system-index.ts';
import { loadPortfolio, type PortfolioViewer } from './load-portfolio.ts';
import { latestSubmittedResults } from './repository.ts';

/**
 * The portfolio `viewer` sees, as an Excel workbook in `lang`: the same enterprises as loadPortfolio, up to
 * PORTFOLIO_LIMIT_MAX by name, dated `now`; with the dimension scores and gaps of each one's latest submitted
 * result where the viewer may read it in full (`canReadResult`).
 */
export async function exportPortfolio(
  db: Db,
  models: IndicatorSystemCatalog,
  viewer: PortfolioViewer,
  options: { q: string; lang: 'zh' | 'en'; now?: Date },
): Promise<{ fileName: string; content: Buffer }> {
  const levelNames: LevelNames = (modelId, levelId) => {
    const model = models.get(modelId);
    return model ? indicatorSystemIndex(model).summary.levels.find((l) => l.id === levelId)?.name : undefined;
  };
  const { q, lang } = options;
  const now = options.now ?? new Date();
  const portfolio = await loadPortfolio(db, models, viewer, { q, limit: PORTFOLIO_LIMIT_MAX });
  const readable = portfolio.enterprises.filter((e) => e.canReadResult);
  const rows = await latestSubmittedResults(db, overseenTenants(readable.map((e) => e.id)));
  const rowOf = new Map(rows.map((r) => [r.orgId, r]));
  const results = readable.flatMap((e): PortfolioResult[] => {
    const row = rowOf.get(e.id);
    if (!row || row.result === null) return [];
    return [
      {
        enterprise: e.name,
        title: row.title,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        modelId: row.modelId,
        model: models.get(row.modelId),
        result: row.result as DiagnosisResult,
      },
    ];
  });
  // exceljs (~0.25 s and ~28 MB to load) is loaded on the first export, not at server start
  const { portfolioFileName, portfolioWorkbook } = await import('../../reports/portfolio-workbook.ts');
  const workbook = portfolioWorkbook({ portfolio, results, lang, levelNames, q, now });
  return { fileName: portfolioFileName(now), content: await workbookBytes(workbook) };
}
