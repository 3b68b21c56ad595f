import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/client.ts';
import { backupFileName, writeBackup } from '../../db/backup/write-backup.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { forbidden } from '../../server/app-error.ts';

export interface ExportedBackup {
  /** the file written, in a folder of its own */
  file: string;
  name: string;
  encrypted: boolean;
  /** remove the file and its folder (once it has been sent) */
  discard: () => Promise<void>;
}

/**
 * Write the whole database as a `tupu backup` file, for an administrator of the platform organisation (403 for any
 * other; the route's `admin` access has checked the role), encrypted with `passphrase` when there is one. The file
 * is in a temporary folder of its own, which `discard` removes.
 */
export async function exportBackup(
  db: Db,
  organisation: Pick<OrganisationPlace, 'kind'>,
  options: { passphrase: string | undefined; version: string; now?: Date },
): Promise<ExportedBackup> {
  if (organisation.kind !== 'platform') throw forbidden('Only platform administrators download backups');
  const encrypted = options.passphrase !== undefined;
  const folder = await mkdtemp(join(tmpdir(), 'tupu-backup-'));
  const discard = () => rm(folder, { recursive: true, force: true });
  const name = backupFileName(options.now ?? new Date(), encrypted);
  const file = join(folder, name);
  try {
    await writeBackup(db, file, options.version, { passphrase: options.passphrase });
  } catch (err) {
    await discard();
    throw err;
  }
  return { file, name, encrypted, discard };
}
