/**
 * Sections of the plan document that say where the enterprise is going (guide 二(一), 四): 目标愿景, 分类推进策略,
 * 任务框架, 系统架构, 技术路线.
 */
import { horizonLabel, horizonYears, periodYear } from '../core/planning/plan-calendar.ts';
import type { ProcessType } from '../core/planning/candidates-defaults.ts';
import type { LocalizedText } from '../core/shared/text.ts';
import { roadmapChart } from './plan-document-charts.ts';
import { projectsOf, type PlanContext, type SectionDraft } from './plan-document-context.ts';
import { initiativeTitle } from './plan-document-figures.ts';
import { joinList, money, ordinal, percent, periodName, quoted } from './plan-document-format.ts';
import type { PlanTable } from './plan-document-types.ts';

function scenarioLabel(context: PlanContext, code: string): string {
  const scenario = context.input.atlas.scenarios.find((s) => s.code === code);
  return scenario === undefined ? code : `${code} ${scenario.name[context.lang]}`;
}

function enterpriseTypeName(context: PlanContext, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return context.input.atlas.vocabulary.enterpriseTypes.find((t) => t.id === id)?.name[context.lang] ?? id;
}

function processTypeName(context: PlanContext, processType: ProcessType | undefined): string | undefined {
  if (processType === 'process') return context.say('流程型制造', 'process manufacturing');
  if (processType === 'discrete') return context.say('离散型制造', 'discrete manufacturing');
  return undefined;
}

/** Value tags of the chosen scenarios, most frequent first. */
function valueTagNames(context: PlanContext): string[] {
  const counts = new Map<string, number>();
  for (const scenario of context.scenarios)
    for (const tag of scenario.valueTags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const names = new Map(context.input.atlas.vocabulary.valueTags.map((t) => [t.id, t.name[context.lang]]));
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => names.get(id) ?? id)
    .map((name) => (context.lang === 'en' ? name.toLowerCase() : name));
}

