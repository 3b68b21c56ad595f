import type { Unreachable } from '../core/diagnosis/result.ts';
import type { LevelCondition } from '../core/diagnosis/level-rule.ts';
import { unreachableText } from '../core/diagnosis/unreachable-text.ts';

const mark = (met: boolean) => (met ? '✓' : '✗');
const num = (n: number) => String(Number(n.toFixed(3)));

/** The report's fixed wording in both languages (every sentence the report writes itself). */
export type ReportLang = 'zh' | 'en';

const zh = {
  title: '数字化转型诊断报告',
  headerTitle: '图谱 Tupu · 数字化转型诊断报告',
  organisation: '受评组织',
  model: '评测模型',
  version: '版本',
  date: '日期',
  mode: '评估方式',
  assessment: '评估名称',
  modes: { self: '自评', assessor: '现场评估' },
  orgKinds: {
    enterprise: '企业',
    service_provider: '服务商',
    authority: '主管部门',
    association: '行业协会',
    platform: '平台',
  } as Record<string, string>,
  sections: {
    summary: '一、总体结论',
    level: '二、等级与门槛',
    dimensions: '三、维度得分',
    scenes: '四、数字化经营场景',
    subdomains: '四、能力子域得分',
    groups: '四、分组符合度',
    gaps: '五、差距与对应场景',
    todo: '六、晋级路径（待办清单）',
    comparison: '七、与上次评估对比',
    evidence: '八、佐证材料索引',
    methods: '九、方法说明',
  },
  score: '得分',
  maxScore: '满分',
  percent: '得分率',
  level: '等级',
  noLevel: '未达级',
  strengths: '相对优势',
  weaknesses: '相对短板',
  none: '无',
  dimension: '维度',
  area: '能力域',
  subdomain: '能力子域',
  part: '部分',
  group: '分组',
  scene: '场景',
  sceneGroup: '场景类别',
  constrained: '约束性',
  sceneLevel: '场景等级',
  sceneLevelN: (n: number) => (n === 0 ? '未开展' : `${n} 级`),
  levelName: '等级',
  levelRequirement: '达级要求',
  levelStatus: '状态',
  reached: '已达到',
  notReached: '未达到',
  passed: '通过',
  notPassed: '未通过',
  notCounted: '不计入',
  levelScore: '等级得分',
  minS: '区间下限',
  item: '评测项',
  current: '当前',
  best: '最佳',
  lostPoints: '失分',
  scenarios: '对应场景',
  scenarioCode: '场景编码',
  scenarioName: '场景名称',
  category: '类别',
  addressedLoss: '可挽回失分',
  addressedItems: '涉及评测项',
  change: '调整',
  gain: '得分提升',
  previous: '上次',
  this: '本次',
  delta: '变化',
  total: '总分',
  file: '文件',
  size: '大小',
  uploadedAt: '上传时间',
  noAnswer: '未作答',
  notApplicable: '不适用',
  radarCaption: '图 1 各维度得分率（%）',
  scenesCaption: '图 2 各场景当前等级',
  subdomainsCaption: '图 2 各能力子域得分率（%）',
  groupsCaption: '图 2 各分组符合度（%）',
  comparisonCaption: '图 3 各维度得分率对比（%）',
  source: '模型来源',
  publisher: '发布方',
  uncertainty: '编码中尚不确定之处',
  moreGaps: (n: number) => `另有 ${n} 项差距未列出，按失分从高到低只列前若干项。`,
  topScenarios: '最值得优先实施的场景（按可挽回失分汇总）',
  noGaps: '所有评测项均已达到最佳答案，没有差距。',
  noEvidence: '本次评估未上传佐证材料。',
  topLevel: (level: string) => `已达到模型的最高等级（${level}），没有更高等级。`,
  checklistNoLevels: '本模型为核查清单，不设等级：每一项差距都是需要满足的要求。',
  unreachable: (target: string, reason: string) => `在现有题目范围内无法达到${target}：${reason}。`,
  why: (w: Unreachable): string => unreachableText(w, 'zh'),
  todoIntro: (target: string, n: number, gain: string) =>
    `以下 ${n} 项调整是达到${target}所需的最少改进（按模型规则精确计算），合计提升 ${gain} 分。逐项完成后即满足${target}的全部门槛。`,
  disclaimer:
    '本报告由图谱（Tupu）开源平台依据所选评测模型对填报答案自动计算生成，仅供企业自我诊断与改进规划参考，不构成任何官方评定、认证或评级结论。正式评测结果以主管部门认可的评测机构出具的结论为准。',
  familyNote: {
    points:
      '计分方式：各题按选项或比例分档计分，维度分为题目分之和；等级同时取决于总分与达到相应等级的场景数量（其中约束性场景单独计数）。',
    staged:
      '计分方式：各条要求按满足程度（不满足 / 部分满足 / 大部分满足 / 全部满足）评分，逐级加权汇总；某一等级得分达到通过线且下级均通过时计入总分 S，S 所在区间决定等级。',
    checklist:
      '计分方式：各条要求按符合程度计分（符合 1、部分符合 0.5、不符合 0），不适用项不计入分母；符合度为得分占可得分的比例。本清单不设等级。',
  },
  pointsGate: (score: number, scenes: number, sceneLevel: number, constrained: number) =>
    `总分 ≥ ${score}，且 ≥ ${scenes} 个场景达到 ${sceneLevel} 级及以上（其中约束性场景 ≥ ${constrained} 个）`,
  pointsNow: (score: string, scenes: number, constrained: number, sceneLevel: number) =>
    `当前总分 ${score}，${scenes} 个场景达到 ${sceneLevel} 级及以上（其中约束性 ${constrained} 个）。`,
  nextNeeds: (target: string, gate: string) => `要达到${target}，需要：${gate}。`,
  stagedGate: (minS: string, pass: string) => `S ≥ ${minS}（本级及以下各级得分均 ≥ ${pass}）`,
  position: '本企业',
  pointsPosition: (cs: readonly LevelCondition[]): string =>
    cs
      .map((c) =>
        c.kind === 'score'
          ? `总分 ${num(c.have)} ${mark(c.met)}`
          : c.kind === 'scenes'
            ? `${c.have} 个场景 ${mark(c.met)}`
            : c.kind === 'constrained'
              ? `约束性 ${c.have} 个 ${mark(c.met)}`
              : `S = ${num(c.have)} ${mark(c.met)}`,
      )
      .join('；'),
  stagedNow: (s: string) => `当前总分 S = ${s}。`,
  readingLevel: (org: string, model: string, score: string, max: string, pct: string, level: string) =>
    `${org}在《${model}》下得分 ${score} / ${max}（得分率 ${pct}%），当前等级为${level}。`,
  readingNoLevel: (org: string, model: string, score: string, max: string, pct: string) =>
    `${org}在《${model}》下得分 ${score} / ${max}（得分率 ${pct}%），尚未达到任何等级。`,
  readingChecklist: (org: string, model: string, pct: string, gaps: number) =>
    `${org}对照《${model}》的总体符合度为 ${pct}%，有 ${gaps} 项要求尚未完全符合。`,
  readingDims: (strong: string, weak: string) => `相对最强的是${strong}，最需要加强的是${weak}。`,
  readingNext: (target: string, n: number) => `距离${target}还需完成 ${n} 项改进（见“晋级路径”）。`,
  readingTop: '已达到最高等级，建议保持并持续优化。',
  dimRate: (name: string, pct: string) => `${name}（${pct}%）`,
  list: (xs: string[]) => xs.join('、'),
  /** between the parts of a citation */
  listSep: '；',
  /** between a label and its value on the cover (an ideographic space in Chinese) */
  labelGap: '\u3000',
  added: '新增',
  evidenceItem: '评测项',
  colon: '：',
  paren: (x: string) => `（${x}）`,
  /** how sentences join into a paragraph */
  sentenceGap: '',
};

