/**
 * Sections of the plan document that say how the plan is delivered (guide 二(一), 二(二), 五): 标准体系, 实施任务
 * (分阶段子任务和实施项目清单), 投入预算, 保障条件, 风险评估.
 */
import { localizeRisk } from '../core/planning/default-risks.ts';
import { notSelectedText } from '../core/planning/explain-text.ts';
import type { NotSelectedKind } from '../core/planning/plan-result.ts';
import { compareRisks, riskEntryProblems, summariseRisks, type RiskBand } from '../core/planning/risk.ts';
import { BAND_WORDS } from '../contracts/planning.ts';
import { budgetChart } from './plan-document-charts.ts';
import type { PlanContext, SectionDraft } from './plan-document-context.ts';
import { categoryName, initiativeTitle } from './plan-document-figures.ts';
import { joinList, money, percent, quoted, years } from './plan-document-format.ts';
import { standardsFor } from './plan-document-standards.ts';
import type { PlanTable } from './plan-document-types.ts';

export function standardsSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const standards = standardsFor(input.profile);
  const paragraphs = [
    say(
      '标准体系以国家标准和行业规范为依据，覆盖评估诊断、数据管理、网络与数据安全等方面（指南 二（一）、五（三）、五（七））。实施中按下列标准开展贯标和自评估，推广数据管理能力成熟度评估模型（DCMM）等国家标准应用；企业内部同步制定数据标准、接口规范和主数据标准，保证各场景工具打通、数据互连、模型互认。',
      'The standards system rests on national standards and sector rules covering assessment, data management, and network and data security (guide 2.1, 5.3, 5.7). Implementation adopts and self-assesses against the standards below, including DCMM; internally the enterprise sets data, interface and master-data standards so that tools, data and models connect across scenarios.',
    ),
  ];
  if (input.profile.processType === 'process') {
    paragraphs.push(
      say(
        '流程型生产以控制系统为核心，工业控制系统网络安全防护为标准体系的重点。',
        'Process production runs on control systems: ICS cybersecurity is the focus of the standards system.',
      ),
    );
  }
  return {
    title: say('标准体系', 'Standards'),
    text: paragraphs.join('\n'),
    tables: [
      {
        id: 'standards',
        title: say('适用标准与规范', 'Applicable standards and rules'),
        columns: [
          { label: say('名称', 'Title'), width: 2.4 },
          { label: say('编号 / 发布', 'Number / issuer'), width: 1.2 },
          { label: say('在本规划中的用途', 'Use in this plan'), width: 3 },
        ],
        rows: standards.map((s) => [s.name[lang], s.code, s.use[lang]]),
      },
    ],
  };
}

function projectTable(c: PlanContext): PlanTable {
  const { say, lang } = c;
  const rows = c.rows.map((r, index) => [
    String(index + 1),
    r.title,
    r.scenarioCode === undefined
      ? '—'
      : `${r.scenarioCode}${r.scenarioName === undefined ? '' : ` ${r.scenarioName}`}`,
    c.period(r.start),
    c.period(r.end),
    money(r.cost),
    money(r.annualBenefit),
    money(r.npv),
    percent(r.irr),
    years(r.paybackYears, lang),
  ]);
  const sum = (pick: (r: (typeof c.rows)[number]) => number): number =>
    c.rows.reduce((t, r) => t + pick(r), 0);
  if (rows.length > 0) {
    rows.push([
      '',
      say('合计', 'Total'),
      '',
      '',
      '',
      money(sum((r) => r.cost)),
      money(sum((r) => r.annualBenefit)),
      money(sum((r) => r.npv)),
      '',
      '',
    ]);
  }
  return {
    id: 'projects',
    title: say(`分阶段实施项目清单（金额：${c.unit}）`, `Phased project list (amounts in ${c.unit})`),
    columns: [
      { label: say('序号', '#'), width: 0.45, align: 'right' },
      { label: say('项目', 'Project'), width: 1.6 },
      { label: say('场景', 'Scenario'), width: 1.45 },
      { label: say('开始', 'Start'), width: 1.2 },
      { label: say('结束', 'End'), width: 1.2 },
      { label: say('投资', 'Cost'), width: 0.7, align: 'right' },
      { label: say('年收益', 'Benefit / yr'), width: 1, align: 'right' },
      { label: say('风险调整NPV', 'Risk-adj. NPV'), width: 0.95, align: 'right' },
      { label: 'IRR', width: 0.8, align: 'right' },
      { label: say('回收期', 'Payback'), width: 0.9, align: 'right' },
    ],
    rows,
    totalRow: rows.length > 0,
    emptyText: say('没有排期的项目。', 'No scheduled project.'),
  };
}