export function visionSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const profile = input.profile;
  const facts = [
    profile.industry,
    processTypeName(c, profile.processType),
    profile.employees === undefined
      ? undefined
      : say(`${profile.employees} 人`, `${profile.employees} employees`),
    enterpriseTypeName(c, profile.enterpriseType),
    profile.revenue === undefined
      ? undefined
      : say(
          `年营业收入 ${money(profile.revenue)} ${c.unit}`,
          `annual revenue ${money(profile.revenue)} ${c.unit}`,
        ),
  ].filter((fact): fact is string => fact !== undefined && fact.trim() !== '');
  const org = input.organisation.name;
  const horizonYears = c.instance.periods / c.instance.periodsPerYear;
  const paragraphs = [
    say(
      `${org}${facts.length > 0 ? `（${joinList(facts, lang)}）` : ''}以企业发展实际为出发点、以解决痛点难点问题为目标、以提升全要素生产率为导向、以场景数字化为切入点，制定本数字化转型规划，明确转型方向和目标，按“规划-实施-评估-优化”持续改进。`,
      `${org}${facts.length > 0 ? ` (${joinList(facts, lang)})` : ''} sets out this digital transformation plan starting from its actual situation, aimed at its pain points, oriented to total factor productivity and entering through scenario digitalisation, improved continuously through plan – implement – evaluate – optimise.`,
    ),
  ];
  if (c.solved) {
    const tags = valueTagNames(c);
    paragraphs.push(
      say(
        `规划期 ${horizonLabel(input.settings.start, c.instance.periodsPerYear, c.instance.periods, 'zh')}，共 ${money(horizonYears)} 年（${c.instance.periods} 个${periodName(c.instance.periodsPerYear, lang)}）。规划选定 ${c.rows.length} 个实施项目，覆盖 ${c.scenarios.length} 个典型场景${tags.length > 0 ? `，主要价值目标为${joinList(tags, lang)}` : ''}。计划总投入 ${money(c.budget.totalSpend)} ${c.unit}，占规划期预算的 ${percent(c.budget.totalBudget > 0 ? c.budget.totalSpend / c.budget.totalBudget : null)}；项目组合的风险调整净现值为 ${money(input.solution.objective ?? 0)} ${c.unit}。`,
        `The horizon runs ${horizonLabel(input.settings.start, c.instance.periodsPerYear, c.instance.periods, 'en')}: ${money(horizonYears)} years (${c.instance.periods} ${periodName(c.instance.periodsPerYear, lang)}). The plan selects ${c.rows.length} projects covering ${c.scenarios.length} typical scenarios${tags.length > 0 ? `, aiming mainly at ${joinList(tags, lang)}` : ''}. Planned investment is ${money(c.budget.totalSpend)} ${c.unit}, ${percent(c.budget.totalBudget > 0 ? c.budget.totalSpend / c.budget.totalBudget : null)} of the budget; the risk-adjusted net present value of the portfolio is ${money(input.solution.objective ?? 0)} ${c.unit}.`,
      ),
    );
  } else {
    paragraphs.push(
      say(
        `规划求解未得到可行的项目组合（${input.solution.status}）：${input.solution.reason ?? '—'}。请调整预算、工期或前置关系后重新求解。`,
        `The planner found no feasible portfolio (${input.solution.status}): ${input.solution.reason ?? '—'}. Adjust budgets, durations or prerequisites and solve again.`,
      ),
    );
  }
  paragraphs.push(
    say(
      '转型目标以所选场景的成效指标衡量（见下表），基线值与目标值在规划评审时填写。成效评估时对照营收增长率、利润率、研发周期、生产运营效率、库存周转率、客户满意度等指标梳理目标达成情况（指南 二（三））。',
      'Targets are measured by the KPIs of the chosen scenarios (table below); baselines and target values are filled in at the plan review. Evaluation compares revenue growth, profit margin, development cycle, operating efficiency, inventory turnover and customer satisfaction against them (guide 2.3).',
    ),
  );
  const kpiIds = new Set(c.scenarios.flatMap((s) => s.kpis));
  const tagNames = new Map(input.atlas.vocabulary.valueTags.map((t) => [t.id, t.name[lang]]));
  const targets: PlanTable = {
    id: 'targets',
    title: say('转型目标指标', 'Target indicators'),
    columns: [
      { label: say('指标', 'KPI'), width: 2.2 },
      { label: say('单位', 'Unit'), width: 1 },
      { label: say('改进方向', 'Direction'), width: 0.9 },
      { label: say('价值标签', 'Value tag'), width: 0.8 },
      { label: say('关联场景', 'Scenarios'), width: 1.9 },
      { label: say('基线值', 'Baseline'), width: 0.7 },
      { label: say('目标值', 'Target'), width: 0.7 },
    ],
    rows: input.atlas.kpis
      .filter((kpi) => kpiIds.has(kpi.id))
      .map((kpi) => [
        kpi.name[lang],
        kpi.unit,
        kpi.direction === 'up' ? say('↑ 提升', '↑ raise') : say('↓ 降低', '↓ lower'),
        tagNames.get(kpi.valueTag) ?? kpi.valueTag,
        c.scenarios
          .filter((s) => s.kpis.includes(kpi.id))
          .map((s) => s.code)
          .join(', '),
        '',
        '',
      ]),
    emptyText: say('所选项目未关联场景指标。', 'The chosen projects name no scenario KPIs.'),
  };
  return { title: say('目标愿景', 'Vision and targets'), text: paragraphs.join('\n'), tables: [targets] };
}

const STRATEGY_NOTES: Readonly<Record<string, LocalizedText>> = {
  leader: {
    zh: '规划宜安排面向产业链的平台与协同场景，开发标准化、模块化、解耦化的数字工具，开放制造能力、设计创意和专业知识，并将产业链供应链安全预警纳入实施任务。',
    en: 'Plan chain-wide platform and collaboration scenarios, build standardised, modular, decoupled digital tools, open manufacturing capacity, design ideas and know-how, and include supply-chain security early warning in the tasks.',
  },
  large: {
    zh: '规划覆盖全流程、全场景、全链条，宜同步推进组织管理模式变革（由科层制向柔性组织转变）和业务模式创新，培育新的业务增长点。',
    en: 'Cover every process, scenario and chain; change the organisation (from hierarchy to flexible structures) and the business model alongside, growing new lines of business.',
  },
  'little-giant': {
    zh: '宜加强关键业务系统部署应用，围绕产品数字孪生、设计制造一体化、个性化定制等复杂场景开展系统化集成改造。',
    en: 'Strengthen key business systems and integrate complex scenarios such as product digital twins, integrated design and manufacturing, and personalised customisation.',
  },
  'specialized-sme': {
    zh: '宜以需求迫切的场景为突破口实施重点场景深度改造，先易后难、以见效快的项目带动后续投入，并强化与龙头企业的标准适配、信息共享和业务协同。',
    en: 'Break through with the most urgent scenarios and transform them deeply, easy ones first so that quick returns fund later steps, and align standards, information and business with lead enterprises.',
  },
  micro: {
    zh: '宜开展普惠性上云用数赋智，优先采用工业互联网平台的云化研发设计、生产管理和运营优化等订阅式服务，控制一次性投入。',
    en: 'Move to the cloud: prefer subscription services of industrial internet platforms for design, production management and operations, keeping up-front investment low.',
  },
};

