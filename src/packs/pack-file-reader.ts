/**
 * Reads the YAML files of one pack folder against their schemas, gathering every problem as file:line: message, and
 * checks that pack.yaml's id names the folder. Shared by the loaders of packs made of a pack.yaml and data files.
 */
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { checkSchema, readYaml, type PackProblem } from './yaml-source.ts';

export interface PackFileReader {
  /** the file's value when it parses and fits the schema; else undefined, with its problems gathered */
  read: <T extends z.ZodType>(name: string, schema: T) => Promise<z.infer<T> | undefined>;
  /** every problem gathered so far */
  readonly problems: PackProblem[];
}

export function packFileReader(dir: string, displayDir = dir): PackFileReader {
  const problems: PackProblem[] = [];
  async function read<T extends z.ZodType>(name: string, schema: T): Promise<z.infer<T> | undefined> {
    const parsed = await readYaml(join(dir, name), join(displayDir, name));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    const checked = checkSchema(parsed.source, schema);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return undefined;
    }
    if (name === 'pack.yaml') {
      const id = (checked.value as { id: string }).id;
      if (id !== basename(dir))
        problems.push({
          file: parsed.source.file,
          line: parsed.source.lineOf(['id']),
          message: `pack id ${id} ≠ folder ${basename(dir)}`,
        });
    }
    return checked.value;
  }
  return { read, problems };
}
