/** What the plan document API answers: the sections to edit, and the name of a downloaded document. */
import type { PlanDocumentView } from '../../contracts/plan-document.ts';
import { buildPlanDocument } from '../../reports/plan-document-model.ts';
import type { PlanDocumentInput, PlanLang } from '../../reports/plan-document-types.ts';
import { planDocumentBlock } from './plan-document.ts';
import type { StoredPlan } from './stored-plan.ts';

export function presentPlanDocument({
  plan,
  input,
}: {
  plan: StoredPlan;
  input: PlanDocumentInput;
}): PlanDocumentView {
  const blocked = planDocumentBlock(plan);
  return {
    version: plan.record.version,
    ready: blocked === null,
    blocked,
    sections: buildPlanDocument(input).sections.map((s) => ({
      id: s.id,
      title: s.heading,
      prefilled: s.prefilled,
      text: s.text,
      edited: s.edited,
    })),
  };
}

/** The download's name: the plan's title, safe for file systems, naming the document unless it says 规划 / plan. */
export function documentFileName(title: string, lang: PlanLang, format: string): string {
  const safe =
    [...title]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .trim() || (lang === 'zh' ? '数字化转型规划' : 'Digital transformation plan');
  const named = safe.includes('规划') || /plan/i.test(safe);
  return `${named ? safe : `${safe}-${lang === 'zh' ? '数字化转型规划' : 'transformation-plan'}`}.${format}`;
}