export function strategySection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const typeId = input.profile.enterpriseType;
  const entry = input.atlas.vocabulary.enterpriseTypes.find((t) => t.id === typeId);
  const paragraphs: string[] = [];
  if (entry === undefined) {
    paragraphs.push(
      say(
        '企业类型未填写。指南 四 按企业类型分类推进：行业龙头企业引领“链式”转型，大型企业加速“整体”转型，中小企业实施“梯次”转型。请在企业画像中选择企业类型，以核对场景选择是否与转型策略相匹配。',
        'The enterprise type is not given. Guide section 4 differentiates: lead enterprises drive chain-wide transformation, large enterprises transform as a whole, SMEs transform step by step. Choose the type in the profile to check the scenarios against the strategy.',
      ),
    );
  } else {
    paragraphs.push(
      say(
        `本企业属于${quoted(entry.name.zh)}。${entry.description.zh}`,
        `The enterprise is a ${entry.name.en}. ${entry.description.en}`,
      ),
    );
    const note = STRATEGY_NOTES[entry.id];
    if (note !== undefined) paragraphs.push(note[lang]);
    const misfits = c.scenarios.filter((s) => !s.enterpriseTypes.includes(entry.id));
    paragraphs.push(
      misfits.length === 0
        ? say(
            `所选 ${c.scenarios.length} 个场景均在场景图谱中标注为适用于该类型企业。`,
            `All ${c.scenarios.length} chosen scenarios are marked in the atlas as suited to this type of enterprise.`,
          )
        : say(
            `所选场景中，${joinList(
              misfits.map((s) => `${s.code} ${s.name.zh}`),
              lang,
            )} 未标注为适用于该类型企业，实施前宜评估基础条件和资源是否具备。`,
            `Of the chosen scenarios, ${joinList(
              misfits.map((s) => `${s.code} ${s.name.en}`),
              lang,
            )} are not marked as suited to this type; check foundations and resources before starting them.`,
          ),
    );
  }
  const typeNames = new Map(input.atlas.vocabulary.enterpriseTypes.map((t) => [t.id, t.name[lang]]));
  const fit: PlanTable = {
    id: 'strategy-fit',
    title: say('场景与企业类型匹配', 'Scenarios and enterprise type'),
    columns: [
      { label: say('场景', 'Scenario'), width: 1.6 },
      { label: say('适用企业类型', 'Suited to'), width: 3 },
      { label: say('匹配', 'Fits'), width: 0.6 },
    ],
    rows: c.scenarios.map((s) => [
      `${s.code} ${s.name[lang]}`,
      joinList(
        s.enterpriseTypes.map((id) => typeNames.get(id) ?? id),
        lang,
      ),
      entry === undefined ? '—' : s.enterpriseTypes.includes(entry.id) ? say('是', 'yes') : say('否', 'no'),
    ]),
    emptyText: say('未选定场景。', 'No scenario chosen.'),
  };
  return {
    title: say('分类推进策略', 'Strategy by enterprise type'),
    text: paragraphs.join('\n'),
    tables: [fit],
  };
}

