/**
 * Everything the directory, matching, grading and supply-against-demand read at once, as the domain's plain data:
 * the providers' profiles, the pools replayed through `poolStep`, each provider's work outcomes from its finished
 * projects and its grade scored by the diagnosis engine. A fixed number of queries, however many providers.
 */
import type { AnswerValue } from '../../core/diagnosis/assessment.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import { matchCandidate, type MatchCandidate } from '../../core/providers/matching.ts';
import {
  replayPool,
  type MembershipCommand,
  type PoolDefinition,
  type PoolState,
} from '../../core/providers/membership.ts';
import type { ProviderProfile } from '../../core/providers/profile.ts';
import { gradingAssessment, workOutcomes, type WorkOutcomes } from '../../core/providers/work-outcomes.ts';
import { providerWorkOutcomes } from '../delivery/provider-work-outcomes.ts';
import type { ProviderDeps } from './deps.ts';
import {
  listPoolsWithSteps,
  listProviderRows,
  type PoolWithSteps,
  type ProfileRow,
  type ProviderOrg,
} from './repository.ts';

export interface ProviderRecord {
  org: ProviderOrg;
  profile: ProviderProfile;
  gradingAnswers: Record<string, AnswerValue>;
  /** the stored row; null when the provider saved no profile yet */
  row: ProfileRow | null;
}

export interface LoadedPool {
  row: PoolWithSteps;
  state: PoolState;
}

export interface ProviderWorld {
  providers: ProviderRecord[];
  pools: LoadedPool[];
  outcomes: Map<string, WorkOutcomes>;
  grades: Map<string, DiagnosisResult>;
}

type StoredProfile = Omit<ProviderProfile, 'id' | 'name'>;

export const EMPTY_PROFILE: StoredProfile = {
  types: [],
  categories: [],
  capabilities: [],
  industries: [],
  regions: [],
  products: [],
  references: [],
  certifications: [],
};

export function profileOf(
  org: Pick<ProviderOrg, 'id' | 'name'>,
  row: ProfileRow | null | undefined,
): ProviderProfile {
  const stored = (row?.profile as StoredProfile | undefined) ?? EMPTY_PROFILE;
  return { ...EMPTY_PROFILE, ...stored, id: org.id, name: org.name };
}

/** The pool's state: its accepted steps replayed from the empty pool. */
export function poolStateOf(p: PoolWithSteps): PoolState {
  const definition = { ...(p.pool.definition as Omit<PoolDefinition, 'id'>), id: p.pool.id };
  return replayPool(
    definition,
    p.steps.map((s) => s.command as MembershipCommand),
  ).state;
}

/** The grading model scored on the typed answers with 工作实效 put over them from the computed outcomes. */
export function gradeOf(
  deps: Pick<ProviderDeps, 'packs'>,
  typed: Readonly<Record<string, AnswerValue>>,
  outcomes: WorkOutcomes,
): DiagnosisResult {
  const model = deps.packs.grading;
  const { assessment } = gradingAssessment(typed, outcomes, { id: model.meta.id });
  return diagnose(model, assessment).result;
}

/** The providers (all, or those given), every pool, their outcomes and grades. */
export async function loadProviderWorld(deps: ProviderDeps, ids?: readonly string[]): Promise<ProviderWorld> {
  const [rows, pools] = await Promise.all([listProviderRows(deps.db, ids), listPoolsWithSteps(deps.db)]);
  const providers = rows.map(({ org, profile }) => ({
    org,
    row: profile,
    profile: profileOf(org, profile),
    gradingAnswers: (profile?.gradingAnswers as Record<string, AnswerValue> | undefined) ?? {},
  }));
  const finished = await providerWorkOutcomes(
    deps.db,
    deps.deliveryPack,
    providers.map((p) => p.org.id),
  );
  const outcomes = new Map<string, WorkOutcomes>();
  const grades = new Map<string, DiagnosisResult>();
  for (const p of providers) {
    const o = workOutcomes(finished.get(p.org.id) ?? []);
    outcomes.set(p.org.id, o);
    if (p.row) grades.set(p.org.id, gradeOf(deps, p.gradingAnswers, o));
  }
  return { providers, pools: pools.map((row) => ({ row, state: poolStateOf(row) })), outcomes, grades };
}

/** Match candidates: the providers that saved a profile, with their pool standings, grades and satisfaction. */
export function candidatesOf(world: ProviderWorld): MatchCandidate[] {
  const states = world.pools.map((p) => p.state);
  return world.providers
    .filter((p) => p.row !== null)
    .map((p) => {
      const grade = world.grades.get(p.org.id);
      return matchCandidate(
        p.profile,
        states,
        grade ? { score: grade.percent, level: grade.level } : null,
        world.outcomes.get(p.org.id) ?? null,
      );
    });
}
