/**
 * Default-deny access for the API. Every `/api` route declares what it needs of its caller (`config: { access }`,
 * see access-level.ts); a route without one stops the server at start-up. On each request, before the body is
 * read or validated, the hook resolves the caller once — session, then membership and role, read from the
 * database each time so a removed member is refused at once — and refuses with 401 or 403. The route then reads
 * the caller with `signedIn(request)` or `member(request)` and never checks a session itself.
 */
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../app-error.ts';
import { requireSession } from '../sessions/current-session.ts';
import { canWrite, isAccess, needsWriter, type Access } from './access-level.ts';
import { member, rememberCaller, rememberSharedOwner } from './caller.ts';
import { findMembership } from './caller-store.ts';
import { grantTenant } from './grant-tenant.ts';
import { covers, isRecordId, pathParameters, type Ownership } from './ownership.ts';

export interface DeclaredRoute {
  method: HTTPMethods;
  url: string;
  access: Access;
  /** the schema its JSON body is validated with (a zod shape of src/contracts), when it takes one */
  body?: unknown;
}

/** Routes that plugins register without our config: the API reference's pages, public by nature. */
const isReferencePage = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Install the hook on `app` before any `/api` route is registered. Returns the list of declared routes, filled as
 * routes are registered: the route-walk test reads it from the server itself.
 */
export function installAccess(
  app: FastifyInstance,
  db: Db,
  ownerships: readonly Ownership[],
): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && route.url !== '/api') return;
    if (isReferencePage(route.url) && route.config?.access === undefined) {
      route.config = { ...route.config, access: 'public' };
    }
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isAccess(access)) {
      throw new Error(
        `${methods.join(',')} ${route.url} declares no access: add config: { access: 'public' | ` +
          `'signed-in' | 'read' | 'write' | 'admin' } (see src/server/access/access-level.ts)`,
      );
    }
    const body: unknown = route.schema?.body;
    for (const method of methods)
      declared.push({ method, url: route.url, access, ...(body !== undefined ? { body } : {}) });
  });
  app.addHook('onReady', async () => {
    const unowned = declared.filter(
      (r) =>
        (r.access === 'read' || r.access === 'write' || r.access === 'admin') &&
        pathParameters(r.url).length > 0 &&
        !ownerships.some((o) => covers(o, r.url)),
    );
    if (unowned.length > 0) {
      throw new Error(
        `${unowned.map((r) => `${r.method} ${r.url}`).join(', ')} take an id but no feature declares whose it ` +
          'is: add an Ownership for the path (src/server/access/ownership.ts)',
      );
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // no declaration: not an /api route (the web app's files, or a path nothing matches: 404)
    if (access === undefined || access === 'public') return;
    await resolveCaller(db, request, access);
    if (access !== 'signed-in') await checkOwnership(db, request, ownerships);
  });
  return declared;
}

/** 404 unless every record the path names belongs to the caller's tenant (outermost first). */
async function checkOwnership(
  db: Db,
  request: FastifyRequest,
  ownerships: readonly Ownership[],
): Promise<void> {
  const route = request.routeOptions.url ?? '';
  const params = request.params as Record<string, unknown>;
  const caller = member(request);
  for (const ownership of ownerships) {
    if (!covers(ownership, route)) continue;
    const id = params[ownership.param];
    // not an id at all: the route's schema refuses it (400), which tells nothing of anyone's records
    if (!isRecordId(id)) continue;
    if (await ownership.owns(db, caller, id)) continue;
    const owner =
      request.routeOptions.config.shared === true && ownership.sharedWith
        ? await ownership.sharedWith(db, caller, id)
        : undefined;
    // not shared with the caller (or not on this route): as if it did not exist
    if (owner === undefined || !rememberSharedOwner(request, grantTenant(owner)))
      throw notFound(ownership.what);
  }
}

async function resolveCaller(db: Db, request: FastifyRequest, access: Access): Promise<void> {
  const session = await requireSession(db, request);
  if (access === 'signed-in') {
    rememberCaller(request, { session, user: session.user });
    return;
  }
  const membership = await findMembership(db, session.orgId, session.user.id);
  if (!membership) throw forbidden('You are no longer a member of this organisation');
  const { role, organisation } = membership;
  if (needsWriter(access) && !canWrite(role)) {
    throw forbidden('Viewers can read but not change; ask an editor or administrator');
  }
  if (access === 'admin' && role !== 'admin') {
    throw forbidden('Only administrators of this organisation may do this');
  }
  rememberCaller(request, {
    session,
    user: session.user,
    tenant: grantTenant(session.orgId),
    role,
    organisation,
  });
}
