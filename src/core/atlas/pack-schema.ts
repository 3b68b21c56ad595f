import { z } from 'zod';
import { Citation, LocalizedText } from '../shared/text.ts';

/**
 * The scenario atlas pack format (一图四清单). A pack is a folder with
 *   pack.yaml        — metadata (id, version, title, language, source, extends?)
 *   vocabulary.yaml  — closed vocabularies (only in a stand-alone pack; extending packs inherit them)
 *   pain-points.yaml — pain-point catalogue (optional)
 *   kpis.yaml        — KPI catalogue (optional)
 *   scenarios.yaml   — scenarios
 *   links.yaml       — links between scenarios along the tool / data / model chains
 * Each file is validated on its own schema below; cross-file rules (unique codes, references, vocabularies,
 * cycles) are checked by the validator after all files are parsed.
 */

export const PackId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'pack id must be kebab-case, e.g. guide-2024');
export const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semantic, e.g. 1.0.0');

/**
 * 场景编码: INDUSTRY[.SEGMENT]-CATEGORY-NN
 *   INDUSTRY 2–5 capitals (GEN general, EQP 装备制造, PCH 石化化工 …)
 *   SEGMENT  optional chain segment, 1–6 capitals/digits (UP upstream, MID, DOWN, or a process such as MACH)
 *   CATEGORY the scenario category code from the vocabulary (RD, PM, OM, BM, SC, CX)
 *   NN       two or three digit sequence within that industry and category
 */
export const ScenarioCode = z
  .string()
  .regex(
    /^[A-Z]{2,5}(\.[A-Z0-9]{1,6})?-[A-Z]{2}-\d{2,3}$/,
    'scenario code must look like GEN-PM-03 or EQP.MACH-PM-07 (INDUSTRY[.SEGMENT]-CATEGORY-NN)',
  );
export const VocabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'vocabulary ids are kebab-case');
export const ChainType = z.enum(['tool', 'data', 'model']);
export type ChainType = z.infer<typeof ChainType>;

export const PackMeta = z.strictObject({
  kind: z.literal('atlas'),
  id: PackId,
  version: SemVer,
  title: LocalizedText,
  description: LocalizedText.optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  publisher: z.string().trim().min(1),
  source: Citation,
  /** id of the pack this one extends; its vocabularies, scenarios, pain points and KPIs are inherited. */
  extends: PackId.optional(),
  industry: z.strictObject({ code: z.string().regex(/^[A-Z]{2,5}$/), name: LocalizedText }),
});
export type PackMeta = z.infer<typeof PackMeta>;

const VocabEntry = z.strictObject({ id: VocabId, name: LocalizedText, description: LocalizedText });
const CategoryEntry = VocabEntry.extend({ code: z.string().regex(/^[A-Z]{2}$/), citation: Citation });

export const Vocabulary = z.strictObject({
  categories: z.array(CategoryEntry).min(1),
  valueTags: z.array(VocabEntry).min(1),
  enterpriseTypes: z.array(VocabEntry).min(1),
  chains: z.array(VocabEntry.extend({ id: ChainType })).length(3),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const PainPoint = z.strictObject({ id: VocabId, name: LocalizedText, category: VocabId });
export type PainPoint = z.infer<typeof PainPoint>;
export const PainPointFile = z.strictObject({ painPoints: z.array(PainPoint) });

export const Kpi = z.strictObject({
  id: VocabId,
  name: LocalizedText,
  unit: z.string().trim().min(1),
  /** whether a rise is an improvement (up) or a fall is (down) */
  direction: z.enum(['up', 'down']),
  valueTag: VocabId,
});
export type Kpi = z.infer<typeof Kpi>;
export const KpiFile = z.strictObject({ kpis: z.array(Kpi) });

/**
 * Relative economics of a scenario, for plan defaults (开展投入产出测算, 正文 二（一）). Indices, not money: 1 = a
 * typical scenario for the enterprise type. A plan multiplies the enterprise type's default build cost by
 * `costIndex`, its running cost by `runningCostIndex` (or `costIndex` when absent) and its build time by
 * `durationIndex`. They are the pack author's starting assumptions for the planner to edit, not benchmarks.
 */
export const ScenarioEconomics = z.strictObject({
  /** build cost relative to a typical scenario: 0.2 (a cloud subscription) … 5 (a hardware-heavy programme) */
  costIndex: z.number().min(0.2).max(5),
  /** build time relative to a typical scenario: 0.5 … 3 */
  durationIndex: z.number().min(0.5).max(3),
  /** yearly running cost relative to a typical scenario, when it differs from costIndex (e.g. SaaS: low build, high run) */
  runningCostIndex: z.number().min(0.2).max(5).optional(),
  /** what drives the cost, e.g. 硬件占比高：AGV、立体库 */
  note: LocalizedText.optional(),
});
export type ScenarioEconomics = z.infer<typeof ScenarioEconomics>;

const ElementList = z.array(LocalizedText).min(1, 'each of the four lists needs at least one entry');

export const Scenario = z.strictObject({
  code: ScenarioCode,
  name: LocalizedText,
  /** category id from the vocabulary, e.g. production */
  category: VocabId,
  description: LocalizedText,
  painPoints: z.array(VocabId).min(1),
  elements: z.strictObject({
    data: ElementList, // 数据要素
    models: ElementList, // 知识模型
    tools: ElementList, // 工具软件
    skills: ElementList, // 人才技能
  }),
  infrastructure: z.array(LocalizedText).min(1), // 数字基础设施
  valueTags: z.array(VocabId).min(1),
  kpis: z.array(VocabId).min(1),
  enterpriseTypes: z.array(VocabId).min(1),
  citation: Citation,
  /** optional relative cost and duration for plan defaults (see ScenarioEconomics) */
  economics: ScenarioEconomics.optional(),
});
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioFile = z.strictObject({ scenarios: z.array(Scenario) });

export const Link = z.strictObject({
  from: ScenarioCode,
  to: ScenarioCode,
  chain: ChainType,
  /** what flows from `from` to `to`, e.g. 设备状态数据 */
  flow: LocalizedText,
  /** true when `from` must be in place before `to` can be done (such links may not form a cycle) */
  prerequisite: z.boolean(),
});
export type Link = z.infer<typeof Link>;
export const LinkFile = z.strictObject({ links: z.array(Link) });