const NOT_SELECTED_KINDS: Readonly<Record<NotSelectedKind, { zh: string; en: string }>> = {
  'negative-value': { zh: '净现值为负', en: 'negative value' },
  'budget-bound': { zh: '预算约束', en: 'budget' },
  'capacity-bound': { zh: '人员能力约束', en: 'capacity' },
  prerequisite: { zh: '前置项目未满足', en: 'prerequisite' },
  excluded: { zh: '互斥', en: 'excluded' },
  horizon: { zh: '超出规划期', en: 'horizon' },
  gap: { zh: '求解精度内未选', en: 'solver gap' },
};

export function implementationSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const totalBenefit = c.rows.reduce((t, r) => t + r.annualBenefit, 0);
  const statusText =
    input.solution.status === 'optimal'
      ? input.solution.gap === null || input.solution.gap === 0
        ? say('已证明最优', 'proven optimal')
        : // stopped within the allowed gap: say how close to proven it is
          say(
            `最优解，与上界相对差距 ${percent(input.solution.gap, 3)}`,
            `optimal within a gap of ${percent(input.solution.gap, 3)} to the bound`,
          )
      : input.solution.status === 'feasible'
        ? input.solution.gap === null
          ? say('可行解', 'feasible')
          : say(
              `可行解，相对差距 ${percent(input.solution.gap, 2)}`,
              `feasible, gap ${percent(input.solution.gap, 2)}`,
            )
        : say('无可行解', 'no feasible plan');
  const paragraphs = [
    say(
      `实施任务按分阶段子任务和实施项目清单组织（见下表），共 ${c.rows.length} 个项目，总投资 ${money(c.budget.totalSpend)} ${c.unit}，预期年收益合计 ${money(totalBenefit)} ${c.unit}。项目组合与排期由规划求解器在各期预算${c.instance.capacity === undefined ? '' : '和人员能力'}约束下优化得出（${statusText}）；净现值按贴现率 ${percent(c.instance.discountRate)}、收益期 ${c.instance.benefitYears} 年并按成功概率调整计算。`,
      `Tasks are organised as phased sub-tasks and a project list (tables below): ${c.rows.length} projects, total investment ${money(c.budget.totalSpend)} ${c.unit}, expected benefits ${money(totalBenefit)} ${c.unit} a year. The portfolio and schedule were optimised by the planner under the per-period budget${c.instance.capacity === undefined ? '' : ' and staff capacity'} (${statusText}); NPV uses a ${percent(c.instance.discountRate)} discount rate and ${c.instance.benefitYears} benefit years, adjusted by the probability of success.`,
    ),
    say(
      '每个项目按“需求调研与方案设计—系统部署与集成—试运行与验收”推进，高标准推进项目实施，深度介入外包开发过程，强化过程监督、质量管控和知识产权保护，推动数字化项目与业务适配融合（指南 二（二））。',
      'Each project runs through requirements and design, deployment and integration, trial operation and acceptance; the enterprise stays closely involved in outsourced development, supervises progress and quality, protects intellectual property and fits each project to the business (guide 2.2).',
    ),
  ];
  if (input.solution.notSelected.length > 0) {
    paragraphs.push(
      say(
        `${input.solution.notSelected.length} 个候选项目未列入本期规划，原因见表，可在下一轮迭代优化时重新评估。`,
        `${input.solution.notSelected.length} candidate project(s) are left out of this plan for the reasons in the table; reconsider them in the next iteration.`,
      ),
    );
  }
  const byId = new Map(input.initiatives.map((i) => [i.id, i]));
  const initiativeNames = new Map(input.initiatives.map((i) => [i.id, initiativeTitle(i)]));
  const subtasks: PlanTable = {
    id: 'subtasks',
    title: say('分阶段子任务', 'Phased sub-tasks'),
    columns: [
      { label: say('时间', 'When'), width: 1.8 },
      { label: say('项目', 'Project'), width: 1.6 },
      { label: say('工作内容', 'Scope'), width: 4.5 },
    ],
    rows: c.projects.map((p) => [
      c.periods(p.start, p.start + p.initiative.duration - 1),
      initiativeTitle(p.initiative),
      p.initiative.scope ?? p.scenario?.description[lang] ?? '—',
    ]),
    emptyText: say('没有排期的项目。', 'No scheduled project.'),
  };
  const notSelected: PlanTable = {
    id: 'not-selected',
    title: say('未列入本期的候选项目', 'Candidates left out'),
    columns: [
      { label: say('项目', 'Project'), width: 1.6 },
      { label: say('类型', 'Kind'), width: 0.9 },
      { label: say('说明', 'Reason'), width: 4.2 },
    ],
    rows: input.solution.notSelected.map((n) => {
      const initiative = byId.get(n.id);
      return [
        initiative === undefined ? n.id : initiativeTitle(initiative),
        NOT_SELECTED_KINDS[n.kind][lang],
        notSelectedText(n, lang, initiativeNames, c.period),
      ];
    }),
    emptyText: say('全部候选项目均已列入。', 'Every candidate is in the plan.'),
  };
  return {
    title: say('实施任务', 'Implementation tasks'),
    text: paragraphs.join('\n'),
    tables: [projectTable(c), subtasks, notSelected],
  };
}

