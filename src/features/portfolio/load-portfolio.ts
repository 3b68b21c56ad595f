/**
 * 企业总览 — the portfolio of an organisation that looks after enterprises. Who sees what follows the organisation
 * rules (src/features/organisations/organisation-access.ts): for its administrators, the enterprises anywhere below the
 * organisation — the ones it created and, for a pilot authority, its service providers' clients (the platform: every
 * enterprise); for every member, also the enterprises they themselves are a member of (a consultant invited into a
 * client); nothing else. An enterprise has none. Per enterprise it gives summaries only (latest assessment's status, level and score, latest
 * plan's status and NPV, and counts); the assessments and plans themselves stay readable only by the enterprise's
 * own members.
 */
import type { Portfolio, PortfolioEnterprise } from '../../contracts/portfolio.ts';
import type { OrganisationKind, Role } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { overseenTenants } from '../../server/access/overseen-tenants.ts';
import { providersAmong, sharingWith } from './sharing-repository.ts';
import {
  countAssessmentsAndPlans,
  latestSubmittedResults,
  latestAssessments,
  latestPlans,
  levelDistribution,
  listPortfolioEnterprises,
  portfolioCounts,
  rolesIn,
  type PortfolioScope,
} from './repository.ts';
import { forbidden } from '../../server/app-error.ts';
import { canWrite } from '../../server/access/access-level.ts';
import { manages } from '../../server/access/manages.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import {
  dimensionLookup,
  distributions,
  modelLookup,
  presentAssessment,
  presentLatestResult,
  presentPlan,
} from './presenter.ts';

/** Who asks: the organisation they act for (the tenant, and its kind), their role in it, and who they are. */
export interface PortfolioViewer {
  organisation: { id: TenantId; kind: OrganisationKind };
  role: Role;
  userId: string;
}

/** The enterprises a member of `organisation` looks after, as the organisation rules have it; 403 for an enterprise. */
export function portfolioScope(
  organisation: PortfolioViewer['organisation'],
  role: Role,
  userId: string,
): PortfolioScope {
  if (organisation.kind === 'enterprise') throw forbidden('An enterprise has no portfolio of enterprises');
  if (role !== 'admin') return { rootId: null, memberUserId: userId };
  return organisation.kind === 'platform' ? 'all' : { rootId: organisation.id, memberUserId: userId };
}

/**
 * Whether `viewer` may start an assessment of the enterprise from the portfolio, by the rules
 * `writableClientTenant` applies (src/server/access/client-tenant.ts): an editor or administrator of it, or an
 * administrator of an organisation that manages it.
 */
function mayStartAssessment(
  viewer: PortfolioViewer,
  enterprise: { id: string; parentId: string | null },
  role: Role | undefined,
): boolean {
  if (role !== undefined && canWrite(role)) return true;
  return viewer.role === 'admin' && manages(viewer.organisation, enterprise);
}

/**
 * Whether `viewer` may read the enterprise's results in full (dimension scores, gaps), beyond the portfolio's
 * summary: a member of the enterprise (any role), or an administrator of the service provider that manages it (its
 * client), or an administrator of an authority the enterprise shares its results with (its choice). Anyone else
 * (an association, the platform, an authority not shared with) sees summaries only.
 */
export function mayReadResult(
  viewer: PortfolioViewer,
  enterprise: { id: string; parentId: string | null },
  role: Role | undefined,
  sharedWithViewer: boolean,
): boolean {
  if (role !== undefined) return true;
  if (viewer.role !== 'admin') return false;
  if (viewer.organisation.kind === 'service_provider') return enterprise.parentId === viewer.organisation.id;
  // an authority: only where the enterprise chose to share its results with it (result_shares)
  return viewer.organisation.kind === 'authority' && sharedWithViewer;
}

/**
 * The portfolio `viewer` sees: the enterprises in its scope whose name contains `q`, at most `limit` by name, each
 * with a summary of its latest assessment and plan, and the totals over the whole scope.
 */
export async function loadPortfolio(
  db: Db,
  models: IndicatorSystemCatalog,
  viewer: PortfolioViewer,
  search: { q: string; limit: number },
): Promise<Portfolio> {
  const scope = portfolioScope(viewer.organisation, viewer.role, viewer.userId);
  const lookup = modelLookup(models);
  const { rows, matching } = await listPortfolioEnterprises(db, scope, search.q, search.limit);
  const ids = rows.map((r) => r.id);
  const parentIds = rows.flatMap((r) => (r.parentId === null ? [] : [r.parentId]));
  const [assessments, plans, counts, roles, totals, levels, providers, shares] = await Promise.all([
    latestAssessments(db, ids),
    latestPlans(db, ids),
    countAssessmentsAndPlans(db, ids),
    rolesIn(db, viewer.userId, ids),
    portfolioCounts(db, scope),
    levelDistribution(db, scope),
    providersAmong(db, parentIds),
    viewer.organisation.kind === 'authority'
      ? sharingWith(db, viewer.organisation.id, ids)
      : Promise.resolve(new Set<string>()),
  ]);
  const readable = new Set(
    rows.filter((r) => mayReadResult(viewer, r, roles.get(r.id), shares.has(r.id))).map((r) => r.id),
  );
  const results = await latestSubmittedResults(db, overseenTenants([...readable]));
  const resultOf = new Map(results.map((r) => [r.orgId, r]));
  const dimensionNames = dimensionLookup(models);
  const assessmentOf = new Map(assessments.map((a) => [a.orgId, a]));
  const planOf = new Map(plans.map((p) => [p.orgId, p]));
  const enterprises = rows.map((r): PortfolioEnterprise => ({
    id: r.id,
    name: r.name,
    regionCode: r.regionCode,
    latestAssessment: presentAssessment(assessmentOf.get(r.id), lookup),
    assessmentCount: counts.assessments.get(r.id) ?? 0,
    latestPlan: presentPlan(planOf.get(r.id)),
    planCount: counts.plans.get(r.id) ?? 0,
    myRole: roles.get(r.id) ?? null,
    canStartAssessment: mayStartAssessment(viewer, r, roles.get(r.id)),
    canReadResult: readable.has(r.id),
    provider: (r.parentId !== null && providers.get(r.parentId)) || null,
    sharedWithYou: shares.has(r.id),
    latestResult: presentLatestResult(resultOf.get(r.id), dimensionNames),
  }));
  return {
    totals: { ...totals, levelsByModel: distributions(levels, lookup) },
    enterprises,
    matching,
    truncated: matching > enterprises.length,
    limit: search.limit,
  };
}
