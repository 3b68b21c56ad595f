import { z } from 'zod';
import { mergeAtlas } from '../core/atlas/merge.ts';
import { Kpi, Link, PackMeta, PainPoint, Scenario, Vocabulary } from '../core/atlas/pack-schema.ts';
import type { Atlas, AtlasPackData, AtlasProblem } from '../core/atlas/types.ts';
import {
  validateAtlasPack,
  type PackSources,
  type SourceRef,
  type Unreadable,
} from '../core/atlas/validate.ts';

type Path = readonly (string | number)[];
import type { PackProblem, YamlParseResult, YamlSource } from './yaml-source.ts';

/** The files of an atlas pack folder, by role. */
export const ATLAS_FILES = {
  meta: 'pack.yaml',
  vocabulary: 'vocabulary.yaml',
  painPoints: 'pain-points.yaml',
  kpis: 'kpis.yaml',
  scenarios: 'scenarios.yaml',
  links: 'links.yaml',
} as const;
export type AtlasFileRole = keyof typeof ATLAS_FILES;

/** Problems carry the data path of the offending value when there is one (the spreadsheet import uses it). */
export type AtlasLoadResult = { ok: true; atlas: Atlas } | { ok: false; problems: AtlasProblem[] };

/** Like checkSchema of yaml-source.ts, but each problem keeps its data path. */
function checkWhole<T>(
  source: YamlSource,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; problems: AtlasProblem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => issueProblem(source, issue.path, issue.message)),
  };
}

function issueProblem(source: YamlSource, path: readonly PropertyKey[], message: string): AtlasProblem {
  const p = path.map((k) => (typeof k === 'number' ? k : String(k)));
  return {
    file: source.file,
    line: source.lineOf(p),
    message: `${p.length ? p.join('.') + ': ' : ''}${message}`,
    path: p,
  };
}

/** Finds the loaded atlas a pack extends, by id; undefined when no pack has that id. */
export type AtlasResolver = (id: string) => Promise<AtlasLoadResult | undefined>;

/** Parsed files of one pack (a missing optional file is absent). */
export type AtlasPackFiles = Partial<Record<AtlasFileRole, YamlParseResult>>;

interface ItemsResult<T> {
  items: T[];
  problems: AtlasProblem[];
  /** `key` field (code or id) of items dropped for schema errors */
  droppedKeys: string[];
  /** the file's top level was unusable */
  unreadable: boolean;
  /** index in the file of each kept item */
  indices: number[];
}

/** Check a `{ <list>: [...] }` file item by item, so one bad item does not hide the others. */
function checkItems<T>(source: YamlSource, list: string, item: z.ZodType<T>, key: string): ItemsResult<T> {
  const top = checkWhole(source, z.strictObject({ [list]: z.array(z.unknown()) }));
  if (!top.ok) return { items: [], problems: top.problems, droppedKeys: [], unreadable: true, indices: [] };
  const raw = top.value[list] as unknown[];
  const result: ItemsResult<T> = { items: [], problems: [], droppedKeys: [], unreadable: false, indices: [] };
  raw.forEach((value, i) => {
    const parsed = item.safeParse(value);
    if (parsed.success) {
      result.items.push(parsed.data);
      result.indices.push(i);
      return;
    }
    for (const issue of parsed.error.issues) {
      result.problems.push(issueProblem(source, [list, i, ...issue.path], issue.message));
    }
    const k =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof k === 'string') result.droppedKeys.push(k);
  });
  return result;
}

const byLine = (a: AtlasProblem, b: AtlasProblem) => a.file.localeCompare(b.file) || a.line - b.line;

/**
 * Check the parsed files of one atlas pack (schema per file, item by item; then the cross-file rules) and merge it
 * with the atlas it extends. Every problem is reported; nothing is returned unless there are none.
 */
