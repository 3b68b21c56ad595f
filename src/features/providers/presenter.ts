import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import {
  MEMBER_STATES,
  membersOfType,
  type Membership,
  type MembershipState,
} from '../../core/providers/membership.ts';
import type { WorkOutcomes } from '../../core/providers/work-outcomes.ts';
import type {
  PoolStanding,
  PoolView,
  ProviderGrade,
  ProviderProfileView,
  ProviderSummary,
} from '../../contracts/providers.ts';
import type { LoadedPool, ProviderRecord } from './provider-world.ts';

/** States anyone may see of a pool: its members in standing and the applications under 公示. */
const PUBLIC_STATES: readonly MembershipState[] = [...MEMBER_STATES, 'publicised'];

const poolName = (p: LoadedPool) => p.state.pool.name ?? p.row.pool.id;

/** The provider's latest standing in each pool where it is a member or under 公示. */
export function standingsOf(providerId: string, pools: readonly LoadedPool[]): PoolStanding[] {
  const out: PoolStanding[] = [];
  for (const p of pools) {
    const m = latest(p.state.memberships, providerId);
    if (m && PUBLIC_STATES.includes(m.state))
      out.push({ poolId: p.row.pool.id, poolName: poolName(p), state: m.state, typeId: m.typeId });
  }
  return out;
}

function latest(memberships: readonly Membership[], providerId: string): Membership | undefined {
  for (let i = memberships.length - 1; i >= 0; i--)
    if (memberships[i]!.providerId === providerId) return memberships[i];
  return undefined;
}

export function presentProfile(p: ProviderRecord, pools: readonly LoadedPool[]): ProviderProfileView {
  return {
    profile: p.profile,
    gradingAnswers: p.gradingAnswers,
    version: p.row?.version ?? 0,
    updatedAt: p.row ? p.row.updatedAt.toISOString() : null,
    pools: standingsOf(p.org.id, pools),
  };
}

export function presentSummary(p: ProviderRecord, pools: readonly LoadedPool[]): ProviderSummary {
  return {
    id: p.org.id,
    name: p.org.name,
    regionCode: p.org.regionCode,
    types: p.profile.types,
    categories: p.profile.categories,
    capabilities: p.profile.capabilities.length,
    products: p.profile.products.length,
    regions: p.profile.regions,
    industries: p.profile.industries,
    pools: standingsOf(p.org.id, pools),
  };
}

/**
 * A pool as `viewer` may see it: the authority that opened it every application with its history; a provider its
 * own applications whole; everyone the members in standing and those under 公示, without scores or history.
 */
export function presentPool(p: LoadedPool, viewer: string, names: ReadonlyMap<string, string>): PoolView {
  const { pool, memberships } = p.state;
  const own = p.row.pool.orgId === viewer;
  const types = [...new Set([...Object.keys(pool.quotas), ...(pool.types ?? [])])].sort();
  const shown = memberships.flatMap((m) => {
    const providerName = names.get(m.providerId) ?? m.providerId;
    if (own || m.providerId === viewer) return [{ ...m, providerName }];
    if (!PUBLIC_STATES.includes(m.state) || latest(memberships, m.providerId) !== m) return [];
    return [
      {
        ...m,
        providerName,
        reviewScore: null,
        appeal: null,
        rectificationDeadline: null,
        history: [],
      },
    ];
  });
  return {
    id: p.row.pool.id,
    authorityId: p.row.pool.orgId,
    authorityName: p.row.authorityName,
    definition: pool,
    requiredForPilot: p.row.pool.requiredForPilot,
    version: p.row.pool.version,
    quotas: types.map((typeId) => ({
      typeId,
      quota: pool.quotas[typeId] ?? null,
      members: membersOfType(p.state, typeId).length,
    })),
    memberships: shown,
    own,
  };
}

export function presentGrade(
  providerId: string,
  result: DiagnosisResult,
  outcomes: WorkOutcomes,
  own: { answers: ProviderRecord['gradingAnswers'] } | null,
): ProviderGrade {
  return {
    providerId,
    model: result.model,
    score: result.score,
    maxScore: result.maxScore,
    level: result.level,
    dimensions: result.dimensions,
    outcomes: {
      finished: outcomes.finished,
      onTime: outcomes.onTime,
      onBudget: outcomes.onBudget,
      rated: outcomes.rated,
      onTimeRate: outcomes.onTimeRate,
      onBudgetRate: outcomes.onBudgetRate,
      satisfaction: outcomes.satisfaction,
    },
    breakdown: own
      ? { subDimensions: result.subDimensions, answers: own.answers, problems: outcomes.problems }
      : null,
  };
}
