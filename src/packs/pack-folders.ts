import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readYaml } from './yaml-source.ts';

/** A folder holding a pack.yaml, with the `kind` and `id` it declares (if readable). */
export interface PackFolder {
  dir: string;
  kind?: string;
  id?: string;
  extends?: string;
  /** line of the `extends` key in pack.yaml */
  extendsLine?: number;
}

const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
const isFile = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() ?? false;

/**
 * The pack folders at or under `root`: `root` itself if it holds a pack.yaml, else every folder below it that does
 * (searched up to `depth` levels, skipping dot-folders and node_modules), sorted by path.
 */
export async function findPackFolders(root: string, depth = 3): Promise<PackFolder[]> {
  const found: string[] = [];
  const walk = async (dir: string, left: number): Promise<void> => {
    if (await isFile(join(dir, 'pack.yaml'))) {
      found.push(dir);
      return;
    }
    if (left === 0) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
        await walk(join(dir, e.name), left - 1);
    }
  };
  if (await isDir(root)) await walk(root, depth);
  return Promise.all(found.map(describePackFolder));
}

/** Read the kind, id and extends a pack.yaml declares, without validating it. */
export async function describePackFolder(dir: string): Promise<PackFolder> {
  const parsed = await readYaml(join(dir, 'pack.yaml'));
  if (!parsed.ok) return { dir };
  const data = parsed.source.data;
  const field = (k: string) => {
    const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  const folder: PackFolder = { dir };
  const kind = field('kind');
  const id = field('id');
  const ext = field('extends');
  if (kind) folder.kind = kind;
  if (id) folder.id = id;
  if (ext) {
    folder.extends = ext;
    folder.extendsLine = parsed.source.lineOf(['extends']);
  }
  return folder;
}
