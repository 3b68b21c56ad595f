import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../core/atlas/types.ts';
import { DEFAULT_RISKS } from '../core/planning/default-risks.ts';
import type { PlanInstance } from '../core/planning/plan-instance.ts';
import type { PlanResult } from '../core/planning/plan-result.ts';
import { parsePlanInstance } from '../core/planning/validate-instance.ts';
import { explainNotSelected } from '../core/planning/explain.ts';
import { greedyPlan } from '../core/planning/greedy.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import { periodLabel, type PlanStart } from '../core/planning/plan-calendar.ts';
import {
  buildPlanDocument,
  PLAN_SECTION_IDS,
  planDocumentEditsSchema,
  prefilledSectionTexts,
  type PlanDocumentInput,
} from './plan-document-model.ts';

let atlas: Atlas;
let instance: PlanInstance;
/** The plan starts in 2027 Q3, so that its periods roll over into 2028 and 2029. */
const START: PlanStart = { year: 2027, quarter: 3 };
let solution: PlanResult;

function inputFor(overrides: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  return {
    organisation: { name: '示例机械有限公司' },
    profile: { industry: '通用设备制造', processType: 'discrete', enterpriseType: 'specialized-sme' },
    settings: { ...instance, start: START },
    initiatives: instance.initiatives,
    solution,
    risks: [
      {
        id: 'R1',
        title: '数据质量不足',
        initiativeId: 'PM-04',
        likelihood: 3,
        impact: 4,
        mitigation: '数据治理',
        exposure: 20,
      },
      { id: 'R2', title: '关键人员流失', likelihood: 2, impact: 3, mitigation: '备岗' },
    ],
    atlas,
    lang: 'zh',
    generatedAt: '2025-03-01T00:00:00Z',
    ...overrides,
  };
}

beforeAll(async () => {
  const catalog = await loadAtlasPacks('packs/atlas');
  if (!catalog.ok) throw new Error('atlas packs do not load');
  const guide = catalog.catalog.get('guide-2024');
  if (guide === undefined) throw new Error('guide-2024 missing');
  atlas = guide;
  const parsed = parsePlanInstance(JSON.parse(readFileSync('examples/plan/sme-12.json', 'utf8')) as unknown);
  if (!parsed.ok) throw new Error('sme-12 does not parse');
  instance = parsed.instance;
  // A hand-built PlanResult from the greedy baseline (a feasible schedule, computed in milliseconds); the real
  // solver's output goes through the same code in tests/e2e/plan-document.e2e.ts.
  const greedy = greedyPlan(instance);
  solution = {
    status: 'feasible',
    objective: greedy.objective,
    gap: null,
    bound: null,
    schedule: greedy.schedule,
    notSelected: explainNotSelected(instance, greedy.schedule),
    stats: { variables: 0, rows: 0, seconds: 0 },
  };
}, 30_000);

