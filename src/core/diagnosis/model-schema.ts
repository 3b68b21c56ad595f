import { z } from 'zod';
import { ScenarioCode } from '../atlas/pack-schema.ts';
import { LocalizedText, ZhText } from '../shared/text.ts';

/**
 * The indicator-system (evaluation model) pack format. A pack is a folder `packs/models/<id>/` with
 *   pack.yaml        — metadata, including the scoring `family`
 *   levels.yaml      — level names and the rule parameters that decide a level (family-specific)
 *   indicators.yaml  — points family: dimensions → indicators → questions (options / bands, points)
 *   scenes.yaml      — points family, optional: categorical scenes rated 0–4 feeding the level gates
 *   domains.yaml     — staged family: areas → sub-domains → requirements per level, weight tables
 *   checklist.yaml   — checklist family: parts → groups → items
 * Every rule parameter (points, weights, thresholds, counts, intervals, level names) is data here, never code.
 * Names are `{ zh, en }`. Other texts (prompts, option texts, field labels, descriptors, requirement and checklist
 * texts, the publisher and source citation) are ZhText: a plain string (Chinese only) or `{ zh, en }`; the schema turns both into `{ zh, en? }`.
 * Cross-file rules (unique ids, weight sums, option lettering, gate consistency) are checked by the loader.
 */

export const IndicatorSystemId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'model id must be kebab-case, e.g. cmmm-2020');
export const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semantic, e.g. 1.0.0');
/** Ids are the official names where there are some (e.g. 网络建设); no spaces, no separators used by answer sheets. */
export const ItemId = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^\s,，、;；]+$/, 'ids must not contain spaces, commas or semicolons');
export const Family = z.enum(['points', 'staged', 'checklist']);
export type Family = z.infer<typeof Family>;
export const Scenarios = z.array(ScenarioCode);

const Points = z.number().finite().nonnegative();

/**
 * Where a model comes from: the standard or document, the parts of it encoded, a note. Each text is a plain string
 * (Chinese only, as older packs have it) or `{ zh, en }`, like every other pack text.
 */
export const IndicatorSystemCitation = z.strictObject({
  source: ZhText,
  section: ZhText,
  note: ZhText.optional(),
});
export type IndicatorSystemCitation = z.infer<typeof IndicatorSystemCitation>;

export const IndicatorSystemMeta = z.strictObject({
  kind: z.literal('model'),
  id: IndicatorSystemId,
  version: SemVer,
  title: LocalizedText,
  description: LocalizedText.optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  /** who publishes the content and who encoded it: a plain string (Chinese) or `{ zh, en }` */
  publisher: ZhText,
  source: IndicatorSystemCitation,
  family: Family,
  /** the atlas pack whose scenario codes the `scenarios` mappings point to */
  atlas: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** what is uncertain in this encoding (also spelled out in the pack README) */
  uncertainty: z.array(ZhText).default([]),
});
export type IndicatorSystemMeta = z.infer<typeof IndicatorSystemMeta>;

// ---------------------------------------------------------------- points family

export const OptionDef = z.strictObject({
  id: z.string().regex(/^[A-Z]$/, 'option ids are single capital letters A, B, C …'),
  text: ZhText,
  points: Points,
  /** a "无 / none" option: scores zero and cannot be combined with any other option */
  exclusive: z.boolean().default(false),
});
export type OptionDef = z.infer<typeof OptionDef>;

const QuestionBase = {
  id: ItemId,
  name: LocalizedText,
  prompt: ZhText,
  help: ZhText.optional(),
  scenarios: Scenarios,
  required: z.boolean().default(true),
};

export const SingleQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('single'),
  options: z.array(OptionDef).min(2),
});
export const MultiQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('multi'),
  /** the question's maximum: the sum of the chosen options' points is capped here */
  max: Points,
  options: z.array(OptionDef).min(2),
});
export const Band = z.strictObject({
  /** upper bound (inclusive) of the band in percent; the band is (previous upTo, upTo], the first one [0, upTo] */
  upTo: z.number().min(0).max(100),
  points: Points,
});
export type Band = z.infer<typeof Band>;
export const RatioQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('ratio'),
  /**
   * optional form fields: the ratio may be answered as {numerator field: n, denominator field: d}; the answer keys
   * are the Chinese labels (`numerator.zh`, `denominator.zh`), the English is for display only
   */
  fields: z.strictObject({ numerator: ZhText, denominator: ZhText }).optional(),
  bands: z.array(Band).min(1),
});
export const QuestionDef = z.discriminatedUnion('type', [SingleQuestion, MultiQuestion, RatioQuestion]);
export type QuestionDef = z.infer<typeof QuestionDef>;
export type SingleQuestion = z.infer<typeof SingleQuestion>;
export type MultiQuestion = z.infer<typeof MultiQuestion>;
export type RatioQuestion = z.infer<typeof RatioQuestion>;

export const IndicatorDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  /** points of this indicator = the sum of its questions' maxima (checked) */
  points: Points,
  questions: z.array(QuestionDef).min(1),
});
export type IndicatorDef = z.infer<typeof IndicatorDef>;

export const DimensionDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  points: Points,
  indicators: z.array(IndicatorDef).min(1),
});
export type DimensionDef = z.infer<typeof DimensionDef>;

export const IndicatorsFile = z.strictObject({ dimensions: z.array(DimensionDef).min(1) });
export type IndicatorsFile = z.infer<typeof IndicatorsFile>;