export function taskFrameworkSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const tagNames = new Map(input.atlas.vocabulary.valueTags.map((t) => [t.id, t.name[lang]]));
  const rows: string[][] = [];
  const covered: string[] = [];
  for (const category of input.atlas.vocabulary.categories) {
    const scenarios = c.scenarios.filter((s) => s.category === category.id);
    if (scenarios.length > 0) covered.push(category.name[lang]);
    rows.push([
      category.name[lang],
      scenarios.length === 0
        ? say('—（本期未安排）', '— (not in this plan)')
        : scenarios.map((s) => `${s.code} ${s.name[lang]}`).join('\n'),
      scenarios.flatMap((s) => projectsOf(c, s.code).map((p) => initiativeTitle(p.initiative))).join('\n'),
      joinList(
        [...new Set(scenarios.flatMap((s) => s.valueTags))].map((id) => tagNames.get(id) ?? id),
        lang,
      ),
    ]);
  }
  const foundations = c.projects.filter((p) => p.scenario === undefined);
  if (foundations.length > 0) {
    rows.push([c.otherCategory, '—', foundations.map((p) => initiativeTitle(p.initiative)).join('\n'), '']);
  }
  const paragraphs = [
    say(
      `按指南附件1的场景分类，将规划任务分解为研发设计、生产制造、运维服务、经营管理、供应链管理和跨环节协同六类场景任务，以场景转型之“和”形成企业整体转型之“解”。本规划覆盖其中 ${covered.length} 类${covered.length > 0 ? `：${joinList(covered, lang)}` : ''}。`,
      `Following the scenario categories of annex 1, the plan's tasks fall into research and design, production, operations and service, business management, supply chain and cross-stage collaboration; the sum of scenario transformations makes the enterprise's transformation. This plan covers ${covered.length} of them${covered.length > 0 ? `: ${joinList(covered, lang)}` : ''}.`,
    ),
  ];
  if (foundations.length > 0) {
    paragraphs.push(
      say(
        `另有 ${foundations.length} 个基础支撑项目（${joinList(
          foundations.map((p) => initiativeTitle(p.initiative)),
          lang,
        )}）为场景实施提供数据采集、网络与平台等共性基础。`,
        `${foundations.length} foundation project(s) (${joinList(
          foundations.map((p) => initiativeTitle(p.initiative)),
          lang,
        )}) provide the shared data collection, network and platform base.`,
      ),
    );
  }
  return {
    title: say('任务框架', 'Task framework'),
    text: paragraphs.join('\n'),
    tables: [
      {
        id: 'task-framework',
        title: say('场景任务框架', 'Scenario task framework'),
        columns: [
          { label: say('场景类别', 'Category'), width: 1 },
          { label: say('场景', 'Scenarios'), width: 2 },
          { label: say('实施项目', 'Projects'), width: 2 },
          { label: say('价值标签', 'Value tags'), width: 1.2 },
        ],
        rows,
      },
    ],
  };
}

/** Distinct entries (by their Chinese text) in first-seen order, shown in the document language. */
function distinct(lists: readonly (readonly LocalizedText[])[], lang: 'zh' | 'en'): string[] {
  const seen = new Map<string, string>();
  for (const list of lists) for (const item of list) if (!seen.has(item.zh)) seen.set(item.zh, item[lang]);
  return [...seen.values()];
}

export function architectureSection(c: PlanContext): SectionDraft {
  const { say, lang } = c;
  const infrastructure = distinct(
    c.scenarios.map((s) => s.infrastructure),
    lang,
  );
  const data = distinct(
    c.scenarios.map((s) => s.elements.data),
    lang,
  );
  const models = distinct(
    c.scenarios.map((s) => s.elements.models),
    lang,
  );
  const tools = distinct(
    c.scenarios.map((s) => s.elements.tools),
    lang,
  );
  const applications = c.scenarios.map((s) => s.name[lang]);
  const sep = say('；', '; ');
  const layer = (name: string, items: readonly string[]): string[] => [
    name,
    items.length === 0 ? '—' : items.join(sep),
    String(items.length),
  ];
  const text = say(
    `系统架构按“基础设施—数据—模型—应用”分层设计，各层构成要素取自所选场景的“四清单”与数字基础设施（指南附件1 一（二）），已去重合并。基础设施层提供网络、算力与安全保障（${infrastructure.length} 项）；数据层汇聚 ${data.length} 类数据要素，统一数据标准与主数据；模型层沉淀 ${models.length} 个知识模型，实现模型复用与互认；应用层部署 ${tools.length} 类工具软件，支撑 ${applications.length} 个业务场景。各层之间通过工具打通、数据互连、模型互认形成数字主线。`,
    `The architecture is layered infrastructure – data – models – applications; each layer lists the elements of the chosen scenarios' four lists and digital infrastructure (annex 1, 1.2), deduplicated. Infrastructure provides network, computing and security (${infrastructure.length} items); the data layer gathers ${data.length} kinds of data under common standards and master data; the model layer keeps ${models.length} knowledge models for reuse; the application layer deploys ${tools.length} kinds of tools serving ${applications.length} scenarios. Tool integration, data interconnection and model recognition tie the layers into a digital thread.`,
  );
  return {
    title: say('系统架构', 'System architecture'),
    text,
    tables: [
      {
        id: 'architecture',
        title: say('分层系统架构（自下而上）', 'Layered architecture (bottom up)'),
        columns: [
          { label: say('层级', 'Layer'), width: 1.1 },
          { label: say('构成要素', 'Elements'), width: 5 },
          { label: say('数量', 'Count'), width: 0.5, align: 'right' },
        ],
        rows: [
          layer(say('基础设施层', 'Infrastructure'), infrastructure),
          layer(say('数据层（数据要素）', 'Data (data elements)'), data),
          layer(say('模型层（知识模型）', 'Models (knowledge models)'), models),
          layer(say('应用层（工具软件）', 'Applications (tools and software)'), tools),
          layer(say('应用层（业务场景）', 'Applications (scenarios)'), applications),
        ],
      },
    ],
  };
}

