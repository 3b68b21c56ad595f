/**
 * The project status report for a steering meeting (项目推进情况汇报): project facts, the light and why, milestones,
 * budget against actual per period (chart and table), gates, the supervision checklists, risks and changes. Plain
 * data built from the project as the API shows it and the delivery pack, in one language; both renderers (PDF,
 * DOCX) print the same report. Numbers are 万元.
 */
import type { EChartsCoreOption } from 'echarts';
import type { DeliveryPackView, ProjectView } from '../contracts/delivery.ts';
import type { PlanTable } from './plan-document-types.ts';

export type ReportLang = 'zh' | 'en';

export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly option: EChartsCoreOption;
  readonly width: number;
  readonly height: number;
}

export interface ReportSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly tables: readonly PlanTable[];
}

export interface ProjectReport {
  readonly lang: ReportLang;
  readonly title: string;
  readonly organisation: string;
  readonly dateText: string;
  readonly sections: readonly ReportSection[];
}

const T = {
  zh: {
    title: (name: string) => `${name} — 项目推进情况汇报`,
    date: (d: string) => `汇报日期：${d}`,
    facts: '一、项目概况',
    light: '二、状态灯及原因',
    milestones: '三、里程碑',
    budget: '四、预算与实际支出（按期）',
    gates: '五、阶段关口',
    supervision: '六、过程监督检查',
    risks: '七、风险',
    changes: '八、变更记录',
    lights: { 'on-track': '正常（绿）', 'at-risk': '有风险（黄）', late: '滞后（红）' },
    lightIs: (l: string) => `当前状态：${l}。`,
    noReason: '里程碑均按期，支出未超出截至当期的预算。',
    overdue: (m: string, d: number) => `里程碑“${m}”已逾期 ${d} 天。`,
    doneLate: (m: string, d: number) => `里程碑“${m}”延期 ${d} 天完成。`,
    overrun: (p: string) => `截至当期实际支出超出预算 ${p}。`,
    overrunNoBudget: '截至当期尚无预算，但已有支出。',
    field: '项目',
    value: '内容',
    scenario: '场景',
    scope: '范围',
    provider: '服务商',
    none: '—',
    planned: '计划周期',
    budgetTotal: '预算合计（万元）',
    actualTotal: '实际支出（万元）',
    progress: '里程碑完成度',
    currentGate: '当前阶段',
    allPassed: '全部关口已通过',
    kpis: '承诺指标',
    milestone: '里程碑',
    due: '计划完成',
    done: '实际完成',
    slip: '逾期（天）',
    noMilestones: '尚无里程碑',
    period: '期间',
    plannedAmount: '预算',
    actualAmount: '实际',
    chart: '各期预算与实际支出（万元）',
    gate: '关口',
    party: '负责方',
    passed: '是否通过',
    passedAt: '通过日期',
    yes: '已通过',
    no: '未通过',
    parties: { enterprise: '企业', provider: '服务商', authority: '主管部门' },
    list: '检查清单',
    item: '检查项',
    ticked: '状态',
    tickedYes: '已完成',
    tickedNo: '未完成',
    evidence: '佐证',
    listState: (name: string, n: number, of: number) => `${name}：已完成 ${n} / ${of} 项。`,
    risk: '风险',
    likelihood: '可能性',
    impact: '影响',
    mitigation: '应对措施',
    noRisks: '未登记风险',
    kind: '类别',
    reason: '原因',
    at: '时间',
    noChanges: '尚无变更',
    kinds: {
      scope: '范围',
      budget: '预算',
      provider: '服务商',
      dates: '日期',
      'provider-invited': '邀请服务商',
      'provider-accepted': '服务商接受邀请',
      'provider-declined': '服务商谢绝邀请',
      'provider-revoked': '撤销服务商访问',
    },
  },
  en: {
    title: (name: string) => `${name} — project status report`,
    date: (d: string) => `Report date: ${d}`,
    facts: '1 Project facts',
    light: '2 Status light and why',
    milestones: '3 Milestones',
    budget: '4 Budget against actual, per period',
    gates: '5 Gates',
    supervision: '6 Supervision checklists',
    risks: '7 Risks',
    changes: '8 Changes',
    lights: { 'on-track': 'on track (green)', 'at-risk': 'at risk (amber)', late: 'late (red)' },
    lightIs: (l: string) => `Status: ${l}.`,
    noReason: 'Every milestone is on time, and spend is within the budget to date.',
    overdue: (m: string, d: number) => `Milestone “${m}” is ${d} days overdue.`,
    doneLate: (m: string, d: number) => `Milestone “${m}” was done ${d} days late.`,
    overrun: (p: string) => `Spend to date exceeds the budget to date by ${p}.`,
    overrunNoBudget: 'There is spend but no budget to date.',
    field: 'Item',
    value: 'Value',
    scenario: 'Scenario',
    scope: 'Scope',
    provider: 'Provider',
    none: '—',
    planned: 'Planned',
    budgetTotal: 'Budget (10k CNY)',
    actualTotal: 'Actual spend (10k CNY)',
    progress: 'Milestones done',
    currentGate: 'Current gate',
    allPassed: 'all gates passed',
    kpis: 'KPI targets',
    milestone: 'Milestone',
    due: 'Due',
    done: 'Done',
    slip: 'Late (days)',
    noMilestones: 'No milestones yet',
    period: 'Period',
    plannedAmount: 'Budget',
    actualAmount: 'Actual',
    chart: 'Budget and actual spend per period (10k CNY)',
    gate: 'Gate',
    party: 'Passed by',
    passed: 'Passed',
    passedAt: 'Passed on',
    yes: 'passed',
    no: 'open',
    parties: { enterprise: 'enterprise', provider: 'provider', authority: 'authority' },
    list: 'Checklist',
    item: 'Item',
    ticked: 'State',
    tickedYes: 'done',
    tickedNo: 'open',
    evidence: 'Evidence',
    listState: (name: string, n: number, of: number) => `${name}: ${n} of ${of} items done.`,
    risk: 'Risk',
    likelihood: 'Likelihood',
    impact: 'Impact',
    mitigation: 'Mitigation',
    noRisks: 'No risks registered',
    kind: 'Kind',
    reason: 'Reason',
    at: 'When',
    noChanges: 'No changes yet',
    kinds: {
      scope: 'scope',
      budget: 'budget',
      provider: 'provider',
      dates: 'dates',
      'provider-invited': 'provider invited',
      'provider-accepted': 'provider accepted',
      'provider-declined': 'provider declined',
      'provider-revoked': 'provider access revoked',
    },
  },
} as const;

