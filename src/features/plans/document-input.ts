import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { PlanDocumentEdits, PlanDocumentInput, PlanLang } from '../../reports/plan-document-types.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { planDocumentInput } from './plan-document.ts';
import type { StoredPlan } from './stored-plan.ts';

/** What the plan document use cases read besides the plan: the atlases, the organisation's name, the time. */
export interface DocumentSources {
  atlases: AtlasCatalog;
  organisationOf: (tenant: TenantId) => Promise<{ name: string } | undefined>;
  now: () => Date;
}

/** The renderer's input for the tenant's plan (409 atlas_missing when its pack is no longer installed). */
export async function documentInput(
  { atlases, organisationOf, now }: DocumentSources,
  tenant: TenantId,
  plan: StoredPlan,
  lang: PlanLang,
  edits: PlanDocumentEdits,
  requireSolution: boolean,
): Promise<PlanDocumentInput> {
  const atlas = atlases.get(plan.record.atlasPackId);
  if (!atlas)
    throw new AppError(
      409,
      'atlas_missing',
      `The plan's atlas pack ${plan.record.atlasPackId} is not installed`,
    );
  const organisation = await organisationOf(tenant);
  return planDocumentInput(
    plan,
    { atlas, organisation: organisation?.name ?? '', lang, edits, generatedAt: now() },
    { requireSolution },
  );
}