export async function checkAtlasPackFiles(
  files: AtlasPackFiles,
  resolve: AtlasResolver,
): Promise<AtlasLoadResult> {
  const problems: AtlasProblem[] = [];
  const sourceOf = (role: AtlasFileRole): YamlSource | undefined => {
    const parsed = files[role];
    if (!parsed) return undefined;
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    return parsed.source;
  };
  const metaSource = sourceOf('meta');
  if (!files.meta) problems.push({ file: ATLAS_FILES.meta, line: 1, message: 'pack.yaml is missing' });
  const meta = metaSource ? checkWhole(metaSource, PackMeta) : undefined;
  if (meta && !meta.ok) problems.push(...meta.problems);

  const vocabularySource = sourceOf('vocabulary');
  const vocabulary = vocabularySource ? checkWhole(vocabularySource, Vocabulary) : undefined;
  if (vocabulary && !vocabulary.ok) problems.push(...vocabulary.problems);

  /** a list file: kept items, and a source whose paths use the kept items' indices but point at the file's lines */
  const list = <T>(role: AtlasFileRole, key: string, item: z.ZodType<T>, idField: string) => {
    const source = sourceOf(role);
    if (!source) {
      return {
        ref: undefined,
        items: [] as T[],
        dropped: [] as string[],
        unreadable: files[role] !== undefined,
        remap: (p: Path) => p,
      };
    }
    const r = checkItems(source, key, item, idField);
    problems.push(...r.problems);
    const remap = (path: Path): Path =>
      typeof path[1] === 'number' ? [path[0]!, r.indices[path[1]] ?? path[1], ...path.slice(2)] : path;
    const ref: SourceRef = { file: source.file, lineOf: (path) => source.lineOf(remap(path)) };
    return { ref, items: r.items, dropped: r.droppedKeys, unreadable: r.unreadable, remap };
  };
  const painPoints = list('painPoints', 'painPoints', PainPoint, 'id');
  const kpis = list('kpis', 'kpis', Kpi, 'id');
  const scenarios = list('scenarios', 'scenarios', Scenario, 'code');
  const links = list('links', 'links', Link, 'from');

  let base: Atlas | undefined;
  if (meta?.ok && meta.value.extends && metaSource) {
    const line = metaSource.lineOf(['extends']);
    const resolved = await resolve(meta.value.extends);
    if (!resolved) {
      problems.push({ file: metaSource.file, line, message: `extends unknown pack "${meta.value.extends}"` });
    } else if (!resolved.ok) {
      problems.push(...resolved.problems);
      problems.push({
        file: metaSource.file,
        line,
        message: `cannot extend "${meta.value.extends}": it has problems`,
      });
    } else {
      base = resolved.atlas;
    }
  }
  if (!meta?.ok || !metaSource) return { ok: false, problems: dedupe(problems).sort(byLine) };

  const pack: AtlasPackData = {
    meta: meta.value,
    ...(vocabulary?.ok ? { vocabulary: vocabulary.value } : {}),
    painPoints: painPoints.items,
    kpis: kpis.items,
    scenarios: scenarios.items,
    links: links.items,
  };
  const extendsUnresolved = meta.value.extends !== undefined && base === undefined;
  if (!extendsUnresolved) {
    const sources: PackSources = {
      meta: metaSource,
      ...(vocabularySource ? { vocabulary: vocabularySource } : {}),
      ...(painPoints.ref ? { painPoints: painPoints.ref } : {}),
      ...(kpis.ref ? { kpis: kpis.ref } : {}),
      ...(scenarios.ref ? { scenarios: scenarios.ref } : {}),
      ...(links.ref ? { links: links.ref } : {}),
    };
    const unreadable: Unreadable = {
      vocabulary: vocabulary !== undefined ? !vocabulary.ok : files.vocabulary !== undefined,
      painPoints: painPoints.unreadable,
      kpis: kpis.unreadable,
      scenarios: scenarios.unreadable,
      painPointIds: painPoints.dropped,
      kpiIds: kpis.dropped,
      scenarioCodes: scenarios.dropped,
    };
    const lists: Record<string, { ref: SourceRef | undefined; remap(p: Path): Path } | undefined> = {
      painPoints,
      kpis,
      scenarios,
      links,
    };
    for (const p of validateAtlasPack(pack, sources, base, unreadable)) {
      const owner = p.path ? lists[String(p.path[0])] : undefined;
      problems.push(owner && p.path && owner.ref?.file === p.file ? { ...p, path: owner.remap(p.path) } : p);
    }
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems).sort(byLine) };
  return { ok: true, atlas: mergeAtlas(pack, base) };
}

export function dedupe<P extends PackProblem>(problems: readonly P[]): P[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}\u0000${p.line}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
