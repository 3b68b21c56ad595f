/**
 * Which organisation an id in a path belongs to. A feature declares, for the paths under one of its records
 * (`/api/plans/:id` covers `/api/plans/:id/risks/:riskId`), how to tell whether the record is the caller's
 * tenant's. The access hook asks before the body is read, so another organisation's id answers 404 — the same
 * whether it exists or not, and before any schema complaint could echo it. A `read`, `write` or `admin` route with a
 * path parameter that no declaration covers stops the server at start-up: a new route cannot forget the check.
 */
import type { Db } from '../../db/client.ts';
import type { MemberCaller } from './caller.ts';

export interface Ownership {
  /** the route pattern of the record, e.g. `/api/plans/:id`; covers every route beneath it */
  path: string;
  /** the parameter holding the record's id */
  param: string;
  /** what the record is, for "… not found" */
  what: string;
  /** whether the record belongs to the caller's tenant (or, for an organisation, one the caller manages) */
  owns: (db: Db, caller: MemberCaller, id: string) => Promise<boolean>;
  /**
   * For a record its owner shares with other organisations (a project with the provider it invited): the owning
   * organisation's id when the record is shared with the caller's organisation now, else undefined. Asked only on a
   * route that declares `config: { shared: true }` and only when `owns` said no; every other route answers 404.
   */
  sharedWith?: (db: Db, caller: MemberCaller, id: string) => Promise<string | undefined>;
}

const segments = (pattern: string) => pattern.split('/').filter(Boolean);

/** Whether `route` is `ownership.path` or lies beneath it, segment by segment. */
export function covers(ownership: Pick<Ownership, 'path'>, route: string): boolean {
  const own = segments(ownership.path);
  const parts = segments(route);
  return own.length <= parts.length && own.every((s, i) => s === parts[i]);
}

/** The path parameters of a route pattern (`:id`, `:format` in `report.:format`, …). */
export function pathParameters(route: string): string[] {
  return [...route.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else is nobody's record (and must not reach PostgreSQL's uuid parser). */
export const isRecordId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
