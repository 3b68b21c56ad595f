import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';

/** One problem found in a pack, reported as `file:line: message`. */
export interface PackProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: PackProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** A parsed YAML file that can tell the line of any path inside it. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** line (1-based) of the value at `path`, or of its nearest existing ancestor */
  lineOf(path: readonly PropertyKey[]): number;
}

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; problems: PackProblem[] };

/**
 * How every pack file is read: by one parser (js-yaml) with one schema, YAML 1.2 core, so a scalar is a string,
 * number, boolean or null and nothing else: `d: 2024-01-01` is the text "2024-01-01", not a Date (pack data is plain
 * data), and `<<` is an ordinary key. A key given twice is an error.
 *
 * js-yaml gives no position per value, so when a problem needs the line of a value, the `yaml` library locates it:
 * only where each node starts is taken from it, never data. (Reading with `yaml` alone keeps the lines but made the
 * 2,000-scenario bench atlas load in 2.1 s instead of 0.33 s, over its 1 s target.)
 */
const PACK_SCHEMA = CORE_SCHEMA;
const LOCATOR_OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: false } as const;

/** Parse YAML text; a syntax error comes back as a problem with its line, and the source can tell any value's line. */
export function parseYaml(file: string, text: string): YamlParseResult {
  let data: unknown;
  try {
    data = load(text, { filename: file, schema: PACK_SCHEMA });
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const line = err.mark ? err.mark.line + 1 : 1;
    return { ok: false, problems: [{ file, line, message: `YAML syntax error: ${err.reason}` }] };
  }
  let locate: ((path: readonly PropertyKey[]) => number) | undefined;
  const lineOf = (path: readonly PropertyKey[]): number => (locate ??= lineLocator(text))(path);
  return { ok: true, source: { file, data, lineOf } };
}

/** The line (1-based) where the value at a path starts, or its nearest existing ancestor; 1 when unknown. */
function lineLocator(text: string): (path: readonly PropertyKey[]) => number {
  // `yaml` (~40 ms, ~9 MB) is loaded on the first problem that needs a line, not by every start that reads packs
  const { isNode, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...LOCATOR_OPTIONS, lineCounter });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
}

export async function readYaml(file: string, displayName = file): Promise<YamlParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ file: displayName, line: 1, message: `cannot read file: ${reason}` }] };
  }
  return parseYaml(displayName, text);
}

/** Validate a parsed file against a zod schema; every issue becomes a problem with its line. */
export function checkSchema<T extends z.ZodType>(
  source: YamlSource,
  schema: T,
): { ok: true; value: z.infer<T> } | { ok: false; problems: PackProblem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file: source.file,
      line: source.lineOf(issue.path),
      message: `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`,
    })),
  };
}