export const SceneDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  group: ItemId,
  /** 约束性 (constrained) scene: counted separately by the level gates */
  constrained: z.boolean(),
  scenarios: Scenarios,
  /** descriptor of each level 1…max, in order */
  levels: z.array(ZhText).min(1),
});
export type SceneDef = z.infer<typeof SceneDef>;
export const ScenesFile = z.strictObject({
  groups: z.array(z.strictObject({ id: ItemId, name: LocalizedText })).min(1),
  scenes: z.array(SceneDef).min(1),
});
export type ScenesFile = z.infer<typeof ScenesFile>;

/** Level k needs total score ≥ minScore AND ≥ minScenes scenes at level ≥ sceneLevel, ≥ minConstrainedScenes of them 约束性. */
export const PointsLevel = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  description: ZhText.optional(),
  minScore: Points,
  sceneLevel: z.number().int().min(0).default(0),
  minScenes: z.number().int().min(0).default(0),
  minConstrainedScenes: z.number().int().min(0).default(0),
});
export type PointsLevel = z.infer<typeof PointsLevel>;
export const PointsLevelsFile = z.strictObject({ levels: z.array(PointsLevel).min(1) });
export type PointsLevelsFile = z.infer<typeof PointsLevelsFile>;

// ---------------------------------------------------------------- staged family

export const StagedLevel = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  description: ZhText.optional(),
  /** lower bound of the overall score S for this level (the interval is [minS, next level's minS)) */
  minS: z.number().nonnegative(),
});
export type StagedLevel = z.infer<typeof StagedLevel>;
export const StagedLevelsFile = z.strictObject({
  /** allowed requirement grades in ascending order, e.g. 0 / 0.5 / 0.8 / 1 */
  grades: z.array(z.strictObject({ value: z.number().min(0).max(1), name: LocalizedText })).min(2),
  /** a level counts only if its weighted score reaches this */
  passScore: z.number().positive().max(1),
  /** how sub-domain results combine: by the weight tables, or as the mean of the areas (DCMM) */
  aggregate: z.enum(['weighted', 'mean-of-areas']),
  weightTables: z.array(z.strictObject({ id: ItemId, name: LocalizedText })).default([]),
  levels: z.array(StagedLevel).min(1),
});
export type StagedLevelsFile = z.infer<typeof StagedLevelsFile>;

export const RequirementDef = z.strictObject({
  id: ItemId,
  level: z.number().int().min(1),
  text: ZhText,
});
export type RequirementDef = z.infer<typeof RequirementDef>;
export const SubdomainDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  /** weight per weight table (e.g. process / discrete); each table sums to 1 over all sub-domains */
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  /** may be declared not applicable (tailored out); its weight is redistributed proportionally */
  tailorable: z.boolean().default(false),
  scenarios: Scenarios,
  requirements: z.array(RequirementDef).min(1),
});
export type SubdomainDef = z.infer<typeof SubdomainDef>;
export const AreaDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  /** 要素 (element) the area belongs to, where the model has that layer */
  element: z.string().trim().min(1).optional(),
  subdomains: z.array(SubdomainDef).min(1),
});
export type AreaDef = z.infer<typeof AreaDef>;
export const DomainsFile = z.strictObject({ areas: z.array(AreaDef).min(1) });
export type DomainsFile = z.infer<typeof DomainsFile>;

// ---------------------------------------------------------------- checklist family

export const ChecklistItemDef = z.strictObject({
  id: ItemId,
  /** a short title of the item (the form and the answer sheet show it; without it the item is named by its group) */
  name: LocalizedText.optional(),
  text: ZhText,
});
export type ChecklistItemDef = z.infer<typeof ChecklistItemDef>;
export const ChecklistGroupDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  scenarios: Scenarios,
  items: z.array(ChecklistItemDef).min(1),
});
export type ChecklistGroupDef = z.infer<typeof ChecklistGroupDef>;
export const ChecklistPartDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  groups: z.array(ChecklistGroupDef).min(1),
});
export type ChecklistPartDef = z.infer<typeof ChecklistPartDef>;
export const ChecklistFile = z.strictObject({
  /** conformance grades (n.a. is built in and excluded from the denominator) */
  conformance: z
    .array(
      z.strictObject({
        id: z.enum(['met', 'partly', 'not']),
        name: LocalizedText,
        value: z.number().min(0).max(1),
      }),
    )
    .length(3),
  parts: z.array(ChecklistPartDef).min(1),
});
export type ChecklistFile = z.infer<typeof ChecklistFile>;

// ---------------------------------------------------------------- loaded models

export interface PointsIndicatorSystem {
  family: 'points';
  meta: IndicatorSystemMeta;
  dimensions: DimensionDef[];
  sceneGroups: ScenesFile['groups'];
  scenes: SceneDef[];
  /** highest scene level (levels are 0…sceneMax) */
  sceneMax: number;
  levels: PointsLevel[];
}
export interface StagedIndicatorSystem {
  family: 'staged';
  meta: IndicatorSystemMeta;
  rules: StagedLevelsFile;
  areas: AreaDef[];
}
export interface ChecklistIndicatorSystem {
  family: 'checklist';
  meta: IndicatorSystemMeta;
  conformance: ChecklistFile['conformance'];
  parts: ChecklistPartDef[];
}
/** An indicator system (评测指标体系) loaded from a model pack. */
export type IndicatorSystem = PointsIndicatorSystem | StagedIndicatorSystem | ChecklistIndicatorSystem;
