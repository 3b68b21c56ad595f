import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import {
  addMembership,
  createOrganisation,
  createUser,
  deleteExpiredSessions,
  findLiveSession,
  findUserByEmail,
  insertSession,
  listMemberships,
} from '../../src/server/sessions/accounts.ts';
import { seedDemoRegion } from '../../src/db/seed/demo-region.ts';
import { ensurePlatformAdmin } from '../../src/db/seed/platform-admin.ts';
import { openTestDatabase, testEngines } from '../support/databases.ts';

// A cheap, deterministic stand-in for scrypt: these tests are about storage, not hashing.
const fakeHash = async (p: string) => `plain$${p}`;

describe.each(testEngines())('accounts on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reports its engine and has every tenant-owned table keyed by org_id', async () => {
    expect(database.engine).toBe(engine);
    const result = await queryRows<{ table_name: string }>(
      database.db,
      sql`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not in ('organisations', 'users', 'sign_in_failures')
        and table_name not like '%migrations%'
        and table_name not in (select table_name from information_schema.columns where column_name = 'org_id')`,
    );
    expect(result.map((r) => r.table_name)).toEqual([]);
  });

  it('creates the platform admin once, with a one-time password when none is configured', async () => {
    const first = await ensurePlatformAdmin(database.db, {
      password: undefined,
      hash: fakeHash,
      generate: () => 'otp-123',
    });
    expect(first).toEqual({ email: 'admin@tupu.local', oneTimePassword: 'otp-123' });
    const admin = await findUserByEmail(database.db, 'ADMIN@tupu.local');
    expect(admin?.mustChangePassword).toBe(true);
    expect(admin?.passwordHash).toBe('plain$otp-123');
    const memberships = await listMemberships(database.db, admin!.id);
    expect(memberships).toMatchObject([{ orgKind: 'platform', role: 'admin' }]);

    const second = await ensurePlatformAdmin(database.db, {
      password: 'x',
      hash: fakeHash,
      generate: () => 'other',
    });
    expect(second).toBeUndefined();
  });

  it('seeds the demo region once and leaves it alone on later starts', async () => {
    const signIns = await seedDemoRegion(database.db, fakeHash);
    expect(signIns.map((s) => s.email)).toContain('cio@demo.tupu.local');
    const again = await seedDemoRegion(database.db, fakeHash);
    expect(again).toEqual(signIns);
    const orgs = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations where kind = 'enterprise'`,
    );
    expect(orgs[0]?.n).toBe(3);
    const consultant = await findUserByEmail(database.db, 'consultant@demo.tupu.local');
    expect((await listMemberships(database.db, consultant!.id)).length).toBe(3);
  });

  it('rejects a duplicate email and writes nothing of the failed transaction', async () => {
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations`,
    );
    await expect(
      database.db.transaction(async (tx) => {
        const org = await createOrganisation(tx, { kind: 'enterprise', name: '半途而废有限公司' });
        const user = await createUser(tx, {
          email: 'cio@demo.tupu.local',
          displayName: 'dup',
          passwordHash: 'x',
        });
        await addMembership(tx, { orgId: org.id, userId: user.id, role: 'admin' });
      }),
    ).rejects.toThrow();
    const after = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('finds live sessions only, and removes expired ones', async () => {
    const user = await findUserByEmail(database.db, 'cio@demo.tupu.local');
    const [membership] = await listMemberships(database.db, user!.id);
    const now = new Date('2026-01-01T00:00:00Z');
    await insertSession(database.db, {
      tokenHash: 'live',
      orgId: membership!.orgId,
      userId: user!.id,
      expiresAt: new Date('2026-01-02T00:00:00Z'),
    });
    await insertSession(database.db, {
      tokenHash: 'dead',
      orgId: membership!.orgId,
      userId: user!.id,
      expiresAt: new Date('2025-12-31T00:00:00Z'),
    });
    expect((await findLiveSession(database.db, 'live', now))?.user.email).toBe('cio@demo.tupu.local');
    expect(await findLiveSession(database.db, 'dead', now)).toBeUndefined();
    await deleteExpiredSessions(database.db, now);
    const left = await queryRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from sessions order by 1`,
    );
    expect(left.map((r) => r.token_hash)).toEqual(['live']);
  });
});
