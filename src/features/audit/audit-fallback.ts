import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { recordAudit, takeRecorded } from './record-audit.ts';
import { givenRequestId, requestAuditScope } from './request-scope.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the request recorded an event of its own (asked once: the answer is forgotten then). */
const recordedItself = (request: FastifyRequest): boolean => {
  const given = givenRequestId(request);
  return given !== undefined && takeRecorded(given);
};

async function recordFallback(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!WRITES.has(request.method)) return;
  const recorded = recordedItself(request);
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
  } catch (err) {
    request.log.error({ err, route }, 'audit fallback record failed');
  } finally {
    recordedItself(request);
  }
}

/**
 * No write goes unaudited: every successful POST, PUT, PATCH or DELETE of an /api route whose use case did not
 * record an event of its own gets one event saying who, when, the method, the route, its parameters and the
 * status (action `http.<method>`, entity `route`). Written as the answer is sent (onSend), so whoever has the answer
 * finds the event; outside the change's own transaction, so a use case that records its own event is the exact one.
 * A public route has no caller and is not recorded here (the sign-in records itself: auth/record-sign-in.ts).
 */
export function installAuditFallback(app: FastifyInstance, db: Db): void {
  app.addHook('onSend', async (request, reply, payload) => {
    await recordFallback(db, request, reply);
    return payload;
  });
  // a request that never reached onSend (its connection closed first) must not stay among those that recorded
  app.addHook('onResponse', async (request) => {
    recordedItself(request);
  });
}
