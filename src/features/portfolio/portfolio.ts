/**
 * 企业总览 — the portfolio of an organisation that looks after enterprises. Who sees what follows the organisation
 * rules (src/server/auth/organisation-access.ts): for its administrators, the enterprises anywhere below the
 * organisation — the ones it created and, for a pilot authority, its service providers' clients (the platform: every
 * enterprise); for every member, also the enterprises they themselves are a member of (a consultant invited into a
 * client); nothing else. An enterprise has none. Per enterprise it gives summaries only (latest assessment's status, level and score, latest
 * plan's status and NPV, and counts); the assessments and plans themselves stay readable only by the enterprise's
 * own members.
 */
import type {
  IndicatorSystemDistribution,
  Portfolio,
  PortfolioAssessment,
  PortfolioEnterprise,
  PortfolioPlan,
} from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import type { OrganisationRow } from '../organisations/repositories/organisations.ts';
import type { Role } from '../../db/schema.ts';
import {
  countAssessmentsAndPlans,
  latestAssessments,
  latestPlans,
  levelDistribution,
  listPortfolioEnterprises,
  portfolioCounts,
  rolesIn,
  type LatestAssessmentRow,
  type LatestPlanRow,
  type LevelCountRow,
  type PortfolioScope,
} from './repository.ts';
import { forbidden } from '../../server/app-error.ts';
import type { ModelCatalog } from '../assessments/assessment-access.ts';
import { modelIndex } from '../assessments/assessment-items.ts';

export type ModelSummaryLookup = (modelId: string) => {
  title: PortfolioAssessment['modelTitle'];
  levelIds: string[];
};

/** The enterprises a member of `organisation` looks after, as the organisation rules have it; 403 for an enterprise. */
export function portfolioScope(
  organisation: Pick<OrganisationRow, 'id' | 'kind'>,
  role: Role,
  userId: string,
): PortfolioScope {
  if (organisation.kind === 'enterprise') throw forbidden('An enterprise has no portfolio of enterprises');
  if (role !== 'admin') return { rootId: null, memberUserId: userId };
  return organisation.kind === 'platform' ? 'all' : { rootId: organisation.id, memberUserId: userId };
}

export async function loadPortfolio(
  db: Db,
  input: {
    organisation: Pick<OrganisationRow, 'id' | 'kind'>;
    role: Role;
    userId: string;
    models: ModelCatalog;
    q: string;
    limit: number;
  },
): Promise<Portfolio> {
  const scope = portfolioScope(input.organisation, input.role, input.userId);
  const lookup = modelLookup(input.models);
  const { rows, matching } = await listPortfolioEnterprises(db, scope, input.q, input.limit);
  const ids = rows.map((r) => r.id);
  const [assessments, plans, counts, roles, totals, levels] = await Promise.all([
    latestAssessments(db, ids),
    latestPlans(db, ids),
    countAssessmentsAndPlans(db, ids),
    rolesIn(db, input.userId, ids),
    portfolioCounts(db, scope),
    levelDistribution(db, scope),
  ]);
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
  }));
  return {
    totals: { ...totals, levelsByModel: distributions(levels, lookup) },
    enterprises,
    matching,
    truncated: matching > enterprises.length,
    limit: input.limit,
  };
}

function modelLookup(models: ModelCatalog): ModelSummaryLookup {
  const cache = new Map<string, ReturnType<ModelSummaryLookup>>();
  return (modelId) => {
    const known = cache.get(modelId);
    if (known) return known;
    const model = models.get(modelId);
    const summary = model ? modelIndex(model).summary : undefined;
    const found = {
      title: summary?.title ?? null,
      levelIds: summary?.levels.map((l) => l.id) ?? [],
    };
    cache.set(modelId, found);
    return found;
  };
}

function presentAssessment(
  row: LatestAssessmentRow | undefined,
  lookup: ModelSummaryLookup,
): PortfolioAssessment | null {
  if (!row) return null;
  const submitted = row.status === 'submitted';
  return {
    id: row.id,
    title: row.title,
    modelId: row.modelId,
    modelTitle: lookup(row.modelId).title,
    status: row.status,
    score: submitted ? row.score : null,
    maxScore: submitted ? row.maxScore : null,
    level: submitted && row.levelId !== null ? { id: row.levelId, name: row.levelName ?? row.levelId } : null,
    updatedAt: (row.submittedAt ?? row.createdAt).toISOString(),
  };
}

const PLAN_STATUSES = ['optimal', 'feasible', 'infeasible', 'unknown'] as const;
const planStatus = (s: string | null): PortfolioPlan['status'] =>
  PLAN_STATUSES.find((known) => known === s) ?? null;

function presentPlan(row: LatestPlanRow | undefined): PortfolioPlan | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    status: planStatus(row.status),
    objective: row.objective,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Level counts grouped by model, models by id, levels in the model's order (no level first). */
export function distributions(
  rows: readonly LevelCountRow[],
  lookup: ModelSummaryLookup,
): IndicatorSystemDistribution[] {
  const byModel = new Map<string, LevelCountRow[]>();
  for (const r of rows) byModel.set(r.modelId, [...(byModel.get(r.modelId) ?? []), r]);
  return [...byModel.keys()].sort().map((modelId) => {
    const { title, levelIds } = lookup(modelId);
    // no level first, then the model's levels bottom-up, then any level the model no longer has
    const rank = (id: string | null) => {
      if (id === null) return -1;
      const at = levelIds.indexOf(id);
      return at < 0 ? levelIds.length : at;
    };
    const levels = [...(byModel.get(modelId) ?? [])]
      .sort((a, b) => rank(a.levelId) - rank(b.levelId) || (a.levelId ?? '').localeCompare(b.levelId ?? ''))
      .map((r) => ({
        level: r.levelId === null ? null : { id: r.levelId, name: r.levelName ?? r.levelId },
        enterprises: r.enterprises,
      }));
    return { modelId, modelTitle: title, levels };
  });
}
