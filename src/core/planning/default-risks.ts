/**
 * The starting risk register of every plan (风险评估, guide 二(一)): three common transformation risks to edit, with
 * their texts in Chinese and English. A plan stores its risks as typed (the defaults in Chinese); a title or mitigation
 * that is still word for word a default text, in either language, is shown and exported in the reader's language.
 * Anything the user typed differently stays as typed. Keep old wordings in this list if a default text ever changes,
 * so that plans made earlier are still recognised.
 */
import type { LocalizedText } from '../shared/text.ts';

export interface DefaultRisk {
  readonly id: string;
  readonly title: LocalizedText;
  readonly likelihood: number;
  readonly impact: number;
  readonly mitigation: LocalizedText;
}

export const DEFAULT_RISKS: readonly DefaultRisk[] = [
  {
    id: 'R1',
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
