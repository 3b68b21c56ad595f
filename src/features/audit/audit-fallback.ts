import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { recordAudit, takeRecorded } from './record-audit.ts';
import { givenRequestId, requestAuditScope } from './request-scope.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * No write goes unaudited: after every successful POST, PUT, PATCH or DELETE of an /api route whose use case did
 * not record an event of its own, one event says who, when, the method, the route, its parameters and the status
 * (action `http.<method>`, entity `route`). After the answer, so outside the change's transaction: a use case that
 * records its own event is the one that is exact. A public route (sign-in) has no caller and is not recorded here.
 */
export function installAuditFallback(app: FastifyInstance, db: Db): void {
  app.addHook('onResponse', async (request, reply) => {
    // asked of every request that has an audit id, so that none stays in the set of those that recorded
    const given = givenRequestId(request);
    const recorded = given !== undefined && takeRecorded(given);
    if (!WRITES.has(request.method)) return;
    const route = request.routeOptions.url;
    if (recorded || route === undefined || !route.startsWith('/api/') || reply.statusCode >= 400) return;
    const scope = requestAuditScope(request);
    if (!scope) return;
    try {
      await recordAudit(db, scope, {
        action: `http.${request.method.toLowerCase()}`,
        entityType: 'route',
        entityId: route,
        after: { method: request.method, route, params: request.params ?? {}, status: reply.statusCode },
      });
      takeRecorded(scope.requestId ?? '');
    } catch (err) {
      request.log.error({ err, route }, 'audit fallback record failed');
    }
  });
}
