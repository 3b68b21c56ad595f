import type { AnswerValue } from '../../core/diagnosis/assessment.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import { providerTypes } from '../../core/providers/classes.ts';
import { normaliseIndustry, profileProblems, type ProviderProfile } from '../../core/providers/profile.ts';
import { computedQuestionIds } from '../../core/providers/work-outcomes.ts';
import type { SaveProviderProfile } from '../../contracts/providers.ts';
import { partsToWrite, requireVersion, StaleSave } from '../../server/versioned-save.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { ProviderDeps } from './deps.ts';
import { fieldOf, refused, type Problem } from './problems.ts';
import { EMPTY_PROFILE } from './provider-world.ts';
import { changeProfile, type ProfileRow } from './repository.ts';

const PARTS = Object.keys(EMPTY_PROFILE) as (keyof typeof EMPTY_PROFILE)[];

/** Every scenario code of the loaded atlases (undefined when none is loaded: nothing to check against). */
export function atlasScenarios(deps: Pick<ProviderDeps, 'atlases'>): Set<string> | undefined {
  if (deps.atlases.size === 0) return undefined;
  return new Set([...deps.atlases.values()].flatMap((a) => a.scenarios.map((s) => s.code)));
}

const COMPUTED = computedQuestionIds();

/** Problems of the typed grading answers: unknown questions or options, and the computed 工作实效 questions. */
function gradingProblems(deps: ProviderDeps, answers: Record<string, AnswerValue>): Problem[] {
  const model = deps.packs.grading;
  const problems: Problem[] = [];
  for (const id of Object.keys(answers))
    if (COMPUTED.includes(id))
      problems.push({
        field: `gradingAnswers.${id}`,
        message: `${id} is computed from the provider's finished projects, never typed`,
      });
  const { problems: answerProblems } = diagnose(model, { model: model.meta.id, answers });
  for (const p of answerProblems)
    if (p.itemId in answers) problems.push({ field: `gradingAnswers.${p.itemId}`, message: p.message });
  return problems;
}

/**
 * Save the caller's own provider profile at `version` (0 before the first save): codes checked against the
 * provider-classes pack and the loaded atlas, industries normalised (3484 → C3484); the parts changed since the
 * version sent by someone else answer 409 stale_version, nothing saved.
 */
export async function saveProfile(
  deps: ProviderDeps,
  tenant: TenantId,
  userId: string,
  name: string,
  body: SaveProviderProfile,
): Promise<ProfileRow> {
  const version = requireVersion(body.version, 'provider profile');
  const profile: ProviderProfile = {
    ...body.profile,
    id: tenant,
    name,
    industries: body.profile.industries.map((c) => normaliseIndustry(c) ?? c),
  };
  const vocabulary = {
    types: new Set(providerTypes(deps.packs.classes).map((t) => t.id)),
    categories: new Set(deps.packs.classes.pilotCategories.map((c) => c.id)),
    scenarios: atlasScenarios(deps),
  };
  const problems: Problem[] = profileProblems(profile, vocabulary).map((p) => ({
    field: fieldOf(['profile', ...p.path]),
    message: p.message,
  }));
  if (body.gradingAnswers) problems.push(...gradingProblems(deps, body.gradingAnswers));
  if (problems.length > 0) throw refused('invalid_profile', problems);

  const { id: _id, name: _name, ...stored } = profile;
  return changeProfile(
    deps.db,
    tenant,
    userId,
    (row) => {
      const current = (row?.profile as Record<string, unknown> | undefined) ?? {};
      const sent = new Map<string, unknown>(PARTS.map((p) => [p, stored[p]]));
      const before = new Map<string, unknown>(PARTS.map((p) => [p, current[p] ?? EMPTY_PROFILE[p]]));
      if (body.gradingAnswers) {
        sent.set('gradingAnswers', body.gradingAnswers);
        before.set('gradingAnswers', row?.gradingAnswers ?? {});
      }
      if (!row && version !== 0) throw new StaleSave(0, []);
      const parts = row
        ? partsToWrite(sent, before, { version: row.version, fieldVersions: row.fieldVersions }, version)
        : [...sent.keys()];
      const next = { ...EMPTY_PROFILE, ...current } as Record<string, unknown>;
      for (const p of parts) if (p !== 'gradingAnswers') next[p] = sent.get(p);
      return {
        parts,
        profile: next,
        gradingAnswers: parts.includes('gradingAnswers')
          ? sent.get('gradingAnswers')
          : (row?.gradingAnswers ?? {}),
      };
    },
    deps.audit,
  );
}
