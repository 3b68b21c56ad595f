import type { Db } from '../../db/client.ts';
import { PORTFOLIO_LIMIT_MAX } from '../../contracts/portfolio.ts';
import type { LevelNames } from '../../reports/portfolio-workbook.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { indicatorSystemIndex } from '../assessments/indicator-system-index.ts';
import { loadPortfolio, type PortfolioViewer } from './load-portfolio.ts';

/**
 * The portfolio `viewer` sees, as an Excel workbook in `lang`: the same enterprises as loadPortfolio, up to
 * PORTFOLIO_LIMIT_MAX by name, dated `now`.
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
  // exceljs (~0.25 s and ~28 MB to load) is loaded on the first export, not at server start
  const { portfolioFileName, portfolioWorkbook } = await import('../../reports/portfolio-workbook.ts');
  const workbook = portfolioWorkbook({ portfolio, lang, levelNames, q, now });
  return { fileName: portfolioFileName(now), content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
