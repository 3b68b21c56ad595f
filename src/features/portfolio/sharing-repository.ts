import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { organisations, resultShares, users } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';

/**
 * The enterprises' sharing of their results with an authority (table result_shares): the enterprise's own rows,
 * by its TenantId; and, for an authority's portfolio, which of its enterprises share with it now.
 */

/** The nearest authority above the organisation (its parent, or its provider's parent …), or undefined. */
export async function authorityAbove(
  db: Db,
  orgId: string,
): Promise<{ id: string; name: string } | undefined> {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`with recursive up(id, parent_id, kind, name, depth) as (
          select id, parent_id, kind, name, 0 from organisations where id = ${orgId}
          union all
          select o.id, o.parent_id, o.kind, o.name, up.depth + 1
          from organisations o join up on o.id = up.parent_id where up.depth < 20)
        select id, name from up where depth > 0 and kind = 'authority' order by depth limit 1`,
  );
  return rows[0];
}

export async function shareHistory(db: Db, tenant: TenantId, authorityId: string) {
  const sharer = sql<
    string | null
  >`(select ${users.displayName} from ${users} where ${users.id} = ${resultShares.sharedBy})`;
  const revoker = sql<
    string | null
  >`(select ${users.displayName} from ${users} where ${users.id} = ${resultShares.revokedBy})`;
  return db
    .select({
      sharedBy: sharer,
      sharedAt: resultShares.sharedAt,
      revokedBy: revoker,
      revokedAt: resultShares.revokedAt,
    })
    .from(resultShares)
    .where(and(eq(resultShares.orgId, tenant), eq(resultShares.authorityOrgId, authorityId)))
    .orderBy(desc(resultShares.sharedAt));
}

/** Share with the authority (nothing when already shared: the open grant stays as it was). */
export async function grantShare(
  db: Db,
  tenant: TenantId,
  authorityId: string,
  userId: string,
): Promise<void> {
  await db
    .insert(resultShares)
    .values({ orgId: tenant, authorityOrgId: authorityId, sharedBy: userId })
    .onConflictDoNothing();
}

/** Withdraw the open grant, if any. */
export async function revokeShare(
  db: Db,
  tenant: TenantId,
  authorityId: string,
  userId: string,
): Promise<void> {
  await db
    .update(resultShares)
    .set({ revokedBy: userId, revokedAt: new Date() })
    .where(
      and(
        eq(resultShares.orgId, tenant),
        eq(resultShares.authorityOrgId, authorityId),
        isNull(resultShares.revokedAt),
      ),
    );
}

/** Which of `orgIds` share their results with `authorityId` now. */
export async function sharingWith(
  db: Db,
  authorityId: string,
  orgIds: readonly string[],
): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .select({ orgId: resultShares.orgId })
    .from(resultShares)
    .where(
      and(
        eq(resultShares.authorityOrgId, authorityId),
        isNull(resultShares.revokedAt),
        inArray(resultShares.orgId, [...orgIds]),
      ),
    );
  return new Set(rows.map((r) => r.orgId));
}

/** The service providers among `parentIds` (an enterprise's provider is its parent), by id. */
export async function providersAmong(
  db: Db,
  parentIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(eq(organisations.kind, 'service_provider'), inArray(organisations.id, [...new Set(parentIds)])),
    );
  return new Map(rows.map((r) => [r.id, r]));
}
