/**
 * A new plan: its candidates from the chosen pain points and the gaps of a submitted diagnosis, its settings the
 * enterprise type's defaults overridden by those sent (the start: the quarter after today, by the clock given), and
 * the default risk register linked to its candidates.
 */
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { defaultSettings } from '../../core/planning/candidates-defaults.ts';
import type { PlanSettings as DefaultSettings } from '../../core/planning/plan-instance.ts';
import { buildCandidates } from '../../core/planning/candidates.ts';
import type { CreatePlan, PlanSettings } from '../../contracts/planning.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { badRequest, notFound } from '../../server/app-error.ts';
import { atlasOf } from './atlas-pack.ts';
import { defaultRisks, gapsFromDiagnosis, resizePerPeriod } from './planning-domain.ts';
import type { PlanRepository } from './repository.ts';
import { readPlan, validInstance, type StoredPlan } from './stored-plan.ts';

const isNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'number');

/**
 * The settings of a new plan: every default, then every setting sent (whatever its name: a setting added to the
 * contract's PlanSettings flows through without editing this), and every list of numbers — a per-period list, such
 * as `budget` and `capacity` — cut or extended to the horizon (`periods`).
 */
export function planSettings(defaults: DefaultSettings, given: Partial<PlanSettings>): PlanSettings {
  const sent = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const merged: Record<string, unknown> & DefaultSettings = { ...defaults, ...sent };
  return Object.fromEntries(
    Object.entries(merged).map(([key, value]) => [
      key,
      isNumberList(value) ? resizePerPeriod(value, merged.periods) : value,
    ]),
  ) as PlanSettings;
}

/** The gaps of a diagnosis that were ticked, by name; a name the diagnosis does not have is refused (400). */
export function chosenGaps<G extends { name: string }>(gaps: readonly G[], names: readonly string[]): G[] {
  const unknown = names.filter((name) => !gaps.some((g) => g.name === name));
  if (unknown.length > 0)
    throw badRequest(`gaps: not a gap of this assessment (with atlas scenarios): ${unknown.join(', ')}`, {
      field: 'gaps',
      unknown,
    });
  const wanted = new Set(names);
  return gaps.filter((g) => wanted.has(g.name));
}

export interface CreatePlanDeps {
  atlases: AtlasCatalog;
  repo: Pick<PlanRepository, 'findSubmittedAssessment' | 'insertPlan'>;
  /** the clock: a plan starts, unless it says otherwise, in the quarter after today */
  now: () => Date;
}

export async function createPlan(
  { atlases, repo, now }: CreatePlanDeps,
  tenant: TenantId,
  createdBy: string,
  request: CreatePlan,
): Promise<StoredPlan> {
  const atlas = atlasOf(atlases, request.atlasPackId);
  let gaps: { name: string; scenarios: string[] }[] = [];
  if (request.assessmentId !== undefined) {
    const assessment = await repo.findSubmittedAssessment(tenant, request.assessmentId);
    if (!assessment) throw notFound('Submitted assessment');
    gaps = gapsFromDiagnosis(assessment.result);
    if (request.gaps !== undefined) gaps = chosenGaps(gaps, request.gaps);
  } else if (request.gaps !== undefined) {
    throw badRequest('gaps: choose the assessment (assessmentId) whose gaps they are', { field: 'gaps' });
  }
  if (request.painPoints.length === 0 && gaps.length === 0)
    throw badRequest('Choose at least one pain point or a submitted assessment with gaps');
  const settings = planSettings(defaultSettings(request.profile, now()), request.settings ?? {});
  const { candidates, unmatchedPainPoints } = buildCandidates({
    atlas,
    profile: request.profile,
    painPoints: request.painPoints,
    gaps,
    periods: settings.periods,
  });
  const unknown = unmatchedPainPoints.filter((p) => !atlas.painPoints.some((k) => k.id === p));
  if (unknown.length > 0)
    throw badRequest(`Unknown pain point${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`, {
      unknown,
    });
  const instance = validInstance({ profile: request.profile, initiatives: candidates, settings });
  const record = await repo.insertPlan(tenant, {
    title: request.title,
    atlasPackId: request.atlasPackId,
    assessmentId: request.assessmentId ?? null,
    profile: { ...request.profile, painPoints: request.painPoints, gaps },
    settings,
    initiatives: candidates,
    risks: defaultRisks(instance.initiatives),
    createdBy,
  });
  return readPlan(record);
}
