import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AtlasPackData } from '../core/atlas/types.ts';
import {
  ATLAS_FILES,
  checkAtlasPackFiles,
  type AtlasFileRole,
  type AtlasLoadResult,
  type AtlasPackFiles,
  type AtlasResolver,
} from './atlas-check.ts';
import { parseYaml } from './yaml-source.ts';

const yaml = (header: string, data: unknown) =>
  `# ${header}\n` + stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });

/** The YAML text of each file of a pack folder (catalogue files only when they have entries). */
export function atlasPackYaml(pack: AtlasPackData): Record<string, string> {
  const files: Record<string, string> = {
    [ATLAS_FILES.meta]: yaml('Atlas pack metadata', pack.meta),
  };
  if (pack.vocabulary) files[ATLAS_FILES.vocabulary] = yaml('Closed vocabularies', pack.vocabulary);
  if (pack.painPoints.length > 0) {
    files[ATLAS_FILES.painPoints] = yaml('Pain-point catalogue', { painPoints: pack.painPoints });
  }
  if (pack.kpis.length > 0) files[ATLAS_FILES.kpis] = yaml('KPI catalogue', { kpis: pack.kpis });
  files[ATLAS_FILES.scenarios] = yaml('Scenarios', { scenarios: pack.scenarios });
  if (pack.links.length > 0)
    files[ATLAS_FILES.links] = yaml('Links between scenarios', { links: pack.links });
  return files;
}

/** Check the YAML a pack would be written as, exactly as the loader would read it back — before writing anything. */
export function checkAtlasPackYaml(pack: AtlasPackData, resolve: AtlasResolver): Promise<AtlasLoadResult> {
  const texts = atlasPackYaml(pack);
  const files: AtlasPackFiles = {};
  for (const [role, name] of Object.entries(ATLAS_FILES) as [AtlasFileRole, string][]) {
    const text = texts[name];
    if (text !== undefined) files[role] = parseYaml(name, text);
  }
  return checkAtlasPackFiles(files, resolve);
}

/** Write a pack folder (creating it); returns the paths written. */
export async function writeAtlasPack(dir: string, pack: AtlasPackData): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(atlasPackYaml(pack))) {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    written.push(path);
  }
  return written;
}
