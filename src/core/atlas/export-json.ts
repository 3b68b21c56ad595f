import type { LocalizedText } from '../shared/text.ts';
import { indexAtlas } from './atlas-index.ts';
import type { ChainType } from './pack-schema.ts';
import type { Atlas } from './types.ts';

/** The JSON export of an atlas: the pack with its extends chain, and every scenario with its outgoing links. */
export interface AtlasExport {
  pack: {
    id: string;
    version: string;
    title: LocalizedText;
    /** the packs this one extends, nearest first */
    extends: { id: string; version: string; title: LocalizedText }[];
  };
  scenarios: {
    code: string;
    name: LocalizedText;
    category: string;
    valueTags: string[];
    elements: {
      data: LocalizedText[];
      models: LocalizedText[];
      tools: LocalizedText[];
      skills: LocalizedText[];
    };
    links: { to: string; chain: ChainType; flow: LocalizedText }[];
  }[];
}

export function exportAtlasJson(atlas: Atlas): AtlasExport {
  const index = indexAtlas(atlas);
  return {
    pack: {
      id: atlas.meta.id,
      version: atlas.meta.version,
      title: atlas.meta.title,
      extends: atlas.chain
        .slice(0, -1)
        .reverse()
        .map((m) => ({ id: m.id, version: m.version, title: m.title })),
    },
    scenarios: atlas.scenarios.map((s) => ({
      code: s.code,
      name: s.name,
      category: s.category,
      valueTags: s.valueTags,
      elements: {
        data: s.elements.data,
        models: s.elements.models,
        tools: s.elements.tools,
        skills: s.elements.skills,
      },
      links: (index.outgoing.get(s.code) ?? []).map((l) => ({ to: l.to, chain: l.chain, flow: l.flow })),
    })),
  };
}
