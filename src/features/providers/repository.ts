/**
 * The providers feature's SQL: provider profiles (keyed by the provider organisation), pools (keyed by the authority
 * that opened them) and the accepted steps of their memberships. Profiles and pools are published to every signed-in
 * member (the directory, the 公示 lists), so the read functions below list across organisations; every write takes
 * the TenantId of the organisation acting, and a pool's steps are written under the pool's row lock.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, plans, providerPools, providerPoolSteps, providerProfiles } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { AuditScope } from '../audit/audit-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type ProfileRow = typeof providerProfiles.$inferSelect;
export type PoolRow = typeof providerPools.$inferSelect;
export type StepRow = typeof providerPoolSteps.$inferSelect;

export interface ProviderOrg {
  id: string;
  name: string;
  regionCode: string | null;
  parentId: string | null;
}

const providerOrgColumns = {
  id: organisations.id,
  name: organisations.name,
  regionCode: organisations.regionCode,
  parentId: organisations.parentId,
};

/** The service-provider organisation `id`, or undefined (another kind, or none). */
export async function findProviderOrg(db: Db, id: string): Promise<ProviderOrg | undefined> {
  const [row] = await db
    .select(providerOrgColumns)
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'service_provider')))
    .limit(1);
  return row;
}

/** Every service-provider organisation with its profile row (null when it saved none), by name. */
export async function listProviderRows(
  db: Db,
  ids?: readonly string[],
): Promise<{ org: ProviderOrg; profile: ProfileRow | null }[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const rows = await db
    .select({ org: providerOrgColumns, profile: providerProfiles })
    .from(organisations)
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(
      and(
        eq(organisations.kind, 'service_provider'),
        ids === undefined ? undefined : inArray(organisations.id, [...ids]),
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows;
}

export async function findProfile(db: Db, tenant: TenantId): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(providerProfiles).where(eq(providerProfiles.orgId, tenant)).limit(1);
  return row;
}

/** What one save of a profile writes: the parts that changed and their new values. */
export interface ProfileChange {
  parts: readonly string[];
  profile: unknown;
  gradingAnswers: unknown;
}

/**
 * One save of the tenant's profile under its row lock, in one transaction: `change` sees the locked row (undefined
 * when none exists yet) and returns what to write, or throws (a stale version, a bad value): then nothing is
 * stored. The first save inserts the row at version 1; a concurrent first save loses the insert and is asked again
 * with the row the other one wrote.
 */
export async function changeProfile(
  db: Db,
  tenant: TenantId,
  userId: string,
  change: (row: ProfileRow | undefined) => ProfileChange,
  audit?: AuditScope,
): Promise<ProfileRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, tenant))
      .for('update');
    const next = change(row);
    if (!row) {
      const fieldVersions = Object.fromEntries(next.parts.map((p) => [p, 1]));
      const [inserted] = await tx
        .insert(providerProfiles)
        .values({
          orgId: tenant,
          profile: next.profile,
          gradingAnswers: next.gradingAnswers,
          version: 1,
          fieldVersions,
          updatedBy: userId,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted && audit)
        await recordAudit(tx, audit, {
          action: 'provider.profile.save',
          entityType: 'provider_profile',
          entityId: tenant,
          before: null,
          after: { version: 1, parts: next.parts },
        });
      if (inserted) return inserted;
      const [other] = await tx
        .select()
        .from(providerProfiles)
        .where(eq(providerProfiles.orgId, tenant))
        .for('update');
      change(other); // throws: the other save made it version 1 and this one edited version 0
      return other!;
    }
    if (next.parts.length === 0) return row;
    const version = row.version + 1;
    const [saved] = await tx
      .update(providerProfiles)
      .set({
        profile: next.profile,
        gradingAnswers: next.gradingAnswers,
        version,
        fieldVersions: {
          ...(row.fieldVersions as Record<string, number>),
          ...Object.fromEntries(next.parts.map((p) => [p, version])),
        },
        updatedBy: userId,
        updatedAt: new Date(),
      })
      .where(eq(providerProfiles.orgId, tenant))
      .returning();
    if (audit)
      await recordAudit(tx, audit, {
        action: 'provider.profile.save',
        entityType: 'provider_profile',
        entityId: tenant,
        before: { version: row.version, parts: next.parts },
        after: { version, parts: next.parts },
      });
    return saved!;
  });
}

// ------------------------------------------------------------------ pools

export async function insertPool(
  db: Db,
  tenant: TenantId,
  userId: string,
  pool: { definition: unknown; requiredForPilot: boolean },
  audit?: AuditScope,
): Promise<PoolRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(providerPools)
      .values({ orgId: tenant, ...pool, createdBy: userId })
      .returning();
    if (audit)
      await recordAudit(tx, audit, {
        action: 'provider.pool.open',
        entityType: 'provider_pool',
        entityId: row!.id,
        after: {
          name: (pool.definition as { name?: unknown }).name ?? null,
          requiredForPilot: pool.requiredForPilot,
        },
      });
    return row!;
  });
}

