import { MEMBER_STATES } from '../../core/providers/membership.ts';
import type { ProviderGrade } from '../../contracts/providers.ts';
import { forbidden, notFound } from '../../server/app-error.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import type { ProviderDeps } from './deps.ts';
import { presentGrade, standingsOf } from './presenter.ts';
import { loadProviderWorld } from './provider-world.ts';

/**
 * A provider's grade: the grading model scored by the diagnosis engine over its typed answers, with 工作实效 computed
 * from its finished projects. The provider sees its own with the breakdown; anyone else sees the grade of a member
 * in standing of a pool (what enterprises choose from), and no other.
 */
export async function providerGrade(
  deps: ProviderDeps,
  caller: MemberCaller,
  id: string,
): Promise<ProviderGrade> {
  const world = await loadProviderWorld(deps, [id]);
  const provider = world.providers[0];
  if (!provider) throw notFound('Provider');
  const own = caller.tenant === id;
  if (!own && !standingsOf(id, world.pools).some((s) => MEMBER_STATES.includes(s.state)))
    throw forbidden(`The grade of ${provider.org.name} is its own until it is a member of a provider pool`);
  const result = world.grades.get(id);
  const outcomes = world.outcomes.get(id);
  if (!result || !outcomes) throw notFound(`Grade of ${provider.org.name} (it has saved no profile yet)`);
  return presentGrade(id, result, outcomes, own ? { answers: provider.gradingAnswers } : null);
}
