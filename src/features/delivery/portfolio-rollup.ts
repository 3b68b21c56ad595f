/**
 * The roll-up of the projects of many organisations — the enterprises an authority or a provider oversees: every
 * project with its light, the count per light, and planned against actual spend and late milestones per calendar
 * quarter (their plans start at different times). Four queries however many projects (repository.listProjectFacts).
 * The caller decides which organisations are overseen (the portfolio feature) and grants their tenants.
 */
import { lightCounts, rollupByQuarter, type QuarterRollup } from '../../core/delivery/rollup.ts';
import type { Light } from '../../core/delivery/status-light.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps } from './deps.ts';
import { listProjects } from './list-projects.ts';
import type { SummarisedProject } from './presenter.ts';
import { calendarOf } from './project-facts.ts';

export interface PortfolioRollup {
  projects: SummarisedProject[];
  lights: Record<Light, number>;
  quarters: QuarterRollup[];
}

export async function portfolioRollup(
  deps: Pick<DeliveryDeps, 'repo' | 'now'> & Partial<Pick<DeliveryDeps, 'pack'>>,
  tenants: readonly TenantId[],
): Promise<PortfolioRollup> {
  const projects = await listProjects(deps, tenants);
  return {
    projects,
    lights: lightCounts(projects.map((p) => p.rollup)),
    quarters: rollupByQuarter(projects.map((p) => ({ rollup: p.rollup, calendar: calendarOf(p.row) }))),
  };
}
