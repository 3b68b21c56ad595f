import { relative } from 'node:path';
import type { Atlas } from '../core/atlas/types.ts';
import { loadAtlasPack, loadAtlasPacks } from './atlas-load.ts';
import { validateDeliveryPacks } from './delivery-pack.ts';
import { validateKpiPacks } from './kpi-pack.ts';
import { validateMappingPacks } from './mapping-pack.ts';
import { findPackFolders, type PackFolder } from './pack-folders.ts';
import type { PackProblem } from './yaml-source.ts';
import { validateIndicatorSystemPacks } from './model-validate.ts';
import { validateProviderClassesPacks } from './provider-pack.ts';

/** What validating the packs of one kind found: problems, or a one-line summary per pack. */
export interface PackValidation {
  problems: PackProblem[];
  summaries: string[];
}

/**
 * Validates every pack of one kind. `single` is true when the user named one pack folder (its base packs are then
 * looked for beside it); otherwise `root` is a folder of packs and `folders` lists those of this kind.
 */
export type PackKindValidator = (
  root: string,
  folders: readonly PackFolder[],
  single: boolean,
) => Promise<PackValidation>;

const validateAtlas: PackKindValidator = async (root, _folders, single) => {
  if (single) {
    const r = await loadAtlasPack(root);
    return r.ok
      ? { problems: [], summaries: [atlasSummary(r.atlas)] }
      : { problems: r.problems, summaries: [] };
  }
  const r = await loadAtlasPacks(root);
  if (!r.ok) return { problems: r.problems, summaries: [] };
  return { problems: [], summaries: [...r.catalog.values()].map(atlasSummary) };
};

function atlasSummary(a: Atlas): string {
  const own = a.scenarios.filter((s) => a.origin[s.code] === a.meta.id).length;
  const base = a.meta.extends ? ` extends ${a.meta.extends}, ${own} own scenarios;` : '';
  return `atlas ${a.meta.id}@${a.meta.version}${base} ${a.scenarios.length} scenarios, ${a.links.length} links`;
}

/** One validator per pack.yaml `kind`. Add a kind here (one line) to make `tupu pack validate` know it. */
export const packValidators: Record<string, PackKindValidator> = {
  atlas: validateAtlas,
  model: validateIndicatorSystemPacks,
  delivery: validateDeliveryPacks,
  'provider-classes': validateProviderClassesPacks,
  kpis: validateKpiPacks,
  mapping: validateMappingPacks,
};

/**
 * Validate the pack folder at `path`, or every pack folder under it, dispatching on each pack.yaml's `kind`.
 * Folders of an unknown kind, or with no kind, are problems.
 */
export async function validatePacks(path: string): Promise<PackValidation> {
  const folders = await findPackFolders(path);
  const single = folders.length === 1 && folders[0]?.dir === path;
  const result: PackValidation = { problems: [], summaries: [] };
  if (folders.length === 0) {
    result.problems.push({
      file: relative(process.cwd(), path) || path,
      line: 1,
      message: 'no pack.yaml found here or in the folders below',
    });
    return result;
  }
  const byKind = new Map<string, PackFolder[]>();
  for (const f of folders) {
    const file = relative(process.cwd(), `${f.dir}/pack.yaml`);
    if (f.kind === undefined) {
      result.problems.push({
        file,
        line: 1,
        message:
          'pack.yaml has no kind (or cannot be read); expected one of: ' +
          Object.keys(packValidators).join(', '),
      });
    } else if (!packValidators[f.kind]) {
      result.problems.push({
        file,
        line: 1,
        message: `unknown pack kind "${f.kind}"; known kinds: ${Object.keys(packValidators).join(', ')}`,
      });
    } else byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  }
  for (const [kind, list] of byKind) {
    const r = await packValidators[kind]!(path, list, single);
    result.problems.push(...r.problems);
    result.summaries.push(...r.summaries);
  }
  return result;
}