export interface PoolWithSteps {
  pool: PoolRow;
  authorityName: string;
  steps: StepRow[];
}

/** Pools (every one, or those given) with their authority's name and their steps in order: two queries. */
export async function listPoolsWithSteps(db: Db, ids?: readonly string[]): Promise<PoolWithSteps[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const pools = await db
    .select({ pool: providerPools, authorityName: organisations.name })
    .from(providerPools)
    .innerJoin(organisations, eq(organisations.id, providerPools.orgId))
    .where(ids === undefined ? undefined : inArray(providerPools.id, [...ids]))
    .orderBy(asc(providerPools.createdAt), asc(providerPools.id));
  if (pools.length === 0) return [];
  const steps = await db
    .select()
    .from(providerPoolSteps)
    .where(
      inArray(
        providerPoolSteps.poolId,
        pools.map((p) => p.pool.id),
      ),
    )
    .orderBy(asc(providerPoolSteps.seq));
  return pools.map((p) => ({
    ...p,
    steps: steps.filter((s) => s.poolId === p.pool.id && s.orgId === p.pool.orgId),
  }));
}

export async function poolExists(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: providerPools.id })
    .from(providerPools)
    .where(eq(providerPools.id, id))
    .limit(1);
  return rows.length === 1;
}

/**
 * One step of a pool under its row lock (SELECT … FOR UPDATE), in one transaction: `decide` sees the locked pool
 * and its accepted steps and returns the command to store (with the provider it concerns), or throws (a refusal, a
 * caller without the right): then nothing is stored. The pool's version moves by one with each step, so a quota is
 * checked against every admission before it. Undefined when there is no such pool.
 */
export async function stepPool(
  db: Db,
  actor: TenantId,
  poolId: string,
  decide: (pool: PoolRow, steps: readonly StepRow[]) => { providerId: string; command: unknown },
  audit?: AuditScope,
): Promise<PoolRow | undefined> {
  return db.transaction(async (tx) => {
    const [pool] = await tx.select().from(providerPools).where(eq(providerPools.id, poolId)).for('update');
    if (!pool) return undefined;
    const steps = await tx
      .select()
      .from(providerPoolSteps)
      .where(and(eq(providerPoolSteps.orgId, pool.orgId), eq(providerPoolSteps.poolId, pool.id)))
      .orderBy(asc(providerPoolSteps.seq));
    const { providerId, command } = decide(pool, steps);
    // the actor is the pool's authority or the provider the step concerns; decide() has refused anyone else
    if (actor !== pool.orgId && actor !== providerId) throw new Error('a pool step by a third party');
    await tx.insert(providerPoolSteps).values({
      orgId: pool.orgId,
      poolId: pool.id,
      seq: (steps[steps.length - 1]?.seq ?? 0) + 1,
      providerId,
      command,
    });
    const [saved] = await tx
      .update(providerPools)
      .set({ version: sql`${providerPools.version} + 1` })
      .where(and(eq(providerPools.orgId, pool.orgId), eq(providerPools.id, pool.id)))
      .returning();
    // in the trail of the organisation that takes the step (the authority, or the provider applying or leaving)
    if (audit)
      await recordAudit(tx, audit, {
        action: 'provider.pool.step',
        entityType: 'provider_pool',
        entityId: pool.id,
        before: { version: pool.version },
        after: { version: saved!.version, providerId, command },
      });
    return saved!;
  });
}

// ------------------------------------------------------------------ demand

/**
 * The plans of the enterprises under `root` (every enterprise when null: the platform), what-if copies left out:
 * their initiatives and the last solve's schedule. A read-only query over the plans table, for supply against demand
 * (like the portfolio's, it joins another feature's table for one query: the plans feature offers no cross-tenant read).
 */
export async function demandPlans(
  db: Db,
  root: TenantId | null,
): Promise<{ orgId: string; id: string; initiatives: unknown; solution: unknown }[]> {
  const under =
    root === null
      ? sql`true`
      : sql`${plans.orgId} in (with recursive tree(id) as (select id from organisations where parent_id = ${root} union select o.id from organisations o join tree on o.parent_id = tree.id) select id from tree)`;
  return db
    .select({ orgId: plans.orgId, id: plans.id, initiatives: plans.initiatives, solution: plans.solution })
    .from(plans)
    .innerJoin(organisations, eq(organisations.id, plans.orgId))
    .where(and(eq(organisations.kind, 'enterprise'), isNull(plans.copiedFrom), under));
}

/** The organisations above `orgId` (its parent, the parent's parent …); `union` stops on any cycle. */
export async function ancestorIds(db: Db, orgId: string): Promise<string[]> {
  const above = sql`(with recursive up(id) as (select parent_id from organisations where id = ${orgId} and parent_id is not null union select o.parent_id from organisations o join up on o.id = up.id where o.parent_id is not null) select id from up)`;
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, above));
  return rows.map((r) => r.id);
}
