import { z } from 'zod';

/**
 * 审计日志: the organisation's audit trail, searched by its administrators (GET /api/audit). Append-only: the API
 * has no route that changes or deletes an event. Shared by the server (validation, OpenAPI) and the web app.
 */

export const AUDIT_LIMIT_DEFAULT = 50;
export const AUDIT_LIMIT_MAX = 200;

export const AuditQuery = z.object({
  /** events at or after this time (ISO 8601 with offset, e.g. 2026-12-01T00:00:00Z) */
  from: z.iso.datetime({ offset: true }).optional(),
  /** events before this time */
  to: z.iso.datetime({ offset: true }).optional(),
  /** a user's id, or a part of the name an event was recorded with */
  actor: z.string().trim().min(1).max(200).optional(),
  /** an action, or its beginning: `assessment.` finds every assessment action */
  action: z.string().trim().min(1).max(100).optional(),
  /** an entity type (assessment, plan, member, organisation, route, …) */
  entity: z.string().trim().min(1).max(100).optional(),
  /** one entity's id */
  entityId: z.string().trim().min(1).max(200).optional(),
  /** text anywhere in the event: actor, action, entity, before and after */
  text: z.string().trim().min(1).max(200).optional(),
  /** the `nextCursor` of the previous page */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT_MAX).default(AUDIT_LIMIT_DEFAULT),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventView = z.object({
  id: z.string(),
  /** ISO 8601, UTC */
  at: z.string(),
  actor: z.object({ userId: z.string().nullable(), name: z.string() }),
  /** `<entity>.<verb>` (assessment.answer.save, plan.update, organisation.member.role, …); `http.<method>` for the server's record of a write without an event of its own */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditPage = z.object({
  /** newest first */
  events: z.array(AuditEventView),
  /** pass as `cursor` for the next (older) page; null on the last */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
