import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ADMIN_EMAIL, ensurePlatformAdmin, type AdminBootstrap } from '../../db/seed/platform-admin.ts';
import { AppError } from '../../server/app-error.ts';
import { generatePassword, hashPassword } from './password.ts';
import { passwordProblems } from './password-policy.ts';

/** TUPU_ADMIN_PASSWORD breaks the password policy: the server (or command) does not start. */
export class WeakAdminPasswordError extends AppError {
  constructor(reasons: string) {
    super(
      400,
      'weak_password',
      `TUPU_ADMIN_PASSWORD is refused: ${reasons}; choose a stronger one or unset it`,
    );
    this.name = 'WeakAdminPasswordError';
  }
}

/** Throws WeakAdminPasswordError, naming each broken rule on one line, unless the password meets the policy. */
export async function checkAdminPassword(password: string): Promise<void> {
  const problems = await passwordProblems(password, {
    email: ADMIN_EMAIL,
    displayName: '平台管理员',
  });
  if (problems.length > 0) {
    throw new WeakAdminPasswordError(problems.map((p) => p.message.replace(/^A password/, 'it')).join('; '));
  }
}

/**
 * Creates the first platform admin on an empty database, with TUPU_ADMIN_PASSWORD or a generated one-time password
 * (undefined when users exist). `tupu serve` and the account commands both call it, so whichever runs first on a new
 * database creates the admin. A TUPU_ADMIN_PASSWORD that breaks the password policy stops them, whether or not the
 * database is new: a weak secret is not left in the environment.
 */
export async function bootstrapPlatformAdmin(
  db: Db,
  config: Pick<Config, 'adminPassword'>,
): Promise<AdminBootstrap | undefined> {
  if (config.adminPassword !== undefined) await checkAdminPassword(config.adminPassword);
  return ensurePlatformAdmin(db, {
    password: config.adminPassword,
    hash: hashPassword,
    generate: () => generatePassword(),
  });
}
