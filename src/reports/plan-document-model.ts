/**
 * The plan document model (转型规划方案, guide 二(一)): sections with pre-filled text, tables and charts, built from a
 * solved plan and the scenario atlas. Pure: the same input gives the same document. `edits[id]` replaces a section's
 * pre-filled text; tables and charts always follow the data.
 */
import { horizonLabel } from '../core/planning/plan-calendar.ts';
import { planContext, type PlanContext, type SectionDraft } from './plan-document-context.ts';
import {
  budgetSection,
  implementationSection,
  risksSection,
  safeguardsSection,
  standardsSection,
} from './plan-document-delivery.ts';
import { formatDate, money, ordinal, periodName } from './plan-document-format.ts';
import {
  architectureSection,
  strategySection,
  taskFrameworkSection,
  technicalRouteSection,
  visionSection,
} from './plan-document-goals.ts';
import {
  PLAN_SECTION_IDS,
  type PlanDocument,
  type PlanDocumentInput,
  type PlanSection,
  type PlanSectionId,
} from './plan-document-types.ts';

export * from './plan-document-types.ts';

const BUILDERS: Readonly<Record<PlanSectionId, (context: PlanContext) => SectionDraft>> = {
  vision: visionSection,
  strategy: strategySection,
  'task-framework': taskFrameworkSection,
  architecture: architectureSection,
  'technical-route': technicalRouteSection,
  standards: standardsSection,
  implementation: implementationSection,
  budget: budgetSection,
  safeguards: safeguardsSection,
  risks: risksSection,
};

/** The pre-filled text of every section (what the editor shows before the user changes anything). */
export function prefilledSectionTexts(input: PlanDocumentInput): Record<PlanSectionId, string> {
  const context = planContext(input);
  return Object.fromEntries(PLAN_SECTION_IDS.map((id) => [id, BUILDERS[id](context).text])) as Record<
    PlanSectionId,
    string
  >;
}

export function buildPlanDocument(input: PlanDocumentInput): PlanDocument {
  const context = planContext(input);
  const { say, lang } = context;
  const sections: PlanSection[] = PLAN_SECTION_IDS.map((id, index) => {
    const draft = BUILDERS[id](context);
    const edit = input.edits?.[id];
    const edited = edit !== undefined && edit.trim() !== '';
    const number = ordinal(index, lang);
    return {
      id,
      number,
      title: draft.title,
      heading: lang === 'zh' ? `${number}、${draft.title}` : `${number}. ${draft.title}`,
      text: edited ? edit : draft.text,
      prefilled: draft.text,
      edited,
      tables: draft.tables ?? [],
      charts: draft.charts ?? [],
    };
  });
  const horizonYears = context.instance.periods / context.instance.periodsPerYear;
  const status =
    input.solution.status === 'optimal'
      ? say('最优排期', 'optimal schedule')
      : input.solution.status === 'feasible'
        ? say('可行排期', 'feasible schedule')
        : say('未求得可行排期', 'no feasible schedule');
  return {
    lang,
    title: input.title ?? say('数字化转型规划方案', 'Digital transformation plan'),
    organisation: input.organisation.name,
    dateText: formatDate(input.generatedAt, lang),
    subtitle: say(
      `规划期 ${horizonLabel(input.settings.start, context.instance.periodsPerYear, context.instance.periods, 'zh')}（${money(horizonYears)} 年，${context.instance.periods} 个${periodName(context.instance.periodsPerYear, 'zh')}） · 场景图谱 ${input.atlas.meta.title.zh} · ${status}`,
      `Horizon ${horizonLabel(input.settings.start, context.instance.periodsPerYear, context.instance.periods, 'en')} (${money(horizonYears)} years, ${context.instance.periods} ${periodName(context.instance.periodsPerYear, 'en')}) · atlas ${input.atlas.meta.title.en} · ${status}`,
    ),
    moneyUnit: context.unit,
    sections,
    projects: context.rows,
    budget: context.budget,
    labels: {
      contents: say('目录', 'Contents'),
      generatedBy: say(
        '依据《制造业企业数字化转型实施指南》（2024）编制 · 图谱 Tupu',
        'Prepared after the MIIT Guide to the digital transformation of manufacturing enterprises (2024) · Tupu',
      ),
    },
  };
}
