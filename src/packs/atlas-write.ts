import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AtlasPackData } from '../core/atlas/types.ts';
import { ATLAS_FILES } from './atlas-check.ts';

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
