import { z } from 'zod';
import { IndicatorSystemCitation, IndicatorSystemId, ItemId, SemVer } from '../diagnosis/model-schema.ts';
import { LocalizedText, ZhText } from '../shared/text.ts';

/**
 * The mapping pack format (kind `mapping`): a folder `packs/mappings/<id>/` with
 *   pack.yaml     — metadata: the models it maps, the citation, what is uncertain
 *   concepts.yaml — a crosswalk: each concept lists the items of several models that treat the same subject
 * An item is what a diagnosis result scores one layer down — a points model's indicator, a staged model's sub-domain,
 * a checklist's group (`item`, the default) — or a points model's scene (`kind: scene`). Every concept links items of
 * at least two models; the loader checks every model and item against the loaded indicator systems.
 */
export const MappingPackMeta = z.strictObject({
  kind: z.literal('mapping'),
  id: IndicatorSystemId,
  version: SemVer,
  title: LocalizedText,
  description: LocalizedText.optional(),
  publisher: ZhText,
  source: IndicatorSystemCitation,
  /** the indicator systems this mapping links (every member's model must be one of them) */
  models: z.array(IndicatorSystemId).min(2),
  uncertainty: z.array(ZhText).default([]),
});
export type MappingPackMeta = z.infer<typeof MappingPackMeta>;

export const MemberKind = z.enum(['item', 'scene']);
export type MemberKind = z.infer<typeof MemberKind>;
export const ConceptMember = z.strictObject({
  model: IndicatorSystemId,
  item: ItemId,
  kind: MemberKind.default('item'),
});
export type ConceptMember = z.infer<typeof ConceptMember>;
export const ConceptDef = z.strictObject({
  id: ItemId,
  name: LocalizedText,
  note: ZhText.optional(),
  members: z.array(ConceptMember).min(2),
});
export type ConceptDef = z.infer<typeof ConceptDef>;
export const ConceptsFile = z.strictObject({ concepts: z.array(ConceptDef).min(1) });
export type ConceptsFile = z.infer<typeof ConceptsFile>;

/** A loaded mapping pack. */
export interface ModelMapping {
  meta: MappingPackMeta;
  concepts: ConceptDef[];
}
