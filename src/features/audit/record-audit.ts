import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import type { AuditEvent, AuditScope } from './audit-scope.ts';

/** Requests that recorded an event of their own, until the fallback record asks (audit-fallback.ts). */
const recordedRequests = new Set<string>();

/**
 * Appends one event to the organisation's audit trail. Call it with the transaction that makes the change: the
 * event is then stored if and only if the change commits. Snapshots are kept as given (small JSON, not whole files).
 */
export async function recordAudit(tx: Db, scope: AuditScope, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: scope.tenant,
    actorUserId: scope.actorUserId,
    actorDisplay: scope.actorDisplay,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: scope.requestId,
  });
  if (scope.requestId !== null) recordedRequests.add(scope.requestId);
}

/** Whether the request recorded an event of its own; asked once, when its answer has gone (forgets it then). */
export function takeRecorded(requestId: string): boolean {
  return recordedRequests.delete(requestId);
}