describe('buildPlanDocument', () => {
  it('has every section of guide 二(一), numbered in order, with pre-filled text', () => {
    const doc = buildPlanDocument(inputFor());
    expect(solution.schedule.length).toBeGreaterThan(5);
    expect(doc.sections.map((s) => s.id)).toEqual([...PLAN_SECTION_IDS]);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、目标愿景',
      '二、分类推进策略',
      '三、任务框架',
      '四、系统架构',
      '五、技术路线',
      '六、标准体系',
      '七、实施任务',
      '八、投入预算',
      '九、保障条件',
      '十、风险评估',
    ]);
    for (const section of doc.sections) {
      expect(section.text.length).toBeGreaterThan(40);
      expect(section.edited).toBe(false);
    }
    expect(doc.title).toBe('数字化转型规划方案');
    expect(doc.dateText).toBe('2025年3月1日');
  });

  it('lists every scheduled project once, with its scenario and start → end periods', () => {
    const doc = buildPlanDocument(inputFor());
    expect(doc.projects.map((p) => ({ id: p.id, start: p.start }))).toEqual(
      solution.schedule.map(({ id, start }) => ({ id, start })),
    );
    const table = doc.sections
      .find((s) => s.id === 'implementation')
      ?.tables.find((t) => t.id === 'projects');
    expect(table?.rows).toHaveLength(solution.schedule.length + 1);
    const byId = new Map(instance.initiatives.map((i) => [i.id, i]));
    solution.schedule.forEach(({ id, start }, k) => {
      const initiative = byId.get(id);
      const row = table?.rows[k];
      expect(row?.[1]).toBe(initiative?.name);
      expect(row?.[3]).toBe(periodLabel(START, 4, start, 'zh'));
      expect(row?.[3]).toMatch(/^20(27|28|29)年Q[1-4]$/u);
      expect(row?.[4]).toBe(periodLabel(START, 4, start + (initiative?.duration ?? 0) - 1, 'zh'));
      if (start === 0) expect(row?.[3]).toBe('2027年Q3');
      if (start === 2) expect(row?.[3]).toBe('2028年Q1');
      if (initiative?.scenario !== undefined) {
        const scenario = atlas.scenarios.find((s) => s.code === initiative.scenario);
        expect(row?.[2]).toBe(`${initiative.scenario} ${scenario?.name.zh}`);
      }
    });
  });

  it('words why each candidate is left out in the document’s language, from the explanation’s facts', () => {
    expect(solution.notSelected.length).toBeGreaterThan(0);
    const reasons = (lang: 'zh' | 'en') =>
      buildPlanDocument(inputFor({ lang }))
        .sections.find((s) => s.id === 'implementation')
        ?.tables.find((t) => t.id === 'not-selected')
        ?.rows.map((row) => row[2] ?? '');
    const zh = reasons('zh') ?? [];
    expect(zh).toHaveLength(solution.notSelected.length);
    for (const text of zh) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/budget|prerequisite|binding|period/);
    }
    const en = reasons('en') ?? [];
    expect(en).toHaveLength(solution.notSelected.length);
    for (const text of en)
      expect(text).toMatch(
        /^(negative value|beyond the horizon|prerequisite|excluded by|it would still fit|budget binding|capacity binding)/,
      );
  });

  it('sums the projects’ risk-adjusted NPVs to the solver objective', () => {
    const doc = buildPlanDocument(inputFor());
    const total = doc.projects.reduce((t, p) => t + p.npv, 0);
    expect(total).toBeCloseTo(solution.objective ?? Number.NaN, 4);
  });

  it('budget: spend per period sums to the scheduled costs, by period and by category, within budget', () => {
    const doc = buildPlanDocument(inputFor());
    const scheduledCost = doc.projects.reduce((t, p) => t + p.cost, 0);
    expect(doc.budget.totalSpend).toBeCloseTo(scheduledCost, 9);
    expect(doc.budget.periods.reduce((t, p) => t + p.spend, 0)).toBeCloseTo(scheduledCost, 9);
    expect(doc.budget.byCategory.reduce((t, c) => t + c.cost, 0)).toBeCloseTo(scheduledCost, 9);
    expect(doc.budget.totalBudget).toBe(720);
    for (const period of doc.budget.periods) expect(period.spend).toBeLessThanOrEqual(period.budget + 1e-9);
    const budgetSection = doc.sections.find((s) => s.id === 'budget');
    expect(budgetSection?.charts.map((c) => c.id)).toEqual(['budget']);
    const periodTable = budgetSection?.tables.find((t) => t.id === 'budget-periods');
    expect(periodTable?.rows.at(-1)?.slice(1, 3)).toEqual(['720', String(scheduledCost)]);
  });

  it('budget law: for any schedule, Σ per-period spend = Σ scheduled costs and each period = Σ active cost/duration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 4 }), fc.nat(7)), {
          minLength: 1,
          maxLength: 8,
        }),
        (specs) => {
          const initiatives = specs.map(([cost, duration], k) => ({
            id: `I${k}`,
            cost,
            duration,
            effort: 0,
            annualBenefit: cost / 2,
            successProbability: 1,
            requires: [],
            excludes: [],
            mandatory: false,
          }));
          const schedule = specs.map(([, duration, start], k) => ({
            id: `I${k}`,
            start: Math.min(start, 12 - duration),
          }));
          const doc = buildPlanDocument(
            inputFor({
              settings: {
                periods: 12,
                periodsPerYear: 4,
                discountRate: 0.08,
                benefitYears: 5,
                budget: 1000,
                start: START,
              },
              initiatives,
              solution: { ...solution, schedule, notSelected: [] },
            }),
          );
          const total = specs.reduce((t, [cost]) => t + cost, 0);
          expect(doc.budget.totalSpend).toBeCloseTo(total, 6);
          doc.budget.periods.forEach((p) => {
            const expected = initiatives
              .filter(
                (i, k) =>
                  (schedule[k]?.start ?? 0) <= p.period && p.period < (schedule[k]?.start ?? 0) + i.duration,
              )
              .reduce((t, i) => t + i.cost / i.duration, 0);
            expect(p.spend).toBeCloseTo(expected, 6);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('groups the chosen scenarios by the guide’s six categories', () => {
    const doc = buildPlanDocument(inputFor());
    const table = doc.sections.find((s) => s.id === 'task-framework')?.tables[0];
    expect(table?.rows.slice(0, 6).map((r) => r[0])).toEqual([
      '研发设计',
      '生产制造',
      '运维服务',
      '经营管理',
      '供应链管理',
      '跨环节协同',
    ]);
    expect(table?.rows[2]?.[1]).toContain('GEN-OM-01 设备在线监测维护');
    expect(table?.rows[6]?.[2]).toContain('设备联网与数据采集底座');
  });

  it('architecture layers hold the deduplicated elements of the chosen scenarios, infrastructure first', () => {
    const doc = buildPlanDocument(inputFor());
    const rows = doc.sections.find((s) => s.id === 'architecture')?.tables[0]?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual([
      '基础设施层',
      '数据层（数据要素）',
      '模型层（知识模型）',
      '应用层（工具软件）',
      '应用层（业务场景）',
    ]);
    const codes = new Set(
      doc.projects.flatMap((p) => (p.scenarioCode === undefined ? [] : [p.scenarioCode])),
    );
    const scenarios = atlas.scenarios.filter((s) => codes.has(s.code));
    const distinctData = new Set(scenarios.flatMap((s) => s.elements.data.map((d) => d.zh)));
    expect(rows[1]?.[2]).toBe(String(distinctData.size));
    expect(rows[1]?.[1]?.split('；')).toHaveLength(distinctData.size);
  });

  it("describes the enterprise from the plans' profile, its employees in the document language", () => {
    const profile = {
      industry: '通用设备制造',
      processType: 'discrete' as const,
      employees: 300,
      enterpriseType: 'specialized-sme' as const,
    };
    const vision = (lang: 'zh' | 'en') =>
      buildPlanDocument(inputFor({ profile, lang })).sections.find((s) => s.id === 'vision')?.text ?? '';
    expect(vision('zh')).toContain('（通用设备制造、离散型制造、300 人、');
    expect(vision('en')).toContain('(通用设备制造, discrete manufacturing, 300 employees, ');
    expect(buildPlanDocument(inputFor()).sections[0]?.text).not.toContain(' 人');
  });

  it('vision targets come from the KPIs of the chosen scenarios, with unit and direction', () => {
    const doc = buildPlanDocument(inputFor());
    const rows = doc.sections.find((s) => s.id === 'vision')?.tables[0]?.rows ?? [];
    const oee = rows.find((r) => r[0]?.includes('设备综合效率'));
    expect(oee?.slice(1, 3)).toEqual(['%', '↑ 提升']);
    const downtime = rows.find((r) => r[0] === '非计划停机时长');
    expect(downtime?.[2]).toBe('↓ 降低');
    expect(downtime?.[4]).toContain('GEN-OM-01');
  });

  it('names the standards, the CIO/CDO roles, the ICS security guideline and the risk register', () => {
    const doc = buildPlanDocument(inputFor());
    const all = doc.sections
      .map((s) => [s.text, ...s.tables.flatMap((t) => t.rows.flat())].join('\n'))
      .join('\n');
    for (const phrase of [
      'GB/T 23001-2017',
      'GB/T 39116-2020',
      'GB/T 36073-2018',
      '工业控制系统网络安全防护指南',
      '首席数据官（CDO）',
      '首席信息官（CIO）',
      '数据安全法',
    ])
      expect(all).toContain(phrase);
    const risks = doc.sections.find((s) => s.id === 'risks');
    expect(risks?.text).toContain('共识别 2 项风险');
    expect(risks?.tables[0]?.rows[0]?.slice(0, 3)).toEqual(['R1', '数据质量不足', '质量智能检测']);
  });

  it('prints the default risks in the document language and typed risks as typed', () => {
    const [first] = DEFAULT_RISKS;
    const register = [
      { id: 'R1', title: first!.title.zh, likelihood: 3, impact: 4, mitigation: first!.mitigation.zh },
      { id: 'R2', title: '关键人员流失', likelihood: 2, impact: 3, mitigation: '备岗' },
    ];
    const rows = (lang: 'zh' | 'en') =>
      buildPlanDocument(inputFor({ lang, risks: register }))
        .sections.find((s) => s.id === 'risks')
        ?.tables[0]?.rows.map((r) => [r[1], r[7]]);
    expect(rows('en')).toEqual([
      [first!.title.en, first!.mitigation.en],
      ['关键人员流失', '备岗'],
    ]);
    expect(rows('zh')?.[0]).toEqual([first!.title.zh, first!.mitigation.zh]);
  });

  it('edits replace a section’s text and nothing else; blank edits are ignored', () => {
    const base = buildPlanDocument(inputFor());
    const edited = buildPlanDocument(
      inputFor({ edits: { vision: '我们的愿景。\n第二段。', budget: '   ' } }),
    );
    const vision = edited.sections.find((s) => s.id === 'vision');
    expect(vision?.text).toBe('我们的愿景。\n第二段。');
    expect(vision?.edited).toBe(true);
    expect(vision?.prefilled).toBe(base.sections[0]?.text);
    expect(vision?.tables).toEqual(base.sections[0]?.tables);
    expect(edited.sections.find((s) => s.id === 'budget')?.edited).toBe(false);
    expect(edited.sections.slice(1).map((s) => s.text)).toEqual(base.sections.slice(1).map((s) => s.text));
    expect(prefilledSectionTexts(inputFor()).vision).toBe(base.sections[0]?.text);
  });

  it('edits schema accepts section ids only', () => {
    expect(planDocumentEditsSchema.safeParse({ vision: 'x', risks: 'y' }).success).toBe(true);
    expect(planDocumentEditsSchema.safeParse({ nonsense: 'x' }).success).toBe(false);
    expect(planDocumentEditsSchema.safeParse({ vision: 3 }).success).toBe(false);
  });

  it('keeps hostile strings as plain text (escaping is the renderers’ job)', () => {
    const hostile = '<script>alert("x")</script>&amp;';
    const doc = buildPlanDocument(
      inputFor({
        organisation: { name: hostile },
        initiatives: instance.initiatives.map((i) => (i.id === 'OM-01' ? { ...i, title: hostile } : i)),
        edits: { strategy: hostile },
      }),
    );
    expect(doc.organisation).toBe(hostile);
    expect(doc.sections[0]?.text.startsWith(hostile)).toBe(true);
    expect(doc.sections[1]?.text).toBe(hostile);
    expect(doc.projects.find((p) => p.id === 'OM-01')?.title).toBe(hostile);
  });

  it('still produces every section without a feasible schedule, saying why', () => {
    const infeasible: PlanResult = {
      status: 'infeasible',
      objective: null,
      gap: null,
      bound: null,
      schedule: [],
      notSelected: [],
      reason: 'mandatory initiatives exceed the budget',
      stats: { variables: 0, rows: 0, seconds: 0 },
    };
    const doc = buildPlanDocument(inputFor({ solution: infeasible }));
    expect(doc.sections).toHaveLength(PLAN_SECTION_IDS.length);
    expect(doc.sections[0]?.text).toContain('mandatory initiatives exceed the budget');
    expect(doc.projects).toEqual([]);
    expect(doc.budget.totalSpend).toBe(0);
    expect(doc.sections.find((s) => s.id === 'technical-route')?.charts).toEqual([]);
  });

  it('writes English when asked', () => {
    const doc = buildPlanDocument(inputFor({ lang: 'en' }));
    expect(doc.title).toBe('Digital transformation plan');
    expect(doc.sections.map((s) => s.heading).slice(0, 3)).toEqual([
      '1. Vision and targets',
      '2. Strategy by enterprise type',
      '3. Task framework',
    ]);
    expect(doc.sections.find((s) => s.id === 'implementation')?.tables[0]?.rows[0]?.[3]).toMatch(
      /^20(27|28|29) Q[1-4]$/u,
    );
    expect(doc.subtitle).toContain('Horizon 2027 Q3–2029 Q2');
  });

  it('dates the horizon, the phases and the periods from the plan start, consistently', () => {
    const doc = buildPlanDocument(inputFor());
    // eight quarters from 2027 Q3: 2027 Q3 … 2029 Q2, the years 2027, 2028 and 2029
    expect(doc.subtitle).toContain('规划期 2027年Q3—2029年Q2（2 年，8 个季度）');
    const all = doc.sections.map((s) => s.text).join('\n');
    expect(all).toContain('规划期 2027年Q3—2029年Q2，共 2 年');
    expect(all).not.toMatch(/第\d+年|第\d+期/u);
    expect(all).toMatch(/第一阶段（2027年）/u);
    expect(doc.budget.periods.map((p) => p.label)).toEqual([
      '2027年Q3',
      '2027年Q4',
      '2028年Q1',
      '2028年Q2',
      '2028年Q3',
      '2028年Q4',
      '2029年Q1',
      '2029年Q2',
    ]);
  });

  it('nests the enterprise type’s own quotes the Chinese way', () => {
    const doc = buildPlanDocument(
      inputFor({
        profile: { industry: '通用设备制造', processType: 'discrete', enterpriseType: 'little-giant' },
      }),
    );
    const strategy = doc.sections.find((s) => s.id === 'strategy')?.text ?? '';
    expect(strategy).toContain('本企业属于“专精特新‘小巨人’企业”');
    expect(strategy).not.toContain('“专精特新“');
  });
});
