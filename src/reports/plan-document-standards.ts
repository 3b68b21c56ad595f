/**
 * Standards and rules a transformation plan refers to (标准体系, guide 二(一), 五(三), 五(七)). Named, never quoted.
 * `when` narrows an entry to the enterprises it concerns.
 */
import type { PlanDocumentProfile } from './plan-document-types.ts';

export interface PlanStandard {
  readonly name: { readonly zh: string; readonly en: string };
  /** Standard number or issuing body. */
  readonly code: string;
  readonly use: { readonly zh: string; readonly en: string };
  readonly when?: (profile: PlanDocumentProfile) => boolean;
}

const SME_TYPES = new Set(['little-giant', 'specialized-sme', 'micro']);

export const PLAN_STANDARDS: readonly PlanStandard[] = [
  {
    name: {
      zh: '信息化和工业化融合管理体系 基础和术语',
      en: 'IT–industrialisation integration management system: fundamentals and vocabulary',
    },
    code: 'GB/T 23000-2017',
    use: { zh: '统一转型管理的术语与概念', en: 'Common terms and concepts for managing the transformation' },
  },
  {
    name: {
      zh: '信息化和工业化融合管理体系 要求',
      en: 'IT–industrialisation integration management system: requirements',
    },
    code: 'GB/T 23001-2017',
    use: {
      zh: '按“规划-实施-评估-优化”建立两化融合管理体系，支撑评估诊断与持续改进（指南 二（一））',
      en: 'Management system for the plan–implement–evaluate–optimise cycle; basis of diagnosis and improvement (guide 2.1)',
    },
  },
  {
    name: { zh: '智能制造能力成熟度模型', en: 'Intelligent manufacturing capability maturity model' },
    code: 'GB/T 39116-2020',
    use: {
      zh: '评估智能制造能力等级，确定分阶段能力目标',
      en: 'Assess the intelligent-manufacturing capability level and set staged capability targets',
    },
  },
  {
    name: {
      zh: '智能制造能力成熟度评估方法',
      en: 'Intelligent manufacturing capability maturity assessment method',
    },
    code: 'GB/T 39117-2020',
    use: { zh: '成熟度评估的过程与评分方法', en: 'Assessment process and scoring for the maturity model' },
  },
  {
    name: {
      zh: '数据管理能力成熟度评估模型（DCMM）',
      en: 'Data management capability maturity model (DCMM)',
    },
    code: 'GB/T 36073-2018',
    use: {
      zh: '建立数据战略、数据治理、数据质量、数据安全等数据管理能力（指南 五（三））',
      en: 'Data strategy, governance, quality and security capabilities (guide 5.3)',
    },
  },
  {
    name: { zh: '中小企业数字化水平评测指标', en: 'SME digitalisation level evaluation indicators' },
    code: '工业和信息化部 / MIIT',
    use: {
      zh: '评测中小企业数字化水平，明确转型优先级（指南 二（一）、四（三））',
      en: 'Evaluate the SME digitalisation level and set priorities (guide 2.1, 4.3)',
    },
    when: (profile) => profile.enterpriseType === undefined || SME_TYPES.has(profile.enterpriseType),
  },
  {
    name: {
      zh: '工业控制系统网络安全防护指南',
      en: 'Guidelines for cybersecurity protection of industrial control systems',
    },
    code: '工业和信息化部 / MIIT',
    use: {
      zh: '识别重要工业控制系统，落实工控安全防护要求（指南 五（七））',
      en: 'Identify important industrial control systems and apply the ICS protection requirements (guide 5.7)',
    },
  },
  {
    name: { zh: '网络安全等级保护基本要求', en: 'Baseline for classified protection of cybersecurity' },
    code: 'GB/T 22239-2019',
    use: {
      zh: '信息系统定级防护与评估评测',
      en: 'Grading, protection and assessment of information systems',
    },
  },
  {
    name: { zh: '中华人民共和国数据安全法', en: 'Data Security Law of the PRC' },
    code: '2021',
    use: {
      zh: '数据分类分级保护、重要数据识别与风险评估（指南 五（七））',
      en: 'Data classification and grading, important-data identification, risk assessment (guide 5.7)',
    },
  },
  {
    name: {
      zh: '工业和信息化领域数据安全管理办法（试行）',
      en: 'Measures for data security management in industry and IT (trial)',
    },
    code: '工业和信息化部 / MIIT',
    use: {
      zh: '工业数据分类分级、重要数据备案与安全防护（指南 五（七））',
      en: 'Industrial data grading, filing of important data and protection (guide 5.7)',
    },
  },
];

export function standardsFor(profile: PlanDocumentProfile): PlanStandard[] {
  return PLAN_STANDARDS.filter((standard) => standard.when === undefined || standard.when(profile));
}
