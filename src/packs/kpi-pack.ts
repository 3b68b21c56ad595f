/**
 * Reads a KPI catalogue pack folder (pack.yaml + kpis.yaml, kind `kpis`): the data fields and the KPIs computed
 * from them (src/core/kpi/catalogue-schema.ts). Every problem of every file — a formula that does not parse or
 * names an unknown field included — is reported as file:line: message; the catalogue is returned only when there
 * are none.
 */
import { relative } from 'node:path';
import { KpiFile, KpiPackMeta, type KpiCatalogue } from '../core/kpi/catalogue-schema.ts';
import type { PackKindValidator } from './pack-validators.ts';
import { packFileReader } from './pack-file-reader.ts';
import type { PackProblem } from './yaml-source.ts';

export type KpiPackLoadResult =
  { ok: true; catalogue: KpiCatalogue } | { ok: false; problems: PackProblem[] };

/** The KPI catalogue used unless told otherwise. */
export const DEFAULT_KPI_PACK = 'packs/kpis/guide-2024';

export async function loadKpiPack(dir: string, displayDir = dir): Promise<KpiPackLoadResult> {
  const { read, problems } = packFileReader(dir, displayDir);
  const meta = await read('pack.yaml', KpiPackMeta);
  const file = await read('kpis.yaml', KpiFile);
  if (!meta || !file || problems.length > 0) return { ok: false, problems };
  return { ok: true, catalogue: { meta, fields: file.fields, kpis: file.kpis, units: file.units ?? {} } };
}

/** `tupu pack validate` for kind `kpis`. */
export const validateKpiPacks: PackKindValidator = async (_root, folders) => {
  const result = { problems: [] as PackProblem[], summaries: [] as string[] };
  for (const folder of folders) {
    const r = await loadKpiPack(folder.dir, relative(process.cwd(), folder.dir) || folder.dir);
    if (!r.ok) result.problems.push(...r.problems);
    else
      result.summaries.push(
        `kpis ${r.catalogue.meta.id}@${r.catalogue.meta.version} ${r.catalogue.kpis.length} KPIs over ` +
          `${r.catalogue.fields.length} data fields`,
      );
  }
  return result;
};

/** The catalogue, or an error listing every problem (the server refuses to start on a broken pack). */
export async function loadKpiPackOrThrow(dir = DEFAULT_KPI_PACK): Promise<KpiCatalogue> {
  const r = await loadKpiPack(dir);
  if (!r.ok)
    throw new Error(
      `the KPI pack ${dir} does not load:\n${r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
  return r.catalogue;
}
