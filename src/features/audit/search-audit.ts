import type { AuditQuery } from '../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { badRequest } from '../../server/app-error.ts';
import { listAuditEvents, type AuditEventRow } from './repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXACT_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A page's cursor: the last event's exact time and id, base64url (opaque to the client). */
export const auditCursor = (row: Pick<AuditEventRow, 'atExact' | 'id'>): string =>
  Buffer.from(`${row.atExact}|${row.id}`, 'utf8').toString('base64url');

function readCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !EXACT_AT.test(at) || !UUID.test(id))
    throw badRequest('cursor: not a cursor of this list (pass the nextCursor of the previous page)');
  return { at, id };
}

/**
 * One page of the tenant's audit trail, newest first, filtered as asked: `actor` is a user's id or a part of the
 * name recorded, `action` an action or its beginning; the next page's cursor when there may be more.
 */
export async function searchAudit(
  db: Db,
  tenant: TenantId,
  query: AuditQuery,
): Promise<{ events: AuditEventRow[]; nextCursor: string | null }> {
  const actorIsId = query.actor !== undefined && UUID.test(query.actor);
  const rows = await listAuditEvents(db, tenant, {
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
    actorUserId: actorIsId ? query.actor : undefined,
    actorName: actorIsId ? undefined : query.actor,
    actionPrefix: query.action,
    entityType: query.entity,
    entityId: query.entityId,
    text: query.text,
    after: query.cursor === undefined ? undefined : readCursor(query.cursor),
    limit: query.limit + 1,
  });
  const events = rows.slice(0, query.limit);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > query.limit && last ? auditCursor(last) : null };
}
