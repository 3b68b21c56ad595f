import type { Atlas, AtlasPackData } from './types.ts';

/**
 * Merge a pack with the atlas it extends (or make a stand-alone atlas). The base's content comes first; the pack adds
 * scenarios, links, pain points and KPIs. The validator has already rejected clashes, so nothing is overridden.
 */
export function mergeAtlas(pack: AtlasPackData, base?: Atlas): Atlas {
  const vocabulary = base?.vocabulary ?? pack.vocabulary;
  if (!vocabulary) throw new Error(`pack ${pack.meta.id} has no vocabulary and extends no pack`);
  const origin: Record<string, string> = { ...base?.origin };
  for (const s of pack.scenarios) origin[s.code] = pack.meta.id;
  return {
    meta: pack.meta,
    chain: [...(base?.chain ?? []), pack.meta],
    vocabulary,
    painPoints: [...(base?.painPoints ?? []), ...pack.painPoints],
    kpis: [...(base?.kpis ?? []), ...pack.kpis],
    scenarios: [...(base?.scenarios ?? []), ...pack.scenarios],
    links: [...(base?.links ?? []), ...pack.links],
    origin,
    own: pack,
  };
}
