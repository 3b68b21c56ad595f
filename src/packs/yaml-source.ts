import { load as loadFast } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
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
 * Parse YAML text. The data comes from the fast parser (js-yaml); positions come from the `yaml` library, which
 * is slower, so its document is built only when a line is asked for (that is, when there is a problem to report)
 * or when the fast parser refuses the text and the syntax error needs its line.
 */
export function parseYaml(file: string, text: string): YamlParseResult {
  let data: unknown;
  try {
    data = loadFast(text, { filename: file, json: false });
  } catch {
    return parseYamlWithPositions(file, text);
  }
  let positions: YamlSource | undefined;
  const lineOf = (path: readonly PropertyKey[]): number => {
    if (!positions) {
      const full = parseYamlWithPositions(file, text);
      if (!full.ok) return 1;
      positions = full.source;
    }
    return positions.lineOf(path);
  };
  return { ok: true, source: { file, data, lineOf } };
}

/** Parse with the `yaml` library, keeping positions; syntax errors come back as problems with their line. */
function parseYamlWithPositions(file: string, text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { ok: true, source: { file, data: doc.toJS() as unknown, lineOf } };
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
