import type { Link, Scenario } from './pack-schema.ts';
import type { Atlas } from './types.ts';

/** Look-up tables over an atlas, built once per atlas object and cached. */
export interface AtlasIndex {
  byCode: ReadonlyMap<string, Scenario>;
  outgoing: ReadonlyMap<string, readonly Link[]>;
  incoming: ReadonlyMap<string, readonly Link[]>;
}

const cache = new WeakMap<Atlas, AtlasIndex>();

export function indexAtlas(atlas: Atlas): AtlasIndex {
  const hit = cache.get(atlas);
  if (hit) return hit;
  const byCode = new Map<string, Scenario>();
  const outgoing = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  for (const s of atlas.scenarios) {
    byCode.set(s.code, s);
    outgoing.set(s.code, []);
    incoming.set(s.code, []);
  }
  for (const l of atlas.links) {
    outgoing.get(l.from)?.push(l);
    incoming.get(l.to)?.push(l);
  }
  const index: AtlasIndex = { byCode, outgoing, incoming };
  cache.set(atlas, index);
  return index;
}
