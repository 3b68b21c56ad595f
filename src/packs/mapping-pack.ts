/**
 * Reads a mapping pack folder (pack.yaml + concepts.yaml, kind `mapping`; src/core/mapping/mapping-schema.ts) and
 * checks it against the indicator systems it links: every model named, every item of every concept, scenes only where
 * the model has them. Every problem is reported as file:line: message; the mapping is returned only when there are
 * none (nothing half-loaded).
 */
import { basename, dirname, join, relative } from 'node:path';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { mappableItems } from '../core/mapping/estimate.ts';
import { ConceptsFile, MappingPackMeta, type ModelMapping } from '../core/mapping/mapping-schema.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById } from './model-load.ts';
import type { PackKindValidator } from './pack-validators.ts';
import { checkSchema, formatProblem, readYaml, type PackProblem, type YamlSource } from './yaml-source.ts';

export type MappingPackLoadResult =
  { ok: true; mapping: ModelMapping } | { ok: false; problems: PackProblem[] };

/** The mapping the server serves unless told otherwise (under the packs folder). */
export const DEFAULT_MAPPING_PACK = join('mappings', 'guide-2024');

/**
 * Load a mapping pack. `models` are the loaded indicator systems; with `requireAll` every model the pack names must be
 * among them (`tupu pack validate`), without it the models not loaded are skipped (a server given fewer models).
 */
export async function loadMappingPack(
  dir: string,
  models: ReadonlyMap<string, IndicatorSystem>,
  options: { requireAll: boolean; displayDir?: string },
): Promise<MappingPackLoadResult> {
  const displayDir = options.displayDir ?? dir;
  const problems: PackProblem[] = [];
  async function read<T extends typeof MappingPackMeta | typeof ConceptsFile>(name: string, schema: T) {
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
    return { value: checked.value as T['_output'], source: parsed.source };
  }
  const meta = await read('pack.yaml', MappingPackMeta);
  const concepts = await read('concepts.yaml', ConceptsFile);
  if (!meta || !concepts) return { ok: false, problems };
  const at = (src: YamlSource, path: PropertyKey[], message: string) =>
    problems.push({ file: src.file, line: src.lineOf(path), message });
  const m = meta.value;
  if (m.id !== basename(dir)) at(meta.source, ['id'], `pack id ${m.id} ≠ folder ${basename(dir)}`);
  const named = new Set<string>();
  m.models.forEach((id, i) => {
    if (named.has(id)) at(meta.source, ['models', i], `model ${id} is listed twice`);
    named.add(id);
    if (options.requireAll && !models.has(id))
      at(
        meta.source,
        ['models', i],
        `no model pack "${id}" is loaded (available: ${[...models.keys()].join(', ')})`,
      );
  });
  const items = new Map<string, Set<string>>();
  for (const id of named) {
    const model = models.get(id);
    if (model) items.set(id, new Set(mappableItems(model).map((x) => `${x.kind}:${x.id}`)));
  }
  const seen = new Set<string>();
  const c = concepts.value;
  c.concepts.forEach((concept, ci) => {
    if (seen.has(concept.id))
      at(concepts.source, ['concepts', ci, 'id'], `duplicate concept id "${concept.id}"`);
    seen.add(concept.id);
    const inConcept = new Set<string>();
    concept.members.forEach((member, mi) => {
      const path = ['concepts', ci, 'members', mi];
      const k = `${member.model}:${member.kind}:${member.item}`;
      if (inConcept.has(k))
        at(concepts.source, path, `concept ${concept.id} lists ${member.model} ${member.item} twice`);
      inConcept.add(k);
      if (!named.has(member.model)) {
        at(concepts.source, [...path, 'model'], `model ${member.model} is not in pack.yaml's models`);
        return;
      }
      const known = items.get(member.model);
      if (!known) return; // not loaded, and not required
      if (!known.has(`${member.kind}:${member.item}`)) {
        const model = models.get(member.model);
        const what =
          member.kind === 'scene'
            ? 'scene'
            : model?.family === 'points'
              ? 'indicator'
              : model?.family === 'staged'
                ? 'sub-domain'
                : 'checklist group';
        at(concepts.source, [...path, 'item'], `model ${member.model} has no ${what} "${member.item}"`);
      }
    });
    if (new Set(concept.members.map((x) => x.model)).size < 2)
      at(
        concepts.source,
        ['concepts', ci, 'members'],
        `concept ${concept.id} must link items of at least two models`,
      );
  });
  return problems.length === 0
    ? { ok: true, mapping: { meta: m, concepts: c.concepts } }
    : { ok: false, problems };
}

/** The mapping, or an error listing every problem (the server refuses to start on a broken pack). */
export async function loadMappingPackOrThrow(
  dir: string,
  models: ReadonlyMap<string, IndicatorSystem>,
): Promise<ModelMapping> {
  const r = await loadMappingPack(dir, models, { requireAll: false });
  if (!r.ok)
    throw new Error(`the mapping pack ${dir} does not load:\n${r.problems.map(formatProblem).join('\n')}`);
  return r.mapping;
}

/** The model packs beside a mapping pack: `<packs>/models` for `<packs>/mappings/<id>`. */
async function modelsBeside(mappingDir: string): Promise<Map<string, IndicatorSystem>> {
  const modelsDir = join(dirname(dirname(mappingDir)), 'models');
  const out = new Map<string, IndicatorSystem>();
  for (const id of await listIndicatorSystemPacks(modelsDir)) {
    const r = await loadIndicatorSystemById(modelsDir, id);
    if (r.ok) out.set(id, r.model);
  }
  return out;
}

/** `tupu pack validate` for kind `mapping`: each pack checked against the model packs beside it (`../../models`). */
export const validateMappingPacks: PackKindValidator = async (_root, folders) => {
  const result = { problems: [] as PackProblem[], summaries: [] as string[] };
  for (const folder of folders) {
    const models = await modelsBeside(folder.dir);
    const r = await loadMappingPack(folder.dir, models, {
      requireAll: true,
      displayDir: relative(process.cwd(), folder.dir) || folder.dir,
    });
    if (!r.ok) result.problems.push(...r.problems);
    else
      result.summaries.push(
        `mapping ${r.mapping.meta.id}@${r.mapping.meta.version} ${r.mapping.concepts.length} concepts over ` +
          `${r.mapping.meta.models.length} models`,
      );
  }
  return result;
};
