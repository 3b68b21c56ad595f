import type { Atlas, AtlasCatalog } from '../../core/atlas/types.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { atlasOf } from './atlas-pack.ts';
import type { PlanRepository, SubmittedAssessment } from './repository.ts';

/** The pack a new plan starts from when none is asked for: the guide's atlas when installed, else the first. */
const DEFAULT_PACK = 'guide-2024';

/** What a new plan can start from: the installed packs, the chosen pack's atlas, the submitted assessments. */
export async function planOptions(
  { atlases, repo }: { atlases: AtlasCatalog; repo: Pick<PlanRepository, 'listSubmittedAssessments'> },
  tenant: TenantId,
  pack: string | undefined,
): Promise<{ packs: Atlas[]; pack: string; atlas: Atlas; assessments: SubmittedAssessment[] }> {
  const packId = pack ?? (atlases.has(DEFAULT_PACK) ? DEFAULT_PACK : [...atlases.keys()][0]);
  if (packId === undefined) throw notFound('Atlas pack');
  const atlas = atlasOf(atlases, packId);
  const assessments = await repo.listSubmittedAssessments(tenant);
  return { packs: [...atlases.values()], pack: packId, atlas, assessments };
}
