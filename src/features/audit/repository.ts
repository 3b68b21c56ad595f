import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';

/** The audit trail of one organisation, read (its writes: record-audit.ts; nothing here changes an event). */

export type AuditEventRow = typeof auditEvents.$inferSelect & {
  /** `at` to the microsecond, as the cursor needs it (a Date keeps milliseconds only) */
  atExact: string;
};

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  actorUserId?: string | undefined;
  actorName?: string | undefined;
  actionPrefix?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  text?: string | undefined;
  /** after this event, in the newest-first order */
  after?: { at: string; id: string } | undefined;
  limit: number;
}

/** `text` for LIKE, its own % _ and \ taken literally. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAuditEvents(
  db: Db,
  tenant: TenantId,
  filter: AuditFilter,
): Promise<AuditEventRow[]> {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.orgId, tenant)];
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.at, filter.to));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.actorName) conditions.push(sql`${auditEvents.actorDisplay} ilike ${likeText(filter.actorName)}`);
  if (filter.actionPrefix)
    conditions.push(
      or(
        eq(auditEvents.action, filter.actionPrefix),
        sql`${auditEvents.action} like ${`${filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
      ),
    );
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.text) {
    const like = likeText(filter.text);
    conditions.push(
      sql`(${auditEvents.actorDisplay} ilike ${like} or ${auditEvents.action} ilike ${like}
        or ${auditEvents.entityType} ilike ${like} or coalesce(${auditEvents.entityId}, '') ilike ${like}
        or coalesce(${auditEvents.before}::text, '') ilike ${like}
        or coalesce(${auditEvents.after}::text, '') ilike ${like})`,
    );
  }
  if (filter.after)
    conditions.push(
      sql`(${auditEvents.at}, ${auditEvents.id}) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`,
    );
  return db
    .select({
      orgId: auditEvents.orgId,
      id: auditEvents.id,
      at: auditEvents.at,
      atExact: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorUserId: auditEvents.actorUserId,
      actorDisplay: auditEvents.actorDisplay,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.limit);
}
