import { renderPlanDocument, type PlanDocumentFormat } from '../../reports/plan-document-file.ts';
import type { PdfPrinter } from '../../reports/pdf.ts';
import type { PlanLang } from '../../reports/plan-document-types.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { documentInput, type DocumentSources } from './document-input.ts';
import { loadPlan } from './load-plan.ts';
import { storedEdits } from './plan-document.ts';
import type { PlanRepository } from './repository.ts';
import type { StoredPlan } from './stored-plan.ts';

/** The plan document as a Word or PDF file, printing the language's edits; 409 plan_not_solved until optimised. */
export async function exportPlanDocument(
  deps: DocumentSources & { repo: Pick<PlanRepository, 'findPlan'>; printer: PdfPrinter },
  tenant: TenantId,
  planId: string,
  format: PlanDocumentFormat,
  lang: PlanLang,
): Promise<{ plan: StoredPlan; file: Buffer }> {
  const plan = await loadPlan(deps.repo, tenant, planId);
  const input = await documentInput(deps, tenant, plan, lang, storedEdits(plan.record.document, lang), true);
  return { plan, file: await renderPlanDocument(input, format, deps.printer) };
}