export function budgetSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const b = c.budget;
  const use = b.totalBudget > 0 ? b.totalSpend / b.totalBudget : null;
  const peak = [...b.periods].sort((x, y) => y.spend - x.spend || x.period - y.period)[0];
  const topCategory = [...b.byCategory].sort((x, y) => y.cost - x.cost)[0];
  const over = b.periods.filter((p) => p.spend > p.budget + 1e-6).map((p) => p.label);
  const paragraphs = [
    say(
      `规划期预算合计 ${money(b.totalBudget)} ${c.unit}，计划投入 ${money(b.totalSpend)} ${c.unit}，预算使用率 ${percent(use)}。各期投入按项目工期均摊计列，${over.length === 0 ? '任一时期均不超过当期预算。' : `${joinList(over, lang)}超出当期预算，需调整。`}`,
      `The budget over the horizon is ${money(b.totalBudget)} ${c.unit}; planned investment is ${money(b.totalSpend)} ${c.unit}, ${percent(use)} of it. Each project's cost is spread evenly over its duration; ${over.length === 0 ? 'no period exceeds its budget.' : `${joinList(over, lang)} exceed their budget and need adjusting.`}`,
    ),
  ];
  if (peak !== undefined && peak.spend > 0 && topCategory !== undefined) {
    paragraphs.push(
      say(
        `投入最高的时期为${peak.label}（${money(peak.spend)} ${c.unit}）；按场景类别，${topCategory.category}投入最多（${money(topCategory.cost)} ${c.unit}，占 ${percent(b.totalSpend > 0 ? topCategory.cost / b.totalSpend : null)}）。`,
        `Spending peaks in ${peak.label} (${money(peak.spend)} ${c.unit}); by category, ${topCategory.category} takes the most (${money(topCategory.cost)} ${c.unit}, ${percent(b.totalSpend > 0 ? topCategory.cost / b.totalSpend : null)}).`,
      ),
    );
  }
  let cumulative = 0;
  const periodRows = b.periods.map((p) => {
    cumulative += p.spend;
    return [
      p.label,
      money(p.budget),
      money(p.spend),
      percent(p.budget > 0 ? p.spend / p.budget : null),
      money(cumulative),
    ];
  });
  periodRows.push([say('合计', 'Total'), money(b.totalBudget), money(b.totalSpend), percent(use), '']);
  const categoryRows = b.byCategory.map((row) => [
    row.category,
    money(row.cost),
    percent(b.totalSpend > 0 ? row.cost / b.totalSpend : null),
  ]);
  if (categoryRows.length > 0) categoryRows.push([say('合计', 'Total'), money(b.totalSpend), percent(1)]);
  const spendByCategory = b.byCategory.map(({ category }) => ({
    category,
    values: b.periods.map((p) =>
      c.projects
        .filter(
          (x) =>
            (x.scenario === undefined
              ? c.otherCategory
              : categoryName(input.atlas, x.scenario.category, lang)) === category &&
            x.start <= p.period &&
            p.period < x.start + x.initiative.duration,
        )
        .reduce((t, x) => t + x.initiative.cost / x.initiative.duration, 0),
    ),
  }));
  return {
    title: say('投入预算', 'Investment budget'),
    text: paragraphs.join('\n'),
    charts: [
      budgetChart(
        b,
        spendByCategory,
        c.period,
        {
          title: say(`各期投入与预算（${c.unit}）`, `Spend and budget per period (${c.unit})`),
          budget: say('预算', 'Budget'),
        },
        c.colours,
      ),
    ],
    tables: [
      {
        id: 'budget-periods',
        title: say(`分期投入（${c.unit}）`, `Investment by period (${c.unit})`),
        columns: [
          { label: say('时期', 'Period'), width: 1.2 },
          { label: say('预算', 'Budget'), width: 1, align: 'right' },
          { label: say('计划投入', 'Planned'), width: 1, align: 'right' },
          { label: say('使用率', 'Use'), width: 1, align: 'right' },
          { label: say('累计投入', 'Cumulative'), width: 1, align: 'right' },
        ],
        rows: periodRows,
        totalRow: true,
      },
      {
        id: 'budget-categories',
        title: say(`按场景类别投入（${c.unit}）`, `Investment by category (${c.unit})`),
        columns: [
          { label: say('类别', 'Category'), width: 2 },
          { label: say('投资', 'Cost'), width: 1, align: 'right' },
          { label: say('占比', 'Share'), width: 1, align: 'right' },
        ],
        rows: categoryRows,
        totalRow: categoryRows.length > 0,
        emptyText: say('没有排期的项目。', 'No scheduled project.'),
      },
    ],
  };
}

