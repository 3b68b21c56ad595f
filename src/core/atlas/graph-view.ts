import type { ChainType } from './pack-schema.ts';
import type { LocalizedText } from '../shared/text.ts';
import type { Atlas } from './types.ts';

/** The atlas as a graph, shaped for an ECharts `graph` series (nodes carry a category index). */
export interface AtlasGraph {
  categories: { id: string; code: string; name: LocalizedText }[];
  nodes: { id: string; name: LocalizedText; category: number; categoryId: string; pack: string }[];
  edges: { source: string; target: string; chain: ChainType; flow: LocalizedText; prerequisite: boolean }[];
}

export function atlasGraph(atlas: Atlas): AtlasGraph {
  const categories = atlas.vocabulary.categories.map((c) => ({ id: c.id, code: c.code, name: c.name }));
  const position = new Map(categories.map((c, i) => [c.id, i]));
  return {
    categories,
    nodes: atlas.scenarios.map((s) => ({
      id: s.code,
      name: s.name,
      category: position.get(s.category) ?? -1,
      categoryId: s.category,
      pack: atlas.origin[s.code] ?? atlas.meta.id,
    })),
    edges: atlas.links.map((l) => ({
      source: l.from,
      target: l.to,
      chain: l.chain,
      flow: l.flow,
      prerequisite: l.prerequisite,
    })),
  };
}
