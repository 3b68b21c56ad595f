import { access } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { AtlasCatalog } from '../core/atlas/types.ts';
import {
  ATLAS_FILES,
  checkAtlasPackFiles,
  dedupe,
  type AtlasFileRole,
  type AtlasLoadResult,
  type AtlasPackFiles,
  type AtlasResolver,
} from './atlas-check.ts';
import { findPackFolders, type PackFolder } from './pack-folders.ts';
import { readYaml, type PackProblem } from './yaml-source.ts';

export type { AtlasLoadResult, AtlasResolver } from './atlas-check.ts';

export interface AtlasLoadOptions {
  /** finds the pack this one extends; by default, the atlas packs in sibling folders */
  resolve?: AtlasResolver;
  /** problems name files relative to this folder (default: the working directory) */
  displayBase?: string;
}

export type AtlasCatalogResult = { ok: true; catalog: AtlasCatalog } | { ok: false; problems: PackProblem[] };

/** Read the files of one pack folder (missing optional files are left out). */
async function readPackFiles(dir: string, displayBase: string): Promise<AtlasPackFiles> {
  const files: AtlasPackFiles = {};
  for (const [role, name] of Object.entries(ATLAS_FILES) as [AtlasFileRole, string][]) {
    const path = join(dir, name);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists || role === 'meta') files[role] = await readYaml(path, relative(displayBase, path) || name);
  }
  return files;
}

/**
 * Load one atlas pack folder: every file schema-checked, the cross-file rules applied, and the pack merged with the
 * pack it `extends`. Either the merged atlas or every problem (`file:line: message`), never half a pack.
 */
export async function loadAtlasPack(dir: string, options: AtlasLoadOptions = {}): Promise<AtlasLoadResult> {
  const displayBase = options.displayBase ?? process.cwd();
  const resolve =
    options.resolve ??
    new AtlasRegistry(
      (await findPackFolders(dirname(dir), 1)).filter((f) => f.kind === 'atlas'),
      displayBase,
    ).resolver;
  return checkAtlasPackFiles(await readPackFiles(dir, displayBase), resolve);
}

/**
 * Load every atlas pack under a root (e.g. packs/atlas), resolving `extends` by id among them. All or nothing: any
 * problem in any pack, a duplicate id, an unknown base or an extends-cycle fails the whole catalogue.
 */
export async function loadAtlasPacks(
  root: string,
  options: { displayBase?: string } = {},
): Promise<AtlasCatalogResult> {
  const displayBase = options.displayBase ?? process.cwd();
  const folders = (await findPackFolders(root)).filter((f) => f.kind === 'atlas');
  const registry = new AtlasRegistry(folders, displayBase);
  const problems: PackProblem[] = [...registry.problems];
  const catalog = new Map<string, NonNullable<Extract<AtlasLoadResult, { ok: true }>['atlas']>>();
  for (const folder of folders) {
    const result =
      folder.id !== undefined
        ? await registry.load(folder.id, folder)
        : await loadAtlasPack(folder.dir, { resolve: registry.resolver, displayBase });
    if (result.ok) catalog.set(result.atlas.meta.id, result.atlas);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  return { ok: true, catalog };
}

/** Atlas pack folders by id; loads each at most once and detects extends-cycles before loading. */
class AtlasRegistry {
  readonly problems: PackProblem[] = [];
  private readonly byId = new Map<string, PackFolder>();
  private readonly loaded = new Map<string, Promise<AtlasLoadResult>>();

  constructor(
    folders: readonly PackFolder[],
    private readonly displayBase: string,
  ) {
    for (const f of folders) {
      if (f.id === undefined) continue;
      const other = this.byId.get(f.id);
      if (other) {
        this.problems.push({
          file: this.display(join(f.dir, 'pack.yaml')),
          line: 1,
          message: `duplicate pack id "${f.id}" (also in ${this.display(other.dir)})`,
        });
      } else this.byId.set(f.id, f);
    }
    for (const f of this.byId.values()) this.checkCycle(f);
  }

  readonly resolver: AtlasResolver = async (id) => {
    const folder = this.byId.get(id);
    return folder ? this.load(id, folder) : undefined;
  };

  load(id: string, folder: PackFolder): Promise<AtlasLoadResult> {
    if (this.byId.get(id) !== folder) {
      return loadAtlasPack(folder.dir, { resolve: this.resolver, displayBase: this.displayBase });
    }
    let result = this.loaded.get(id);
    if (!result) {
      result = loadAtlasPack(folder.dir, { resolve: this.resolver, displayBase: this.displayBase });
      this.loaded.set(id, result);
    }
    return result;
  }

  private display(path: string): string {
    return relative(this.displayBase, path) || path;
  }

  /** An extends-cycle fails every pack on it, with the cycle named, before anything waits on itself. */
  private checkCycle(start: PackFolder): void {
    const path: string[] = [];
    for (
      let f: PackFolder | undefined = start;
      f?.id !== undefined;
      f = f.extends ? this.byId.get(f.extends) : undefined
    ) {
      if (path.includes(f.id)) {
        if (f !== start) return; // the cycle is reported from its own members
        const cycle = [...path, f.id].join(' → ');
        const problem = {
          file: this.display(join(start.dir, 'pack.yaml')),
          line: start.extendsLine ?? 1,
          message: `extends cycle: ${cycle}`,
        };
        this.loaded.set(start.id!, Promise.resolve({ ok: false, problems: [problem] }));
        return;
      }
      path.push(f.id);
    }
  }
}

/** A resolver that finds atlas packs by id among the pack folders under `root` (loading only what is asked for). */
export async function atlasResolverFor(
  root: string,
  options: { displayBase?: string } = {},
): Promise<AtlasResolver> {
  const folders = (await findPackFolders(root)).filter((f) => f.kind === 'atlas');
  return new AtlasRegistry(folders, options.displayBase ?? process.cwd()).resolver;
}
