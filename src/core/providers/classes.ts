import { z } from 'zod';
import { ScenarioCode } from '../atlas/pack-schema.ts';
import { IndicatorSystemCitation, SemVer } from '../diagnosis/model-schema.ts';
import { LocalizedText, ZhText } from '../shared/text.ts';

/**
 * The provider-classes pack format (`kind: provider-classes`): a folder `packs/providers/<id>/` with
 *   pack.yaml     — metadata, the source standard, the guide section it serves, what is assumed
 *   classes.yaml  — classes (大类) → types (类型), and optionally the pilot cities' categories (链主, 综合集成, 小快轻准)
 * Type ids are what provider profiles and pool quotas refer to; they are unique across all classes (checked by the
 * loader, as are class and category ids).
 */

const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids must be kebab-case, e.g. planning-consulting');

export const ProviderClassesMeta = z.strictObject({
  kind: z.literal('provider-classes'),
  id: KebabId,
  version: SemVer,
  title: LocalizedText,
  description: LocalizedText.optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  publisher: ZhText,
  /** the standard the classes come from */
  source: IndicatorSystemCitation,
  /** the section of the guide this pack serves (五（四）for the pool) */
  guide: IndicatorSystemCitation,
  assumptions: z.array(ZhText).default([]),
});
export type ProviderClassesMeta = z.infer<typeof ProviderClassesMeta>;

export const ProviderTypeDef = z.strictObject({
  id: KebabId,
  name: LocalizedText,
  description: LocalizedText.optional(),
  /** scenario codes of the atlas this type typically serves (a hint for profiles and supply maps, not a rule) */
  scenarios: z.array(ScenarioCode).default([]),
  /** the name is restored or inferred rather than read in the standard */
  assumed: z.boolean().default(false),
});
export type ProviderTypeDef = z.infer<typeof ProviderTypeDef>;

export const ProviderClassDef = z.strictObject({
  id: KebabId,
  name: LocalizedText,
  types: z.array(ProviderTypeDef).min(1),
});
export type ProviderClassDef = z.infer<typeof ProviderClassDef>;

export const PilotCategoryDef = z.strictObject({
  id: KebabId,
  name: LocalizedText,
  /** how many of this category a pool per sub-industry typically admits */
  typicalPoolSize: z
    .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
    .refine((r) => r.min <= r.max, 'min must not exceed max')
    .optional(),
});
export type PilotCategoryDef = z.infer<typeof PilotCategoryDef>;

export const ProviderClassesFile = z.strictObject({
  classes: z.array(ProviderClassDef).min(1),
  pilotCategories: z.array(PilotCategoryDef).default([]),
});
export type ProviderClassesFile = z.infer<typeof ProviderClassesFile>;

/** A loaded provider-classes pack. */
export interface ProviderClasses {
  meta: ProviderClassesMeta;
  classes: ProviderClassDef[];
  pilotCategories: PilotCategoryDef[];
}

/** A problem found in a classes file, with the path of the value (the loader turns it into file:line). */
export interface ClassesProblem {
  path: (string | number)[];
  message: string;
}

/** Cross-entry rules of a classes file: unique class, type and category ids. */
export function checkProviderClasses(file: ProviderClassesFile): ClassesProblem[] {
  const problems: ClassesProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, path: (string | number)[]) => {
    const prior = seen.get(id);
    if (prior) problems.push({ path, message: `duplicate id "${id}" (already used by ${prior})` });
    else seen.set(id, what);
  };
  file.classes.forEach((c, i) => {
    claim(c.id, `class ${c.id}`, ['classes', i, 'id']);
    c.types.forEach((t, j) => claim(t.id, `type ${t.id}`, ['classes', i, 'types', j, 'id']));
  });
  file.pilotCategories.forEach((c, i) => claim(c.id, `category ${c.id}`, ['pilotCategories', i, 'id']));
  return problems;
}

/** Every type of the pack, with the class it belongs to. */
export function providerTypes(
  pack: Pick<ProviderClasses, 'classes'>,
): (ProviderTypeDef & { classId: string })[] {
  return pack.classes.flatMap((c) => c.types.map((t) => ({ ...t, classId: c.id })));
}
