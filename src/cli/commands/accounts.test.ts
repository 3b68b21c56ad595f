import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { findUserByEmail, listMemberships } from '../../db/repositories/accounts.ts';
import { verifyPassword } from '../../server/auth/password.ts';

const run = promisify(execFile);

/** run the real CLI on the test's data folder; resolves with exit code and output whatever the exit code */
async function tupu(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TUPU_DATA_DIR: dataDir,
    TUPU_ADMIN_PASSWORD: 'admin-password-for-tests',
  };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('node', ['bin/tupu.js', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tupu-accounts-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('tupu org add / user add', () => {
  it('sets up an authority, a pilot enterprise under it and its admin with a working one-time password', async () => {
    const authority = await tupu(
      dir,
      'org',
      'add',
      '--kind',
      'authority',
      '--name',
      '试点市经信局',
      '--region',
      '330100',
    );
    expect(authority.code, authority.stderr).toBe(0);
    expect(authority.stdout).toContain('created the platform admin admin@tupu.local');
    expect(authority.stdout).toContain('created authority 试点市经信局 at top level');

    const enterprise = await tupu(
      dir,
      'org',
      'add',
      '--kind',
      'enterprise',
      '--name',
      '试点企业',
      '--parent',
      '试点市经信局',
    );
    expect(enterprise.code, enterprise.stderr).toBe(0);
    expect(enterprise.stdout).toContain('created enterprise 试点企业 under 试点市经信局');

    const duplicate = await tupu(
      dir,
      'org',
      'add',
      '--kind',
      'enterprise',
      '--name',
      ' 试点企业 ',
      '--parent',
      '试点市经信局',
    );
    expect(duplicate.code).toBe(3);
    expect(duplicate.stderr).toContain('already exists');

    const badRole = await tupu(
      dir,
      'user',
      'add',
      '--email',
      'lead@x.cn',
      '--name',
      '李工',
      '--org',
      '试点企业',
      '--role',
      'owner',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');

    const user = await tupu(
      dir,
      'user',
      'add',
      '--email',
      'Lead@X.cn',
      '--name',
      '李工',
      '--org',
      '试点企业',
      '--role',
      'admin',
    );
    expect(user.code, user.stderr).toBe(0);
    const password = /one-time password[^:]*: (\S+)/.exec(user.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      const stored = await findUserByEmail(database.db, 'lead@x.cn');
      expect(stored?.mustChangePassword).toBe(true);
      expect(await verifyPassword(password, stored?.passwordHash ?? '')).toBe(true);
      expect(await listMemberships(database.db, stored?.id ?? '')).toMatchObject([
        { orgName: '试点企业', orgKind: 'enterprise', role: 'admin' },
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
