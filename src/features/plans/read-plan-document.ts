import type { PlanDocumentInput, PlanLang } from '../../reports/plan-document-types.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { documentInput, type DocumentSources } from './document-input.ts';
import { loadPlan } from './load-plan.ts';
import { storedEdits } from './plan-document.ts';
import type { PlanRepository } from './repository.ts';
import type { StoredPlan } from './stored-plan.ts';

/** The plan document in one language, with that language's stored edits (an empty roadmap before optimising). */
export async function readPlanDocument(
  deps: DocumentSources & { repo: Pick<PlanRepository, 'findPlan'> },
  tenant: TenantId,
  planId: string,
  lang: PlanLang,
): Promise<{ plan: StoredPlan; input: PlanDocumentInput }> {
  const plan = await loadPlan(deps.repo, tenant, planId);
  const edits = storedEdits(plan.record.document, lang);
  return { plan, input: await documentInput(deps, tenant, plan, lang, edits, false) };
}
