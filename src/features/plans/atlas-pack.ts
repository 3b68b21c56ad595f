import type { Atlas, AtlasCatalog } from '../../core/atlas/types.ts';
import { badRequest } from '../../server/app-error.ts';

/** The installed atlas pack, or 400 naming those available. */
export function atlasOf(atlases: AtlasCatalog, packId: string): Atlas {
  const atlas = atlases.get(packId);
  if (!atlas) throw badRequest(`Unknown atlas pack ${packId}`, { available: [...atlases.keys()] });
  return atlas;
}
