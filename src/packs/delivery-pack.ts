/**
 * Reads a delivery pack folder (pack.yaml + delivery.yaml, kind `delivery`): the gates, supervision checklists and
 * team roles of project delivery (src/core/delivery/pack-schema.ts). Every problem of every file is reported as
 * file:line: message; the pack is returned only when there are none.
 */
import { relative } from 'node:path';
import { DeliveryFile, DeliveryPackMeta, type DeliveryPack } from '../core/delivery/pack-schema.ts';
import type { PackKindValidator } from './pack-validators.ts';
import { packFileReader } from './pack-file-reader.ts';
import type { PackProblem } from './yaml-source.ts';

export type DeliveryPackLoadResult =
  { ok: true; pack: DeliveryPack } | { ok: false; problems: PackProblem[] };

/** The delivery pack the server uses unless told otherwise. */
export const DEFAULT_DELIVERY_PACK = 'packs/delivery/default-2024';

export async function loadDeliveryPack(dir: string, displayDir = dir): Promise<DeliveryPackLoadResult> {
  const { read, problems } = packFileReader(dir, displayDir);
  const meta = await read('pack.yaml', DeliveryPackMeta);
  const file = await read('delivery.yaml', DeliveryFile);
  if (!meta || !file || problems.length > 0) return { ok: false, problems };
  return { ok: true, pack: { meta, ...file } };
}

/** Throws with every problem, one per line: for the server's start, where a broken pack must stop it. */
export async function loadDeliveryPackOrThrow(dir = DEFAULT_DELIVERY_PACK): Promise<DeliveryPack> {
  const r = await loadDeliveryPack(dir);
  if (!r.ok)
    throw new Error(
      `the delivery pack ${dir} does not load:\n${r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
  return r.pack;
}

/** `tupu pack validate` for kind `delivery`. */
export const validateDeliveryPacks: PackKindValidator = async (_root, folders) => {
  const result = { problems: [] as PackProblem[], summaries: [] as string[] };
  for (const folder of folders) {
    const r = await loadDeliveryPack(folder.dir, relative(process.cwd(), folder.dir) || folder.dir);
    if (!r.ok) result.problems.push(...r.problems);
    else
      result.summaries.push(
        `delivery ${r.pack.meta.id}@${r.pack.meta.version} ${r.pack.gates.length} gates, ` +
          `${r.pack.supervision.length} supervision checklists, ${r.pack.roles.length} roles`,
      );
  }
  return result;
};