export type ReportText = typeof zh;

const en: ReportText = {
  title: 'Digital Transformation Diagnosis Report',
  headerTitle: 'Tupu · Digital Transformation Diagnosis Report',
  organisation: 'Organisation',
  model: 'Evaluation model',
  version: 'Version',
  date: 'Date',
  mode: 'Assessment mode',
  assessment: 'Assessment',
  modes: { self: 'Self-assessment', assessor: 'On-site assessment' },
  orgKinds: {
    enterprise: 'Enterprise',
    service_provider: 'Service provider',
    authority: 'Authority',
    association: 'Industry association',
    platform: 'Platform',
  },
  sections: {
    summary: '1. Summary',
    level: '2. Level and gates',
    dimensions: '3. Dimension scores',
    scenes: '4. Business scenes',
    subdomains: '4. Sub-domain scores',
    groups: '4. Conformance by group',
    gaps: '5. Gaps and the scenarios that address them',
    todo: '6. Path to the next level (to-do list)',
    comparison: '7. Comparison with the previous assessment',
    evidence: '8. Evidence index',
    methods: '9. Method notes',
  },
  score: 'Score',
  maxScore: 'Maximum',
  percent: 'Rate',
  level: 'Level',
  noLevel: 'no level',
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  none: 'none',
  dimension: 'Dimension',
  area: 'Area',
  subdomain: 'Sub-domain',
  part: 'Part',
  group: 'Group',
  scene: 'Scene',
  sceneGroup: 'Scene group',
  constrained: 'Constrained',
  sceneLevel: 'Scene level',
  sceneLevelN: (n: number) => (n === 0 ? 'not started' : `level ${n}`),
  levelName: 'Level',
  levelRequirement: 'Requirement',
  levelStatus: 'Status',
  reached: 'reached',
  notReached: 'not reached',
  passed: 'passed',
  notPassed: 'not passed',
  notCounted: 'not counted',
  levelScore: 'Level score',
  minS: 'Lower bound',
  item: 'Item',
  current: 'Current',
  best: 'Best',
  lostPoints: 'Lost',
  scenarios: 'Scenarios',
  scenarioCode: 'Code',
  scenarioName: 'Scenario',
  category: 'Category',
  addressedLoss: 'Recoverable',
  addressedItems: 'Items',
  change: 'Change',
  gain: 'Gain',
  previous: 'Previous',
  this: 'This',
  delta: 'Change',
  total: 'Total',
  file: 'File',
  size: 'Size',
  uploadedAt: 'Uploaded',
  noAnswer: 'no answer',
  notApplicable: 'n/a',
  radarCaption: 'Figure 1 Score rate by dimension (%)',
  scenesCaption: 'Figure 2 Current level of each scene',
  subdomainsCaption: 'Figure 2 Score rate by sub-domain (%)',
  groupsCaption: 'Figure 2 Conformance by group (%)',
  comparisonCaption: 'Figure 3 Score rate by dimension, previous vs this (%)',
  source: 'Model source',
  publisher: 'Publisher',
  uncertainty: 'What is uncertain in this encoding',
  moreGaps: (n: number) => `${n} more gap(s) not listed; only the largest losses are shown.`,
  topScenarios: 'Scenarios to implement first (by recoverable points)',
  noGaps: 'Every item already has its best answer: no gaps.',
  noEvidence: 'No evidence files were uploaded for this assessment.',
  topLevel: (level: string) =>
    `The highest level of the model (${level}) is reached; there is no higher level.`,
  checklistNoLevels: 'This model is a checklist without levels: every gap is a requirement to meet.',
  unreachable: (target: string, reason: string) => `${target} cannot be reached within the model: ${reason}.`,
  why: (w: Unreachable): string => unreachableText(w, 'en'),
  todoIntro: (target: string, n: number, gain: string) =>
    `These ${n} changes are the fewest that reach ${target} (computed exactly from the model's rules), gaining ${gain} points in total. Once all are done, every gate of ${target} is met.`,
  disclaimer:
    'This report was generated by the open-source Tupu platform from the answers given, using the selected evaluation model. It supports self-diagnosis and improvement planning only and is not an official evaluation, certification or rating. Official results are those issued by an evaluation body recognised by the competent authority.',
  familyNote: {
    points:
      'Scoring: each question scores by option or ratio band; a dimension is the sum of its questions. The level needs both a total score and a number of scenes at that level (constrained scenes counted separately).',
    staged:
      'Scoring: each requirement is graded (not / partly / largely / fully met) and weighted level by level; a level counts in the overall score S when it reaches the pass mark and every lower level passed; the interval S falls in gives the level.',
    checklist:
      'Scoring: each requirement scores by conformance (met 1, partly 0.5, not 0); n/a items are left out of the denominator. Conformance is the share of the achievable score. The checklist has no levels.',
  },
  pointsGate: (score: number, scenes: number, sceneLevel: number, constrained: number) =>
    `a total score ≥ ${score} and ≥ ${scenes} scenes at level ${sceneLevel} or above (≥ ${constrained} of them constrained)`,
  pointsNow: (score: string, scenes: number, constrained: number, sceneLevel: number) =>
    `Now: total score ${score}, ${scenes} scenes at level ${sceneLevel} or above (${constrained} constrained).`,
  nextNeeds: (target: string, gate: string) => `${target} needs ${gate}.`,
  stagedGate: (minS: string, pass: string) =>
    `S ≥ ${minS} (this level and every lower level scoring ≥ ${pass})`,
  position: 'This enterprise',
  pointsPosition: (cs: readonly LevelCondition[]): string =>
    cs
      .map((c) =>
        c.kind === 'score'
          ? `score ${num(c.have)} ${mark(c.met)}`
          : c.kind === 'scenes'
            ? `${c.have} ${c.have === 1 ? 'scene' : 'scenes'} ${mark(c.met)}`
            : c.kind === 'constrained'
              ? `${c.have} constrained ${mark(c.met)}`
              : `S = ${num(c.have)} ${mark(c.met)}`,
      )
      .join('; '),
  stagedNow: (s: string) => `Now: overall score S = ${s}.`,
  readingLevel: (org: string, model: string, score: string, max: string, pct: string, level: string) =>
    `${org} scores ${score} / ${max} (${pct}%) on the ${model}, at ${level}.`,
  readingNoLevel: (org: string, model: string, score: string, max: string, pct: string) =>
    `${org} scores ${score} / ${max} (${pct}%) on the ${model} and has not reached a level yet.`,
  readingChecklist: (org: string, model: string, pct: string, gaps: number) =>
    `${org} conforms to the ${model} at ${pct}%; ${gaps} requirement(s) are not fully met.`,
  readingDims: (strong: string, weak: string) =>
    `The strongest dimension is ${strong}; the one most in need is ${weak}.`,
  readingNext: (target: string, n: number) =>
    `${n} change(s) lead to ${target} (see the path to the next level).`,
  readingTop: 'The highest level is reached; keep it up and keep improving.',
  dimRate: (name: string, pct: string) => `${name} (${pct}%)`,
  list: (xs: string[]) => xs.join(', '),
  listSep: '; ',
  labelGap: ': ',
  added: 'add',
  evidenceItem: 'Item',
  colon: ': ',
  paren: (x: string) => ` (${x})`,
  sentenceGap: ' ',
};

export function reportText(lang: ReportLang): ReportText {
  return lang === 'en' ? en : zh;
}