export function technicalRouteSection(c: PlanContext): SectionDraft {
  const { say, input, lang } = c;
  const ppy = c.instance.periodsPerYear;
  const start = input.settings.start;
  const span = horizonYears(start, ppy, c.instance.periods);
  const yearOf = (period: number): number => periodYear(start, ppy, period);
  const phases: string[] = [];
  let phase = 0;
  // one phase per calendar year in which a project starts or finishes
  for (let year = span.first; year <= span.last; year++) {
    const starting = c.rows.filter((r) => yearOf(r.start) === year).map((r) => r.title);
    const finishing = c.rows.filter((r) => yearOf(r.end) === year).map((r) => r.title);
    if (starting.length === 0 && finishing.length === 0) continue;
    const parts = [
      starting.length > 0 ? say(`启动${joinList(starting, lang)}`, `start ${joinList(starting, lang)}`) : '',
      finishing.length > 0
        ? say(`完成${joinList(finishing, lang)}`, `finish ${joinList(finishing, lang)}`)
        : '',
    ].filter((part) => part !== '');
    phases.push(
      say(
        `第${ordinal(phase, 'zh')}阶段（${year}年）：${parts.join('；')}。`,
        `Phase ${phase + 1} (${year}): ${parts.join('; ')}.`,
      ),
    );
    phase += 1;
  }
  const chosen = new Set(c.scenarios.map((s) => s.code));
  const links = input.atlas.links.filter((l) => chosen.has(l.from) && chosen.has(l.to));
  const chainNames = new Map(input.atlas.vocabulary.chains.map((ch) => [ch.id, ch.name[lang]]));
  const finishOf = (code: string): number | undefined => {
    const ends = c.rows.filter((r) => r.scenarioCode === code).map((r) => r.end);
    return ends.length === 0 ? undefined : Math.min(...ends);
  };
  const startOf = (code: string): number | undefined => {
    const starts = c.rows.filter((r) => r.scenarioCode === code).map((r) => r.start);
    return starts.length === 0 ? undefined : Math.min(...starts);
  };
  const rows = links.map((link) => {
    let order = say('否', 'no');
    if (link.prerequisite) {
      const finish = finishOf(link.from);
      const start = startOf(link.to);
      order =
        finish !== undefined && start !== undefined && start <= finish
          ? say('是（排期早于前置场景完成，需核对）', 'yes (starts before its prerequisite finishes: check)')
          : say('是（已满足）', 'yes (met)');
    }
    return [
      scenarioLabel(c, link.from),
      scenarioLabel(c, link.to),
      chainNames.get(link.chain) ?? link.chain,
      link.flow[lang],
      order,
    ];
  });
  const paragraphs = [
    say(
      `技术路线遵循“由点及面、由浅及深、由易及难”的原则，按项目排期分 ${phase} 个阶段推进（见路线图，时间单位为${periodName(ppy, 'zh')}）：`,
      `The route goes from point to area, shallow to deep, easy to hard, in ${phase} phase(s) following the schedule (see the roadmap; time in ${periodName(ppy, 'en')}):`,
    ),
    ...phases,
    say(
      `场景之间通过工具打通、数据互连、模型互认连接，畅通工具链、数据链、模型链（附件1 一（三））。所选场景之间共有 ${links.length} 条链路（见下表），实施时按链路顺序贯通数据与模型。`,
      `Scenarios connect through tool integration, data interconnection and model recognition along the tool, data and model chains (annex 1, 1.3). The chosen scenarios share ${links.length} link(s) (table below); implement them in chain order so data and models flow through.`,
    ),
  ];
  const chart = roadmapChart(
    c.rows,
    c.instance.periods,
    c.period,
    c.otherCategory,
    say('实施路线图', 'Implementation roadmap'),
    c.colours,
  );
  return {
    title: say('技术路线', 'Technical route'),
    text: paragraphs.join('\n'),
    charts: c.rows.length > 0 ? [chart] : [],
    tables: [
      {
        id: 'chains',
        title: say('场景链路', 'Links between chosen scenarios'),
        columns: [
          { label: say('上游场景', 'From'), width: 1.4 },
          { label: say('下游场景', 'To'), width: 1.4 },
          { label: say('链路', 'Chain'), width: 0.7 },
          { label: say('流转内容', 'What flows'), width: 2.6 },
          { label: say('前置', 'Prerequisite'), width: 1 },
        ],
        rows,
        emptyText: say('所选场景之间没有图谱链路。', 'No atlas links between the chosen scenarios.'),
      },
    ],
  };
}