/** Highest number of people the schedule needs at once. */
function peakEffort(c: PlanContext): number {
  let peak = 0;
  for (let t = 0; t < c.instance.periods; t++) {
    const load = c.projects
      .filter((p) => p.start <= t && t < p.start + p.initiative.duration)
      .reduce((sum, p) => sum + p.initiative.effort, 0);
    peak = Math.max(peak, load);
  }
  return peak;
}

export function safeguardsSection(c: PlanContext): SectionDraft {
  const { say, lang } = c;
  const peak = peakEffort(c);
  const capacity = c.instance.capacity === undefined ? undefined : Math.max(0, ...c.instance.capacity);
  const skills = new Map<string, { text: string; codes: string[] }>();
  for (const scenario of c.scenarios) {
    for (const skill of scenario.elements.skills) {
      const entry = skills.get(skill.zh) ?? { text: skill[lang], codes: [] };
      entry.codes.push(scenario.code);
      skills.set(skill.zh, entry);
    }
  }
  const paragraphs = [
    say(
      `组织保障：成立由企业主要负责人牵头的数字化转型领导小组，结合条件设置首席信息官（CIO）、首席数据官（CDO）等岗位，组建专门的数字化转型队伍（排期峰值需投入约 ${money(peak)} 人${capacity === undefined ? '' : `，可用人员能力 ${money(capacity)} 人`}），持续加大数字化投入。按需遴选软件开发商、自动化集成商、平台服务商等外部服务商，强化深度整合，形成系统实施推进合力（指南 二（二））。`,
      `Organisation: a transformation steering group led by the head of the enterprise; CIO and CDO roles where conditions allow; a dedicated transformation team (the schedule needs about ${money(peak)} people at its peak${capacity === undefined ? '' : `, ${money(capacity)} available`}). Software developers, automation integrators and platform providers are selected as needed and integrated closely (guide 2.2).`,
    ),
    say(
      `人才保障：所选场景共需 ${skills.size} 项关键技能（见下表）。开展全员数字素养技能提升，强化复合型人才培养，深化校企联合培养，健全人才评价与激励机制（指南 五（八））。`,
      `Talent: the chosen scenarios need ${skills.size} key skills (table below). Raise digital skills across the workforce, train cross-disciplinary staff, cooperate with universities, and reward talent (guide 5.8).`,
    ),
    say(
      `资金保障：规划期计划投入 ${money(c.budget.totalSpend)} ${c.unit}，纳入年度预算并按期拨付；积极争取专项资金、数字化转型城市试点等政策支持，利用金融机构面向转型的金融产品与服务（指南 五（二））。`,
      `Funding: ${money(c.budget.totalSpend)} ${c.unit} over the horizon, in the annual budgets and released per period; seek special funds, city pilot programmes and financial products for transformation (guide 5.2).`,
    ),
    say(
      '网络安全：健全网络安全管理制度，落实《工业控制系统网络安全防护指南》要求，开展重要工业控制系统识别认定，实施定级防护、评估评测、监测预警、信息通报和应急处置（指南 五（七））。',
      'Cybersecurity: keep a security management system, apply the Guidelines for cybersecurity protection of industrial control systems, identify important control systems, and run graded protection, assessment, monitoring, reporting and incident response (guide 5.7).',
    ),
    say(
      '数据安全：落实《数据安全法》《工业和信息化领域数据安全管理办法（试行）》等要求，开展数据分类分级保护，做好重要数据识别与备案，定期开展数据安全风险评估，强化风险监测预警和应急处置能力（指南 五（七））。',
      'Data security: apply the Data Security Law and the Measures for data security management in industry and IT (trial); classify and grade data, identify and file important data, assess data security risks regularly and keep monitoring and response ready (guide 5.7).',
    ),
  ];
  const roles: [string, string][] = [
    [
      say('数字化转型领导小组', 'Steering group'),
      say(
        '审定规划与预算，协调跨部门资源，决策重大事项',
        'Approves plan and budget, coordinates departments, takes major decisions',
      ),
    ],
    [
      say('首席信息官（CIO）', 'Chief information officer (CIO)'),
      say(
        '统筹信息化与数字化建设、系统架构和网络安全',
        'Leads IT and digital projects, architecture and cybersecurity',
      ),
    ],
    [
      say('首席数据官（CDO）', 'Chief data officer (CDO)'),
      say(
        '负责数据战略、数据治理（对标 DCMM）、数据安全与数据价值挖掘',
        'Owns data strategy, governance (DCMM), data security and data value',
      ),
    ],
    [
      say('数字化转型团队', 'Transformation team'),
      say(
        '需求分析、项目管理、系统运维与持续优化',
        'Requirements, project management, operations and improvement',
      ),
    ],
    [
      say('业务部门负责人', 'Business unit heads'),
      say(
        '提出场景需求，组织流程优化与应用推广，参与成效评估',
        'Raise scenario needs, redesign processes, roll out, take part in evaluation',
      ),
    ],
    [
      say('外部服务商', 'External providers'),
      say(
        '软件开发、自动化集成与平台服务，按合同交付并转移知识',
        'Software, automation integration and platform services; deliver and transfer knowledge',
      ),
    ],
  ];
  return {
    title: say('保障条件', 'Safeguards'),
    text: paragraphs.join('\n'),
    tables: [
      {
        id: 'roles',
        title: say('组织与职责', 'Organisation and responsibilities'),
        columns: [
          { label: say('岗位 / 组织', 'Role'), width: 1.4 },
          { label: say('职责', 'Responsibilities'), width: 4 },
        ],
        rows: roles,
      },
      {
        id: 'skills',
        title: say('人才技能需求', 'Skills needed'),
        columns: [
          { label: say('技能', 'Skill'), width: 3 },
          { label: say('关联场景', 'Scenarios'), width: 2 },
        ],
        rows: [...skills.values()].map((s) => [s.text, s.codes.join(', ')]),
        emptyText: say('未选定场景。', 'No scenario chosen.'),
      },
    ],
  };
}

