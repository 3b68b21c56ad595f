import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  ChecklistFile,
  DomainsFile,
  IndicatorsFile,
  IndicatorSystemMeta,
  PointsLevelsFile,
  ScenesFile,
  StagedLevelsFile,
  type IndicatorSystem,
} from '../core/diagnosis/model-schema.ts';
import {
  checkPointsIndicatorSystem,
  checkStagedIndicatorSystem,
  checkChecklistIndicatorSystem,
  type Locate,
} from './model-checks.ts';
import { checkSchema, readYaml, type PackProblem, type YamlSource } from './yaml-source.ts';

export type IndicatorSystemLoadResult =
  { ok: true; model: IndicatorSystem } | { ok: false; problems: PackProblem[] };

/**
 * Load a model pack folder (pack.yaml + the files of its family). Every problem of every file is reported, each as
 * file:line: message; the model is returned only when there are none (nothing half-loaded).
 */
export async function loadIndicatorSystemPack(
  dir: string,
  displayDir = dir,
): Promise<IndicatorSystemLoadResult> {
  const problems: PackProblem[] = [];
  const sources: YamlSource[] = [];
  async function read<T extends z.ZodType>(
    name: string,
    schema: T,
  ): Promise<{ value: z.infer<T>; source: YamlSource } | null> {
    const parsed = await readYaml(join(dir, name), join(displayDir, name));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return null;
    }
    sources.push(parsed.source);
    const checked = checkSchema(parsed.source, schema);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return null;
    }
    return { value: checked.value, source: parsed.source };
  }
  const locate =
    (src: YamlSource): Locate =>
    (path, message) =>
      problems.push({ file: src.file, line: src.lineOf(path), message });

  const meta = await read('pack.yaml', IndicatorSystemMeta);
  if (!meta) return { ok: false, problems };
  const m = meta.value;
  if (m.family === 'points') {
    const indicators = await read('indicators.yaml', IndicatorsFile);
    const levels = await read('levels.yaml', PointsLevelsFile);
    const hasScenes = (await readdir(dir)).includes('scenes.yaml');
    const scenes = hasScenes ? await read('scenes.yaml', ScenesFile) : null;
    if (!indicators || !levels || (hasScenes && !scenes)) return { ok: false, problems };
    const model = checkPointsIndicatorSystem(
      m,
      { value: indicators.value, at: locate(indicators.source) },
      { value: levels.value, at: locate(levels.source) },
      scenes ? { value: scenes.value, at: locate(scenes.source) } : null,
    );
    return problems.length === 0 && model ? { ok: true, model } : { ok: false, problems };
  }
  if (m.family === 'staged') {
    const levels = await read('levels.yaml', StagedLevelsFile);
    const domains = await read('domains.yaml', DomainsFile);
    if (!levels || !domains) return { ok: false, problems };
    const model = checkStagedIndicatorSystem(
      m,
      { value: levels.value, at: locate(levels.source) },
      { value: domains.value, at: locate(domains.source) },
    );
    return problems.length === 0 && model ? { ok: true, model } : { ok: false, problems };
  }
  const checklist = await read('checklist.yaml', ChecklistFile);
  if (!checklist) return { ok: false, problems };
  const model = checkChecklistIndicatorSystem(m, { value: checklist.value, at: locate(checklist.source) });
  return problems.length === 0 && model ? { ok: true, model } : { ok: false, problems };
}

/** Model packs in a folder: sub-folders holding a pack.yaml. */
export async function listIndicatorSystemPacks(modelsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(modelsDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const files = await readdir(join(modelsDir, e.name)).catch(() => [] as string[]);
    if (files.includes('pack.yaml')) out.push(e.name);
  }
  return out.sort();
}

/** Load the model pack `id` from `modelsDir` (the folder name is the pack id). */
export async function loadIndicatorSystemById(
  modelsDir: string,
  id: string,
): Promise<IndicatorSystemLoadResult> {
  const known = await listIndicatorSystemPacks(modelsDir);
  if (!known.includes(id))
    return {
      ok: false,
      problems: [
        {
          file: modelsDir,
          line: 1,
          message: `no model pack "${id}" (available: ${known.join(', ') || 'none'})`,
        },
      ],
    };
  const result = await loadIndicatorSystemPack(join(modelsDir, id));
  if (result.ok && result.model.meta.id !== id)
    return {
      ok: false,
      problems: [
        {
          file: join(modelsDir, id, 'pack.yaml'),
          line: 1,
          message: `pack id ${result.model.meta.id} ≠ folder ${id}`,
        },
      ],
    };
  return result;
}
