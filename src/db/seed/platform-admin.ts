import type { Db } from '../client.ts';
import { addMembership, countUsers, createOrganisation, createUser } from '../../server/sessions/accounts.ts';

export const ADMIN_EMAIL = 'admin@tupu.local';

export interface AdminBootstrap {
  email: string;
  /** the one-time password, when one was generated; undefined when TUPU_ADMIN_PASSWORD was used */
  oneTimePassword: string | undefined;
}

/**
 * On the very first start (no users at all) create the platform organisation and its admin. Returns what to
 * print, or undefined when the platform already has users.
 */
export async function ensurePlatformAdmin(
  db: Db,
  options: {
    password: string | undefined;
    hash: (password: string) => Promise<string>;
    generate: () => string;
  },
): Promise<AdminBootstrap | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = options.password ?? options.generate();
  await db.transaction(async (tx) => {
    const org = await createOrganisation(tx, { kind: 'platform', name: 'Tupu 图谱平台' });
    const user = await createUser(tx, {
      email: ADMIN_EMAIL,
      displayName: '平台管理员',
      passwordHash: await options.hash(password),
      mustChangePassword: options.password === undefined,
    });
    await addMembership(tx, { orgId: org.id, userId: user.id, role: 'admin' });
  });
  return { email: ADMIN_EMAIL, oneTimePassword: options.password === undefined ? password : undefined };
}
