import type { TenantId } from '../../server/access/tenant.ts';

/** Who writes, for whom: the organisation whose trail gets the event, the user (as named then) and the request. */
export interface AuditScope {
  tenant: TenantId;
  actorUserId: string | null;
  actorDisplay: string;
  requestId: string | null;
}

/** The operator at the server's command line (`tupu org add`, `tupu user add`): nobody signed in, no request. */
export const operatorAuditScope = (tenant: TenantId): AuditScope => ({
  tenant,
  actorUserId: null,
  actorDisplay: 'tupu (command line)',
  requestId: null,
});

/** What was written: `<entity>.<verb>` (e.g. assessment.answer.save), the entity, small snapshots before and after. */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null | undefined;
  before?: unknown;
  after?: unknown;
}
