/**
 * Generated atlas packs for the hostile-input tests of the pack parser (issue 18; src/packs/pack-parser-*.property.test.ts):
 * arbitrary text, YAML built to hurt (aliases, tags, duplicate keys, odd indentation), and a valid pack with lines or
 * values changed at random; and the check every one of them must pass.
 */
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  ATLAS_FILES,
  checkAtlasPackFiles,
  type AtlasFileRole,
  type AtlasPackFiles,
} from '../../src/packs/atlas-check.ts';
import { formatProblem, parseYaml } from '../../src/packs/yaml-source.ts';

const FIXTURE = 'src/packs/fixtures/atlas/good/base';
export const ROLES = Object.keys(ATLAS_FILES) as AtlasFileRole[];
const FILE_NAMES = new Set<string>(Object.values(ATLAS_FILES));
/** the text of each file of a valid pack */
export const VALID = Object.fromEntries(
  ROLES.map((r) => [r, readFileSync(join(FIXTURE, ATLAS_FILES[r]), 'utf8')]),
) as Record<AtlasFileRole, string>;
/** the longest one pack file may take to check, far above the few milliseconds it takes */
const BOUND_MS = 2_000;

export type Texts = Partial<Record<AtlasFileRole, string>>;

/** Pieces of YAML syntax, so that generated text is often YAML and reaches the schemas. */
const yamlPiece = fc.constantFrom(
  ':',
  ': ',
  '- ',
  '  ',
  '\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '!!js/function ',
  '!custom ',
  '<<: ',
  '? ',
  '#',
  '|',
  '>-',
  "'",
  '"',
  '---',
  '...',
  '%YAML 1.1',
  'scenarios',
  'code',
  'name',
  'zh',
  'id',
  '~',
  'null',
  'true',
  '1e999',
  '-0',
  '0x1F',
  '2024-01-01',
  '明远',
  '\u0000',
  '\uFEFF',
  '\u2028',
);
const yamlish = fc.array(yamlPiece, { maxLength: 40 }).map((ps) => ps.join(''));
export const anyText = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 3, arbitrary: yamlish },
);

/** Aliases nested `depth` deep, `width` each: a billion laughs when expanded, at a place the schemas read. */
export const aliasBomb = fc
  .record({ depth: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 2, max: 12 }) })
  .map(({ depth, width }) => {
    const lines = ['scenarios:', `  - &a0 {code: GEN-RD-01, name: {zh: x, en: x}}`];
    for (let i = 1; i <= depth; i++)
      lines.push(`  - &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push(`  - {code: GEN-RD-09, painPoints: *a${depth}, elements: {data: *a${depth}}}`);
    return lines.join('\n');
  });

/** A valid file with one line deleted, doubled, swapped with the next, re-indented or replaced by generated text. */
export const lineEdit = (text: string) =>
  fc
    .record({
      at: fc.nat(),
      how: fc.constantFrom('delete', 'double', 'swap', 'indent', 'dedent', 'replace', 'insert'),
      piece: anyText,
    })
    .map(({ at, how, piece }) => {
      const lines = text.split('\n');
      const i = at % lines.length;
      const line = lines[i]!;
      if (how === 'delete') lines.splice(i, 1);
      else if (how === 'double') lines.splice(i, 0, line);
      else if (how === 'swap')
        [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length]!, line];
      else if (how === 'indent') lines[i] = `   ${line}`;
      else if (how === 'dedent') lines[i] = line.trimStart();
      else if (how === 'replace') lines[i] = piece;
      else lines.splice(i, 0, piece);
      return lines.join('\n');
    });

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** Every path to a value inside `data`, the root first. */
function pathsOf(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(data)) return [...here, ...data.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (data !== null && typeof data === 'object')
    return [...here, ...Object.entries(data).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}
/** `data` with the value at `path` replaced (or deleted when `value` is undefined). */
function replaced(data: unknown, path: readonly (string | number)[], value: Json | undefined): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(data) ? [...(data as unknown[])] : { ...(data as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && value === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = replaced(copy[head], rest, value);
  return copy;
}

/** A valid file with one value, anywhere in it, replaced by any JSON value or removed, written back as YAML. */
export const valueEdit = (text: string) => {
  const data = load(text);
  const paths = pathsOf(data);
  return fc
    .record({
      at: fc.nat(),
      value: fc.option(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, { nil: undefined }),
    })
    .map(({ at, value }) => dump(replaced(data, paths[at % paths.length]!, value) ?? null));
};

/** A pack: each file valid, left out, or edited by `edit`, chosen per file. */
export const pack = (edit: (role: AtlasFileRole) => fc.Arbitrary<string>): fc.Arbitrary<Texts> =>
  fc.record(
    Object.fromEntries(
      ROLES.map((r) => [
        r,
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(VALID[r]) },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 3, arbitrary: edit(r) },
        ),
      ]),
    ) as Record<AtlasFileRole, fc.Arbitrary<string | undefined>>,
    { requiredKeys: [] },
  );

const lineCount = (text: string | undefined) => (text === undefined ? 0 : text.split(/\r\n|\r|\n/).length);

/** Parse and check the pack; it must answer in time, and every problem must name a pack file and a line in it. */
export async function checkPack(texts: Texts): Promise<void> {
  const started = performance.now();
  const files: AtlasPackFiles = {};
  for (const r of ROLES) {
    const text = texts[r];
    if (text !== undefined) files[r] = parseYaml(ATLAS_FILES[r], text);
  }
  const result = await checkAtlasPackFiles(files, async () => undefined);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  const textOf = new Map(ROLES.map((r) => [ATLAS_FILES[r] as string, texts[r]]));
  for (const p of result.problems) {
    expect(FILE_NAMES.has(p.file), formatProblem(p)).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1, formatProblem(p)).toBe(true);
    expect(p.line, formatProblem(p)).toBeLessThanOrEqual(Math.max(1, lineCount(textOf.get(p.file)) + 1));
    expect(p.message.trim().length, formatProblem(p)).toBeGreaterThan(0);
    expect(formatProblem(p)).toMatch(/^[\w.-]+\.yaml:\d+: \S/);
  }
}
