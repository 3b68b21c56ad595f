/** Reads a data quality rules file (YAML, src/core/data-quality/rules.ts) with file:line problems, as packs are read. */
import { RulesFile } from '../core/data-quality/rules.ts';
import { checkSchema, readYaml, type PackProblem } from '../packs/yaml-source.ts';

export async function loadRulesFile(
  path: string,
): Promise<{ ok: true; rules: RulesFile } | { ok: false; problems: PackProblem[] }> {
  const parsed = await readYaml(path);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(parsed.source, RulesFile);
  return checked.ok ? { ok: true, rules: checked.value } : checked;
}
