import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { presentAuditEvent } from './presenter.ts';
import { searchAudit } from './search-audit.ts';

/**
 * 审计日志: the organisation's audit trail for its administrators. Read only, on purpose: there is no route that
 * changes or deletes an event, and the database refuses both (migration audit_append_only).
 */
export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['audit'],
          summary: "Search the organisation's audit trail (its administrators only), newest first",
          description:
            'Every write of the organisation: who, when, what, before and after. Filters: from/to (ISO 8601), ' +
            'actor (a user id or part of a name), action (or its beginning, e.g. `plan.`), entity (type), ' +
            'entityId, text (anywhere in the event); pages of `limit` with `cursor` = the previous nextCursor.',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const page = await searchAudit(db, member(request).tenant, request.query);
        return { events: page.events.map(presentAuditEvent), nextCursor: page.nextCursor };
      },
    );
  };
}
