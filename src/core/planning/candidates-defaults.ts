/**
 * Every default number a new plan starts from, in one place. They are STARTING ASSUMPTIONS for the planner to edit,
 * not benchmarks: Tupu's own round figures, scaled by enterprise type (guide 四 强化分类推进) and revenue, so that a
 * first plan has the right order of magnitude. Money is in 万元 (10,000 CNY) throughout.
 */
import type { LocalizedText } from '../shared/text.ts';
import { nextQuarter } from './plan-calendar.ts';
import { PLAN_DEFAULTS, type PlanSettings } from './plan-instance.ts';

export const ENTERPRISE_TYPES = ['leader', 'large', 'little-giant', 'specialized-sme', 'micro'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

export const PROCESS_TYPES = ['process', 'discrete'] as const;
/** 流程型 (process: chemicals, steel …) or 离散型 (discrete: machinery, electronics …). */
export type ProcessType = (typeof PROCESS_TYPES)[number];

/** The enterprise a plan is made for. */
export interface EnterpriseProfile {
  readonly name?: string;
  /** Free text, e.g. 通用设备制造 */
  readonly industry: string;
  readonly processType: ProcessType;
  /** Number of employees. */
  readonly employees: number;
  /** Annual revenue in 万元. */
  readonly revenue: number;
  readonly enterpriseType: EnterpriseType;
}

export interface TypeDefaults {
  /** Build cost of one scenario initiative at the typical revenue, 万元. */
  readonly capex: number;
  /** Running cost per year as a share of capex (licences, subscriptions, upkeep). */
  readonly opexRate: number;
  /** Build time in periods (quarters by default). */
  readonly duration: number;
  /** People needed in every build period. */
  readonly effort: number;
  /** Probability that the benefits materialise. */
  readonly successProbability: number;
  /** Revenue at which `capex` applies; capex scales with √(revenue / typicalRevenue), clamped to ×0.5 … ×2. */
  readonly typicalRevenue: number;
  /** Transformation budget per year as a share of revenue. */
  readonly budgetShare: number;
  /** Planning horizon in periods. */
  readonly periods: number;
  /** People available for transformation work per period. */
  readonly capacity: number;
}

/**
 * Per enterprise type. Micro firms mostly subscribe to cloud services (上云用数赋智, 四(三)): small build cost, high
 * running cost, one quarter to roll out. Larger firms integrate systems over several quarters.
 *
 * Calibration (Tupu's starting assumptions, not benchmarks): at the type's typical revenue, a scenario of the guide
 * atlas with the default KPI improvements should pay back in roughly 1–3 years for every type, the range commonly
 * reported for digital scenarios, and at least one scenario should fit a quarter's default budget. Earlier values
 * (specialized SME capex 80 at 20 % running cost, micro 15 at 60 %) made every scenario value-negative for a typical
 * specialized SME or micro firm, so the default plan of the guide's main audience was empty.
 */
export const TYPE_DEFAULTS: Readonly<Record<EnterpriseType, TypeDefaults>> = {
  leader: {
    capex: 600,
    opexRate: 0.15,
    duration: 3,
    effort: 6,
    successProbability: 0.85,
    typicalRevenue: 500_000,
    budgetShare: 0.02,
    periods: 12,
    capacity: 30,
  },
  large: {
    capex: 400,
    opexRate: 0.15,
    duration: 3,
    effort: 5,
    successProbability: 0.85,
    typicalRevenue: 200_000,
    budgetShare: 0.015,
    periods: 12,
    capacity: 20,
  },
  'little-giant': {
    capex: 150,
    opexRate: 0.15,
    duration: 2,
    effort: 3,
    successProbability: 0.8,
    typicalRevenue: 30_000,
    budgetShare: 0.015,
    periods: 8,
    capacity: 8,
  },
  'specialized-sme': {
    capex: 40,
    opexRate: 0.15,
    duration: 2,
    effort: 2,
    successProbability: 0.75,
    typicalRevenue: 10_000,
    budgetShare: 0.01,
    periods: 8,
    capacity: 5,
  },
  micro: {
    capex: 2,
    opexRate: 0.4,
    duration: 1,
    effort: 1,
    successProbability: 0.7,
    typicalRevenue: 1_000,
    budgetShare: 0.01,
    periods: 4,
    capacity: 2,
  },
};

/** 跨环节协同 scenarios integrate several systems: this much more cost and one more period. */
export const CROSS_LINK_COST_FACTOR = 1.5;
export const CROSS_LINK_CATEGORY = 'cross-link';

/** A scenario the atlas does not list for this enterprise type is riskier: success probability minus this. */
export const UNLISTED_TYPE_PENALTY = 0.1;

/**
 * KPI-delta → benefit: a KPI improving by a fraction `improvement` is worth revenue × factor(valueTag) × improvement
 * per year. `factor` is the share of revenue a 100 % improvement of one KPI with that value tag would move.
 */
export const VALUE_TAG_FACTORS: Readonly<Record<string, number>> = {
  efficiency: 0.04,
  cost: 0.04,
  quality: 0.03,
  energy: 0.02,
  carbon: 0.01,
  safety: 0.01,
  resilience: 0.015,
  'new-model': 0.03,
};
/** Factor for a value tag missing from VALUE_TAG_FACTORS. */
export const FALLBACK_FACTOR = 0.01;
/** 流程型 enterprises are energy-intensive: energy and carbon factors are multiplied by this. */
export const PROCESS_ENERGY_MULTIPLIER = 2;

/** Relative KPI improvement assumed per KPI of a scenario. */
export const DEFAULT_IMPROVEMENT = 0.03;
/** … when the diagnosis shows a gap in that scenario (more room to improve). */
export const GAP_IMPROVEMENT = 0.05;

export type Strategy = 'chain' | 'whole' | 'tiered';

export interface StrategyAdvice {
  readonly strategy: Strategy;
  readonly name: LocalizedText;
  /** One line, citing the guide section. */
  readonly explanation: LocalizedText;
  readonly section: string;
}

/** 四 强化分类推进: leaders 链式, large firms 整体, small and medium firms 梯次. */
export function adviseStrategy(enterpriseType: EnterpriseType): StrategyAdvice {
  switch (enterpriseType) {
    case 'leader':
      return {
        strategy: 'chain',
        section: '四（一）',
        name: { zh: '“链式”转型', en: 'Chain-wide transformation' },
        explanation: {
          zh: '行业龙头企业引领“链式”转型（指南四（一））：贯通工具链、数据链、模型链，带动上下游企业协同转型，优先跨环节协同与供应链场景。',
          en: 'Industry leaders drive chain-wide transformation (guide 4(1)): connect the tool, data and model chains and bring suppliers and customers along; favour cross-link and supply-chain scenarios.',
        },
      };
    case 'large':
      return {
        strategy: 'whole',
        section: '四（二）',
        name: { zh: '“整体”转型', en: 'Whole-enterprise transformation' },
        explanation: {
          zh: '大型企业加速“整体”转型（指南四（二））：制定整体规划，推进全流程、全场景、全链条数字化转型。',
          en: 'Large enterprises transform as a whole (guide 4(2)): one overall plan covering every process, scenario and link.',
        },
      };
    case 'little-giant':
    case 'specialized-sme':
    case 'micro':
      return {
        strategy: 'tiered',
        section: '四（三）',
        name: { zh: '“梯次”转型', en: 'Step-by-step transformation' },
        explanation: {
          zh: '中小企业实施“梯次”转型（指南四（三））：因“企”制宜、重点突破，以需求迫切的场景为突破口，小微企业上云用数赋智。',
          en: 'SMEs transform step by step (guide 4(3)): fit the firm, break through where the need is most pressing; micro firms move to the cloud.',
        },
      };
  }
}

const round = (value: number, step: number): number => Math.round(value / step) * step;

/**
 * The settings a new plan starts with — every one of them, so that whoever creates a plan merges what the user gave
 * over this object and no setting is forgotten: PLAN_DEFAULTS, the horizon, budget (revenue × budgetShare per
 * year, spread over the periods) and people of the enterprise type, and the start: the quarter after `today`.
 */
export function defaultSettings(profile: EnterpriseProfile, today: Date): PlanSettings {
  const type = TYPE_DEFAULTS[profile.enterpriseType];
  const perPeriod = Math.max(
    1,
    round((profile.revenue * type.budgetShare) / PLAN_DEFAULTS.periodsPerYear, 1),
  );
  return {
    periods: type.periods,
    ...PLAN_DEFAULTS,
    budget: Array.from({ length: type.periods }, () => perPeriod),
    capacity: Array.from({ length: type.periods }, () => type.capacity),
    start: nextQuarter(today),
  };
}

/** capex multiplier for revenue: √(revenue / typicalRevenue), clamped to [0.5, 2]. */
export function revenueScale(profile: EnterpriseProfile): number {
  const typical = TYPE_DEFAULTS[profile.enterpriseType].typicalRevenue;
  const ratio = profile.revenue > 0 ? profile.revenue / typical : 0;
  return Math.min(2, Math.max(0.5, Math.sqrt(ratio)));
}

export function valueTagFactor(profile: EnterpriseProfile, valueTag: string): number {
  const base = VALUE_TAG_FACTORS[valueTag] ?? FALLBACK_FACTOR;
  const energyish = valueTag === 'energy' || valueTag === 'carbon';
  return profile.processType === 'process' && energyish ? base * PROCESS_ENERGY_MULTIPLIER : base;
}
