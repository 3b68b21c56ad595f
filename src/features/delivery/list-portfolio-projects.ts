/**
 * The projects of the enterprises an authority or a provider oversees, with their lights and the roll-up per
 * calendar quarter. Which enterprises it oversees is the portfolio feature's answer (its use case `loadPortfolio`,
 * the organisation rules: 403 for an enterprise), never read here; at most PORTFOLIO_LIMIT_MAX enterprises by name
 * (`truncated` says when more are overseen).
 */
import { PORTFOLIO_LIMIT_MAX } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import { overseenTenants } from '../../server/access/overseen-tenants.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { loadPortfolio, type PortfolioViewer } from '../portfolio/load-portfolio.ts';
import type { DeliveryDeps } from './deps.ts';
import { portfolioRollup, type PortfolioRollup } from './portfolio-rollup.ts';

export interface PortfolioProjects extends PortfolioRollup {
  enterprises: { id: string; name: string }[];
  truncated: boolean;
}

export async function listPortfolioProjects(
  deps: Pick<DeliveryDeps, 'repo' | 'now'> & Partial<Pick<DeliveryDeps, 'pack'>>,
  db: Db,
  models: IndicatorSystemCatalog,
  viewer: PortfolioViewer,
): Promise<PortfolioProjects> {
  const portfolio = await loadPortfolio(db, models, viewer, { q: '', limit: PORTFOLIO_LIMIT_MAX });
  const enterprises = portfolio.enterprises.map((e) => ({ id: e.id, name: e.name }));
  const rollup = await portfolioRollup(deps, overseenTenants(enterprises.map((e) => e.id)));
  return { ...rollup, enterprises, truncated: portfolio.truncated };
}
