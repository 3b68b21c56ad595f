import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { resolvedCaller } from '../../server/access/caller.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { AuditScope } from './audit-scope.ts';

const requestIds = new WeakMap<FastifyRequest, string>();

/** The request's id in the audit trail if one was given it already (nothing recorded for it otherwise). */
export const givenRequestId = (request: FastifyRequest): string | undefined => requestIds.get(request);

/** The request's id in the audit trail: unique across instances and restarts (Fastify's own restarts at req-1). */
export function auditRequestId(request: FastifyRequest): string {
  const known = requestIds.get(request);
  if (known) return known;
  const id = randomUUID();
  requestIds.set(request, id);
  return id;
}

/**
 * The audit scope of a request whose caller the access hook resolved: the organisation it acts for — or `tenant`,
 * when the change lands in another organisation's trail (one the caller manages) — the user as named now, and the
 * request. Undefined on a public route, where nobody is known.
 */
export function requestAuditScope(request: FastifyRequest, tenant?: TenantId): AuditScope | undefined {
  const caller = resolvedCaller(request);
  if (!caller) return undefined;
  return {
    tenant: tenant ?? caller.tenant,
    actorUserId: caller.user.id,
    actorDisplay: caller.user.displayName,
    requestId: auditRequestId(request),
  };
}

/** The audit scope of a route declared `read`, `write` or `admin` (its caller is always known). */
export function memberAuditScope(request: FastifyRequest, tenant?: TenantId): AuditScope {
  const scope = requestAuditScope(request, tenant);
  if (!scope) throw new Error(`${request.method} ${request.url}: no caller to audit`);
  return scope;
}
