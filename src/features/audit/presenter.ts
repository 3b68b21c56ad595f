import type { AuditEventView } from '../../contracts/audit.ts';
import type { AuditEventRow } from './repository.ts';

export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { userId: row.actorUserId, name: row.actorDisplay },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}
