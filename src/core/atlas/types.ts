import type { Kpi, Link, PackMeta, PainPoint, Scenario, Vocabulary } from './pack-schema.ts';

/** One problem found in a pack: where it is (file and line, optionally the data path) and what is wrong. */
export interface AtlasProblem {
  file: string;
  line: number;
  message: string;
  /** path of the offending value inside its file, e.g. ['scenarios', 3, 'valueTags', 0] */
  path?: readonly (string | number)[];
}

/** The parsed content of one pack folder, before it is merged with the pack it extends. */
export interface AtlasPackData {
  meta: PackMeta;
  vocabulary?: Vocabulary;
  painPoints: PainPoint[];
  kpis: Kpi[];
  scenarios: Scenario[];
  links: Link[];
}

/**
 * A loaded scenario atlas (一图四清单): one pack merged with every pack it extends.
 * Plain data: vocabularies and catalogues are the union along the extends chain, base first.
 */
export interface Atlas {
  /** the pack itself */
  meta: PackMeta;
  /** the extends chain, root pack first, this pack last */
  chain: PackMeta[];
  vocabulary: Vocabulary;
  painPoints: PainPoint[];
  kpis: Kpi[];
  scenarios: Scenario[];
  links: Link[];
  /** scenario code → id of the pack that defines it */
  origin: Record<string, string>;
  /** the pack's own content, as written in its folder (without what it inherits) */
  own: AtlasPackData;
}

/** The loaded atlases by pack id. */
export type AtlasCatalog = ReadonlyMap<string, Atlas>;

/** The four element lists of a scenario (四清单). */
export const ELEMENT_LISTS = ['data', 'models', 'tools', 'skills'] as const;
export type ElementList = (typeof ELEMENT_LISTS)[number];
