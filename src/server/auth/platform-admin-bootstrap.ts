import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ensurePlatformAdmin, type AdminBootstrap } from '../../db/seed/platform-admin.ts';
import { generatePassword, hashPassword } from './password.ts';

/**
 * Creates the first platform admin on an empty database, with TUPU_ADMIN_PASSWORD or a generated one-time password
 * (undefined when users exist). `tupu serve` and the account commands both call it, so whichever runs first on a new
 * database creates the admin.
 */
export function bootstrapPlatformAdmin(
  db: Db,
  config: Pick<Config, 'adminPassword'>,
): Promise<AdminBootstrap | undefined> {
  return ensurePlatformAdmin(db, {
    password: config.adminPassword,
    hash: hashPassword,
    generate: () => generatePassword(),
  });
}
