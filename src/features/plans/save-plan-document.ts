/**
 * Saves the section edits of one language at the plan `version` edited: only the sections sent change (empty or the
 * pre-filled text = reset), the others and the other language's are kept. 400 names an unknown section and saves
 * nothing; 409 stale_version names a section someone else changed since. The save runs under the plan's row lock.
 */
import type { SavePlanDocument } from '../../contracts/plan-document.ts';
import { prefilledSectionTexts } from '../../reports/plan-document-model.ts';
import {
  PLAN_SECTION_IDS,
  planDocumentEditsSchema,
  type PlanDocumentEdits,
  type PlanDocumentInput,
  type PlanLang,
  type PlanSectionId,
} from '../../reports/plan-document-types.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { badRequest } from '../../server/app-error.ts';
import { orStale, requireVersion } from '../../server/versioned-save.ts';
import { documentInput, type DocumentSources } from './document-input.ts';
import { presentPlanDocument } from './document-presenter.ts';
import { found, loadPlan } from './load-plan.ts';
import { definedEdits, documentSave, storedEdits } from './plan-document.ts';
import type { PlanRecord, PlanRepository } from './repository.ts';
import type { StoredPlan } from './stored-plan.ts';

/** The sections sent, each with the text to keep: undefined (a reset) when empty or the section's pre-filled text. */
export function sentSections(
  edits: PlanDocumentEdits,
  prefilled: Record<PlanSectionId, string>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    PLAN_SECTION_IDS.flatMap((id) => {
      const text = edits[id];
      if (text === undefined) return [];
      return [[id, text.trim() === '' || text.trim() === prefilled[id].trim() ? undefined : text]];
    }),
  );
}

/** The edits sent, or 400 naming an unknown section or a bad text. */
function checkedEdits(edits: SavePlanDocument['edits']): PlanDocumentEdits {
  const unknown = Object.keys(edits).filter((id) => !(PLAN_SECTION_IDS as readonly string[]).includes(id));
  if (unknown.length > 0)
    throw badRequest(
      `Unknown plan document section${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')} (sections: ${PLAN_SECTION_IDS.join(', ')})`,
      { unknown },
    );
  const parsed = planDocumentEditsSchema.safeParse(edits);
  if (!parsed.success)
    throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return definedEdits(parsed.data);
}

export async function savePlanDocument(
  deps: DocumentSources & { repo: Pick<PlanRepository, 'findPlan' | 'changePlan'> },
  tenant: TenantId,
  planId: string,
  lang: PlanLang,
  save: SavePlanDocument,
): Promise<{ plan: StoredPlan; input: PlanDocumentInput }> {
  const { repo } = deps;
  const plan = await loadPlan(repo, tenant, planId);
  const edits = checkedEdits(save.edits);
  const version = requireVersion(save.version, 'plan document');
  const sections = sentSections(
    edits,
    prefilledSectionTexts(await documentInput(deps, tenant, plan, lang, {}, false)),
  );
  const withInput = async (record: PlanRecord | undefined) => {
    const now = found(record);
    const input = await documentInput(deps, tenant, now, lang, storedEdits(now.record.document, lang), false);
    return { plan: now, input };
  };
  return withInput(
    await orStale(
      'plan document',
      () => repo.changePlan(tenant, planId, (record) => documentSave(record, lang, sections, version)),
      async () => presentPlanDocument(await withInput(await repo.findPlan(tenant, planId))),
    ),
  );
}
