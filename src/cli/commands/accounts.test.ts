import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTupu } from '../../../tests/support/cli.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../db/client.ts';
import { findUserByEmail, listMemberships } from '../../server/sessions/accounts.ts';
import { verifyPassword } from '../../features/auth/password.ts';

describe('tupu org add / user add / user reset-password', () => {
  const dir = useTempDir('tupu-accounts-cli-');
  /** the real CLI on this test's data folder, never on a PostgreSQL server the environment may name */
  const tupu = (...args: string[]) =>
    runTupu(args, {
      env: { TUPU_DATA_DIR: dir, TUPU_ADMIN_PASSWORD: 'admin-password-for-tests', DATABASE_URL: undefined },
    });

  // seven CLI processes, each starting the embedded database: about 50 s on an idle 2-core machine, twice that when
  // other work shares it (hence the long timeout)
  it('sets up an authority, a pilot enterprise under it and its admin with a working one-time password', async () => {
    const orgAdd = (kind: string, name: string, ...more: string[]) =>
      tupu('org', 'add', '--kind', kind, '--name', name, ...more);
    const authority = orgAdd('authority', '试点市经信局', '--region', '330100');
    expect(authority.status, authority.stderr).toBe(0);
    expect(authority.stdout).toContain('created the platform admin admin@tupu.local');
    expect(authority.stdout).toContain('created authority 试点市经信局 at top level');

    const enterprise = orgAdd('enterprise', '试点企业', '--parent', '试点市经信局');
    expect(enterprise.status, enterprise.stderr).toBe(0);
    expect(enterprise.stdout).toContain('created enterprise 试点企业 under 试点市经信局');

    const duplicate = orgAdd('enterprise', ' 试点企业 ', '--parent', '试点市经信局');
    expect(duplicate.status).toBe(3);
    expect(duplicate.stderr).toContain('already exists');

    const userAdd = ['user', 'add', '--name', '李工', '--org', '试点企业'];
    const badRole = tupu(...userAdd, '--email', 'lead@x.cn', '--role', 'owner');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role');

    const user = tupu(...userAdd, '--email', 'Lead@X.cn', '--role', 'admin');
    expect(user.status, user.stderr).toBe(0);
    const password = /one-time password[^:]*: (\S+)/.exec(user.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

    // the CLI has exited, so its lock on the data folder is free
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      const stored = await findUserByEmail(database.db, 'lead@x.cn');
      expect(stored?.mustChangePassword).toBe(true);
      expect(await verifyPassword(password, stored?.passwordHash ?? '')).toBe(true);
      expect(await listMemberships(database.db, stored?.id ?? '')).toMatchObject([
        { orgName: '试点企业', orgKind: 'enterprise', role: 'admin' },
      ]);
      // the operator's writes are in the audit trail: each creation in the parent's (the top level's in its own),
      // the member in the enterprise's
      const trail = await queryRows<{ org: string; action: string; actor: string; after: unknown }>(
        database.db,
        sql`select o.name as org, e.action, e.actor_display as actor, e.after from audit_events e
          join organisations o on o.id = e.org_id order by e.at, e.action`,
      );
      expect(trail).toMatchObject([
        {
          org: '试点市经信局',
          action: 'organisation.create',
          actor: 'tupu (command line)',
          after: { name: '试点市经信局' },
        },
        {
          org: '试点市经信局',
          action: 'organisation.create',
          after: { name: '试点企业', kind: 'enterprise' },
        },
        {
          org: '试点企业',
          action: 'organisation.member.add',
          after: { email: 'lead@x.cn', role: 'admin', newUser: true },
        },
      ]);
    } finally {
      await database.close();
    }

    const unknown = tupu('user', 'reset-password', 'nobody@x.cn');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('no user with the email nobody@x.cn');
    const reset = tupu('user', 'reset-password', ' LEAD@x.cn ');
    expect(reset.status, reset.stderr).toBe(0);
    const next = /one-time password[^:]*: (\S+)/.exec(reset.stdout)?.[1] ?? '';
    expect(next).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(next).not.toBe(password);
    const after = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      const stored = await findUserByEmail(after.db, 'lead@x.cn');
      expect(stored?.mustChangePassword).toBe(true);
      expect(await verifyPassword(next, stored?.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword(password, stored?.passwordHash ?? '')).toBe(false);
    } finally {
      await after.close();
    }
  }, 180_000);
});