/** The one scale of band words, shared with the plan page. */
const BAND_NAMES: Readonly<Record<RiskBand, { zh: string; en: string }>> = BAND_WORDS;

export function risksSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  // the default risks a plan starts with print in the document's language; typed risks as typed
  const risks = input.risks.map((r) => localizeRisk(r, lang));
  const valid = risks.filter((r) => riskEntryProblems(r).length === 0);
  const skipped = risks.length - valid.length;
  const summary = summariseRisks(valid, valid.length);
  const byId = new Map(input.initiatives.map((i) => [i.id, i]));
  const paragraphs: string[] = [];
  if (summary.count === 0) {
    paragraphs.push(
      say(
        '尚未登记风险。建议从技术、组织、资金、数据与网络安全、供应商交付等方面识别风险，按可能性 × 影响评估并制定应对措施。',
        'No risk is registered yet. Identify technical, organisational, funding, data and network security, and supplier risks; score them by likelihood × impact and set mitigations.',
      ),
    );
  } else {
    const top = summary.top[0];
    paragraphs.push(
      say(
        `共识别 ${summary.count} 项风险：${BAND_WORDS.critical.zh} ${summary.byBand.critical} 项、${BAND_WORDS.high.zh} ${summary.byBand.high} 项、${BAND_WORDS.medium.zh} ${summary.byBand.medium} 项、${BAND_WORDS.low.zh} ${summary.byBand.low} 项。风险按可能性（1–5）× 影响（1–5）评分，期望损失合计 ${money(summary.expectedLoss)} ${c.unit}。${top === undefined ? '' : `最高风险为${quoted(top.title)}（${top.score} 分）。`}`,
        `${summary.count} risks are registered: ${summary.byBand.critical} ${BAND_WORDS.critical.en}, ${summary.byBand.high} ${BAND_WORDS.high.en}, ${summary.byBand.medium} ${BAND_WORDS.medium.en}, ${summary.byBand.low} ${BAND_WORDS.low.en}. Each is scored likelihood (1–5) × impact (1–5); the expected loss totals ${money(summary.expectedLoss)} ${c.unit}.${top === undefined ? '' : ` The highest is ${quoted(top.title)} (${top.score}).`}`,
      ),
    );
  }
  if (skipped > 0) {
    paragraphs.push(
      say(
        `另有 ${skipped} 项风险数据不完整（可能性、影响或应对措施缺失），未计入评估。`,
        `${skipped} incomplete risk entr${skipped === 1 ? 'y is' : 'ies are'} left out of the assessment.`,
      ),
    );
  }
  return {
    title: say('风险评估', 'Risk assessment'),
    text: paragraphs.join('\n'),
    tables: [
      {
        id: 'risks',
        title: say('风险登记表', 'Risk register'),
        columns: [
          { label: say('编号', 'Id'), width: 0.6 },
          { label: say('风险', 'Risk'), width: 2 },
          { label: say('关联项目', 'Project'), width: 1.3 },
          { label: say('可能性', 'L'), width: 0.6, align: 'right' },
          { label: say('影响', 'I'), width: 0.55, align: 'right' },
          { label: say('分值', 'Score'), width: 0.55, align: 'right' },
          { label: say('等级', 'Band'), width: 0.6 },
          { label: say('应对措施', 'Mitigation'), width: 2.4 },
          { label: say('期望损失', 'Exp. loss'), width: 0.8, align: 'right' },
        ],
        rows: [...summary.top].sort(compareRisks).map((r) => {
          const initiative = r.initiativeId === undefined ? undefined : byId.get(r.initiativeId);
          return [
            r.id,
            r.title,
            initiative === undefined ? (r.initiativeId ?? '—') : initiativeTitle(initiative),
            String(r.likelihood),
            String(r.impact),
            String(r.score),
            BAND_NAMES[r.band][lang],
            r.mitigation,
            r.exposure === undefined ? '—' : money(r.expectedLoss),
          ];
        }),
        emptyText: say('尚未登记风险。', 'No risk registered.'),
      },
    ],
  };
}