const money = (n: number) => n.toFixed(2);

export function projectReport(
  project: ProjectView,
  pack: DeliveryPackView,
  context: { lang: ReportLang; organisation: string; today: string },
): ProjectReport {
  const { lang } = context;
  const t = T[lang];
  const name = project.name[lang];
  const items = new Map(
    [...pack.gates.flatMap((g) => g.checklist), ...pack.supervision.flatMap((s) => s.items)].map((i) => [
      i.id,
      i.text[lang],
    ]),
  );
  const gateName = new Map(pack.gates.map((g) => [g.id, g.name[lang]]));
  const milestoneTitle = new Map(project.milestones.map((m) => [m.id, m.title]));
  const reasons = project.status.reasons.map((r) => {
    const m = milestoneTitle.get(r.milestoneId ?? '') ?? '';
    if (r.kind === 'overdue') return t.overdue(m, r.amount ?? 0);
    if (r.kind === 'done-late') return t.doneLate(m, r.amount ?? 0);
    return r.amount === null ? t.overrunNoBudget : t.overrun(`${(r.amount * 100).toFixed(1)} %`);
  });
  const periods = project.rollup.periods;
  const facts: PlanTable = {
    id: 'facts',
    title: t.facts.replace(/^\S+\s|^[一二三四五六七八]、/, ''),
    columns: [
      { label: t.field, width: 1 },
      { label: t.value, width: 3 },
    ],
    rows: [
      [t.scenario, project.scenario],
      [t.scope, project.scope[lang]],
      [t.provider, project.provider ?? t.none],
      [
        t.planned,
        `${project.start[lang]} – ${project.finish[lang]} (${project.plannedStart} – ${project.plannedFinish})`,
      ],
      [t.budgetTotal, money(project.budgetTotal)],
      [t.actualTotal, money(project.actualTotal)],
      [t.progress, `${Math.round(project.progress * 100)} %`],
      [
        t.currentGate,
        project.currentGate === null
          ? t.allPassed
          : (gateName.get(project.currentGate) ?? project.currentGate),
      ],
      [
        t.kpis,
        project.kpiTargets.map((k) => `${k.name[lang]} +${(k.improvement * 100).toFixed(1)} %`).join('\n') ||
          t.none,
      ],
    ],
  };
  const chart: ReportChart = {
    id: 'budget',
    title: t.chart,
    width: 640,
    height: 280,
    option: {
      animation: false,
      grid: { left: 56, right: 16, top: 36, bottom: 48 },
      legend: { top: 4, data: [t.plannedAmount, t.actualAmount] },
      xAxis: { type: 'category', data: periods.map((p) => p.label[lang]), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        {
          name: t.plannedAmount,
          type: 'bar',
          data: periods.map((p) => p.planned),
          itemStyle: { color: '#1F5FBF' },
        },
        {
          name: t.actualAmount,
          type: 'bar',
          data: periods.map((p) => p.actual),
          itemStyle: { color: '#F77234' },
        },
      ],
    },
  };
  const supervisionLists = project.checklists.filter((c) => c.kind === 'supervision');
  const listName = new Map(pack.supervision.map((s) => [s.id, s.name[lang]]));
  return {
    lang,
    title: t.title(name),
    organisation: context.organisation,
    dateText: t.date(context.today),
    sections: [
      { id: 'facts', heading: t.facts, paragraphs: [], charts: [], tables: [facts] },
      {
        id: 'light',
        heading: t.light,
        paragraphs: [t.lightIs(t.lights[project.light]), ...(reasons.length > 0 ? reasons : [t.noReason])],
        charts: [],
        tables: [],
      },
      {
        id: 'milestones',
        heading: t.milestones,
        paragraphs: [],
        charts: [],
        tables: [
          {
            id: 'milestones',
            title: t.milestones.replace(/^\S+\s|^[一二三四五六七八]、/, ''),
            columns: [
              { label: t.milestone, width: 3 },
              { label: t.due },
              { label: t.done },
              { label: t.slip, align: 'right' },
            ],
            rows: project.milestones.map((m) => [m.title, m.due, m.doneOn ?? t.none, String(m.slipDays)]),
            emptyText: t.noMilestones,
          },
        ],
      },
      {
        id: 'budget',
        heading: t.budget,
        paragraphs: [],
        charts: [chart],
        tables: [
          {
            id: 'budget',
            title: t.chart,
            columns: [
              { label: t.period },
              { label: t.plannedAmount, align: 'right' },
              { label: t.actualAmount, align: 'right' },
            ],
            rows: [
              ...periods.map((p) => [p.label[lang], money(p.planned), money(p.actual)]),
              [
                lang === 'zh' ? '合计' : 'Total',
                money(periods.reduce((s, p) => s + p.planned, 0)),
                money(periods.reduce((s, p) => s + p.actual, 0)),
              ],
            ],
            totalRow: true,
          },
        ],
      },
      {
        id: 'gates',
        heading: t.gates,
        paragraphs: [],
        charts: [],
        tables: [
          {
            id: 'gates',
            title: t.gates.replace(/^\S+\s|^[一二三四五六七八]、/, ''),
            columns: [
              { label: t.gate, width: 2 },
              { label: t.party },
              { label: t.passed },
              { label: t.passedAt },
            ],
            rows: project.gates.map((g) => [
              gateName.get(g.id) ?? g.id,
              t.parties[g.party],
              g.passed ? t.yes : t.no,
              g.passedAt?.slice(0, 10) ?? t.none,
            ]),
          },
        ],
      },
      {
        id: 'supervision',
        heading: t.supervision,
        paragraphs: supervisionLists.map((c) =>
          t.listState(listName.get(c.id) ?? c.id, c.items.filter((i) => i.ticked).length, c.items.length),
        ),
        charts: [],
        tables: supervisionLists.map((c) => ({
          id: `supervision-${c.id}`,
          title: listName.get(c.id) ?? c.id,
          columns: [
            { label: t.item, width: 4 },
            { label: t.ticked },
            { label: t.evidence, align: 'right' as const },
          ],
          rows: c.items.map((i) => [
            items.get(i.id) ?? i.id,
            i.ticked ? t.tickedYes : t.tickedNo,
            String(new Set([...i.evidence, ...i.files.map((f) => `file:${f.id}`)]).size),
          ]),
        })),
      },
      {
        id: 'risks',
        heading: t.risks,
        paragraphs: [],
        charts: [],
        tables: [
          {
            id: 'risks',
            title: t.risks.replace(/^\S+\s|^[一二三四五六七八]、/, ''),
            columns: [
              { label: t.risk, width: 2 },
              { label: t.likelihood, align: 'right' },
              { label: t.impact, align: 'right' },
              { label: t.mitigation, width: 3 },
            ],
            rows: project.risks.map((r) => [r.title, String(r.likelihood), String(r.impact), r.mitigation]),
            emptyText: t.noRisks,
          },
        ],
      },
      {
        id: 'changes',
        heading: t.changes,
        paragraphs: [],
        charts: [],
        tables: [
          {
            id: 'changes',
            title: t.changes.replace(/^\S+\s|^[一二三四五六七八]、/, ''),
            columns: [{ label: t.at }, { label: t.kind }, { label: t.reason, width: 3 }],
            rows: project.changes.map((c) => [c.at.slice(0, 10), t.kinds[c.kind], c.reason || t.none]),
            emptyText: t.noChanges,
          },
        ],
      },
    ],
  };
}
