import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  checkProviderClasses,
  ProviderClassesFile,
  ProviderClassesMeta,
  providerTypes,
  type ProviderClasses,
} from '../core/providers/classes.ts';
import type { PackKindValidator } from './pack-validators.ts';
import { checkSchema, readYaml, type PackProblem, type YamlSource } from './yaml-source.ts';

export type ProviderClassesLoadResult =
  { ok: true; pack: ProviderClasses } | { ok: false; problems: PackProblem[] };

/**
 * Load a provider-classes pack folder (pack.yaml + classes.yaml). Every problem of both files is reported, each as
 * file:line: message; the pack is returned only when there are none. `expectedId`, when given, must be the pack id
 * (the folder name of a shipped pack).
 */
export async function loadProviderClassesPack(
  dir: string,
  displayDir = dir,
  expectedId?: string,
): Promise<ProviderClassesLoadResult> {
  const problems: PackProblem[] = [];
  async function read<T extends z.ZodType>(
    name: string,
    schema: T,
  ): Promise<{ value: z.infer<T>; source: YamlSource } | null> {
    const parsed = await readYaml(join(dir, name), join(displayDir, name));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return null;
    }
    const checked = checkSchema(parsed.source, schema);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return null;
    }
    return { value: checked.value, source: parsed.source };
  }
  const meta = await read('pack.yaml', ProviderClassesMeta);
  const classes = await read('classes.yaml', ProviderClassesFile);
  if (meta && expectedId !== undefined && meta.value.id !== expectedId)
    problems.push({
      file: meta.source.file,
      line: meta.source.lineOf(['id']),
      message: `pack id ${meta.value.id} ≠ folder ${expectedId}`,
    });
  if (classes)
    for (const p of checkProviderClasses(classes.value))
      problems.push({ file: classes.source.file, line: classes.source.lineOf(p.path), message: p.message });
  if (!meta || !classes || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    pack: {
      meta: meta.value,
      classes: classes.value.classes,
      pilotCategories: classes.value.pilotCategories,
    },
  };
}

/** Provider-classes packs in a folder: sub-folders holding a pack.yaml (the folder name is the pack id). */
export async function listProviderClassesPacks(providersDir: string): Promise<string[]> {
  const entries = await readdir(providersDir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const files = await readdir(join(providersDir, e.name)).catch(() => [] as string[]);
    if (files.includes('pack.yaml')) out.push(e.name);
  }
  return out.sort();
}

/** `tupu pack validate` for `kind: provider-classes` packs: each folder on its own, every problem with file and line. */
export const validateProviderClassesPacks: PackKindValidator = async (_root, folders) => {
  const problems: PackProblem[] = [];
  const summaries: string[] = [];
  for (const f of folders) {
    const r = await loadProviderClassesPack(f.dir, relative(process.cwd(), f.dir) || f.dir);
    if (!r.ok) problems.push(...r.problems);
    else {
      const m = r.pack.meta;
      summaries.push(
        `provider-classes ${m.id}@${m.version} ${r.pack.classes.length} classes, ${providerTypes(r.pack).length} types, ${r.pack.pilotCategories.length} pilot categories`,
      );
    }
  }
  return { problems, summaries };
};
