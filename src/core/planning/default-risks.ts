/**
 * The starting risk register of every plan (风险评估, guide 二(一)): three common transformation risks to edit, with
 * their texts in Chinese and English. A plan stores its risks as typed (the defaults in Chinese); a title or mitigation
 * that is still word for word a default text, in either language, is shown and exported in the reader's language.
 * Anything the user typed differently stays as typed. Keep old wordings in this list if a default text ever changes,
 * so that plans made earlier are still recognised.
 */
import type { LocalizedText } from '../shared/text.ts';
import { IMPACT_SHARE, type RiskEntry } from './risk.ts';

/** Which of the plan's initiatives a default risk belongs to (see defaultRiskRegister). */
export type RiskTarget = 'costliest' | 'most-benefit' | 'longest';

export interface DefaultRisk {
  readonly id: string;
  readonly target: RiskTarget;
  readonly title: LocalizedText;
  readonly likelihood: number;
  readonly impact: number;
  readonly mitigation: LocalizedText;
}

export const DEFAULT_RISKS: readonly DefaultRisk[] = [
  {
    id: 'R1',
    // data problems hurt most where the most is built on them
    target: 'costliest',
    title: {
      zh: '数据基础薄弱：设备与业务数据采集不全、质量不高，场景收益不及预期',
      en: 'Weak data foundation: equipment and business data are collected incompletely and are of poor quality, so the scenarios deliver less than expected',
    },
    likelihood: 3,
    impact: 4,
    mitigation: {
      zh: '先做设备联网与数据治理，按场景定义数据质量指标并验收',
      en: 'Connect the equipment and govern the data first; define data quality indicators per scenario and check them at acceptance',
    },
  },
  {
    id: 'R2',
    // a system little used loses its benefit: the initiative with the most to lose
    target: 'most-benefit',
    title: {
      zh: '业务部门参与不足：系统上线后使用率低',
      en: 'Business departments too little involved: the systems are little used after go-live',
    },
    likelihood: 3,
    impact: 3,
    mitigation: {
      zh: '业务负责人牵头每个项目，把使用率纳入成效评估，开展全员数字化培训',
      en: 'A business owner leads every project; usage counts in the evaluation of results; digital skills training for all staff',
    },
  },
  {
    id: 'R3',
    // late delivery is likeliest on the longest build
    target: 'longest',
    title: {
      zh: '外部服务商交付延期或与企业业务适配差',
      en: 'External service providers deliver late or fit the business poorly',
    },
    likelihood: 2,
    impact: 4,
    mitigation: {
      zh: '按里程碑付款，深度介入外包开发过程，保留需求与知识产权',
      en: 'Pay by milestone, take an active part in outsourced development, keep the requirements and the intellectual property',
    },
  },
];

const TRANSLATIONS: ReadonlyMap<string, LocalizedText> = new Map(
  DEFAULT_RISKS.flatMap((r) => [r.title, r.mitigation]).flatMap((text) => [
    [text.zh, text],
    [text.en, text],
  ]),
);

/** A default risk text in `lang` when `text` is one (in either language, surrounding spaces ignored); else `text`. */
export function defaultRiskText(text: string, lang: 'zh' | 'en'): string {
  return TRANSLATIONS.get(text.trim())?.[lang] ?? text;
}

/** The risk with its title and mitigation in `lang` where they are default texts (see defaultRiskText). */
export function localizeRisk<T extends { readonly title: string; readonly mitigation: string }>(
  risk: T,
  lang: 'zh' | 'en',
): T {
  return {
    ...risk,
    title: defaultRiskText(risk.title, lang),
    mitigation: defaultRiskText(risk.mitigation, lang),
  };
}

/** What a default risk needs to know of an initiative: its id, build cost, yearly benefit and duration. */
export interface RiskCandidate {
  readonly id: string;
  readonly cost: number;
  readonly annualBenefit: number;
  readonly duration: number;
}

const RANK: Readonly<Record<RiskTarget, (c: RiskCandidate) => number>> = {
  costliest: (c) => c.cost,
  'most-benefit': (c) => c.annualBenefit,
  longest: (c) => c.duration,
};

/**
 * The starting register of a plan with these candidates, stored in Chinese: each default risk linked to the
 * initiative it threatens most (its target: the costliest, the one with the most benefit, the longest; an initiative
 * already taken by an earlier risk only when no other is left; ties by id), with an exposure of the initiative's cost
 * × IMPACT_SHARE of the risk's impact, so that the expected loss (probability × exposure, risk.ts) is the share of
 * that budget the risk is expected to cost. With no candidates the risks are plan-wide, without exposure.
 */
export function defaultRiskRegister(candidates: readonly RiskCandidate[]): RiskEntry[] {
  const taken = new Set<string>();
  return DEFAULT_RISKS.map((risk) => {
    const ranked = [...candidates].sort(
      (a, b) => RANK[risk.target](b) - RANK[risk.target](a) || a.id.localeCompare(b.id),
    );
    const target = ranked.find((c) => !taken.has(c.id)) ?? ranked[0];
    const entry: RiskEntry = {
      id: risk.id,
      title: risk.title.zh,
      likelihood: risk.likelihood,
      impact: risk.impact,
      mitigation: risk.mitigation.zh,
    };
    if (target === undefined) return entry;
    taken.add(target.id);
    const share = IMPACT_SHARE[risk.impact as 1 | 2 | 3 | 4 | 5];
    return { ...entry, initiativeId: target.id, exposure: Math.round(target.cost * share * 10) / 10 };
  });
}
