import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { auditEvents } from '../../src/db/schema.ts';
import { allowAuditPurge } from '../../src/features/audit/audit-purge.ts';
import { recordAudit } from '../../src/features/audit/record-audit.ts';
import { deleteEmptyOrganisation } from '../../src/features/organisations/delete-organisation.ts';
import { createOrganisation } from '../../src/server/sessions/accounts.ts';
import { openTestDatabase, testEngines } from '../support/databases.ts';
import { testTenant } from '../support/tenant.ts';

const scopeOf = (orgId: string) => ({
  tenant: testTenant(orgId),
  actorUserId: null,
  actorDisplay: 'test',
  requestId: null,
});

/** The database's own refusal (drizzle wraps it: the trigger's message is the cause's). */
async function expectRefused(write: Promise<unknown>): Promise<void> {
  const error: unknown = await write.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  expect(cause instanceof Error ? cause.message : String(cause)).toMatch(/audit_events is append-only/);
}

describe.each(testEngines())('audit_events is append-only on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const countFor = async (orgId: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_events where org_id = ${orgId}`,
      )
    )[0]?.n;

  it('refuses UPDATE, DELETE and TRUNCATE of an event, whoever asks', async () => {
    const org = await createOrganisation(database.db, { kind: 'enterprise', name: 'Append-only Co' });
    await recordAudit(database.db, scopeOf(org.id), {
      action: 'test.write',
      entityType: 'test',
      entityId: 'x',
      before: { a: 1 },
      after: { a: 2 },
    });
    await expectRefused(database.db.update(auditEvents).set({ action: 'test.forged' }));
    await expectRefused(database.db.execute(sql`delete from audit_events`));
    await expectRefused(database.db.execute(sql`truncate audit_events`));
    // nor through the cascade of deleting the organisation, unless its deletion says so
    await expectRefused(database.db.execute(sql`delete from organisations where id = ${org.id}`));
    const [row] = await database.db.select().from(auditEvents);
    expect(row).toMatchObject({ action: 'test.write', before: { a: 1 }, after: { a: 2 } });
    expect(await countFor(org.id)).toBe(1);
  });

  it('keeps an event only if the transaction that recorded it commits', async () => {
    const org = await createOrganisation(database.db, { kind: 'enterprise', name: 'Rolled Back Co' });
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, scopeOf(org.id), { action: 'test.write', entityType: 'test' });
        throw new Error('the change fails after its event was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await countFor(org.id)).toBe(0);
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, scopeOf(org.id), { action: 'test.write', entityType: 'test' });
    });
    expect(await countFor(org.id)).toBe(1);
  });

  it('lets the deletion of one organisation take that organisation’s trail, and no other', async () => {
    const kept = await createOrganisation(database.db, { kind: 'enterprise', name: 'Kept Co' });
    const gone = await createOrganisation(database.db, { kind: 'enterprise', name: 'Gone Co' });
    await recordAudit(database.db, scopeOf(kept.id), { action: 'test.write', entityType: 'test' });
    await recordAudit(database.db, scopeOf(gone.id), { action: 'test.write', entityType: 'test' });
    // the purge names one organisation: another's rows are still refused in the same transaction
    await expectRefused(
      database.db.transaction(async (tx) => {
        await allowAuditPurge(tx, testTenant(gone.id));
        await tx.execute(sql`delete from audit_events where org_id = ${kept.id}`);
      }),
    );
    // the setting ends with its transaction
    await expectRefused(database.db.execute(sql`delete from audit_events where org_id = ${gone.id}`));

    await deleteEmptyOrganisation(database.db, testTenant(gone.id));
    expect(await countFor(gone.id)).toBe(0);
    expect(await countFor(kept.id)).toBe(1);
    await expectRefused(database.db.execute(sql`delete from audit_events where org_id = ${kept.id}`));
  });
});
