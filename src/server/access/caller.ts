/**
 * Who is calling, resolved once per request by the access hook and read by the route through the functions below.
 * A route reads only what its declared access guarantees: `signedIn` on a `signed-in` route, `member` on a
 * `read`, `write` or `admin` one. Asking for more than the route declared is a programming error (500), caught by
 * the route-walk test.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/auth.ts';
import type { SessionView } from '../sessions/accounts.ts';
import type { OrganisationPlace } from './caller-store.ts';
import { grantTenant } from './grant-tenant.ts';
import type { TenantId } from './tenant.ts';

export interface SignedInCaller {
  session: SessionView;
  user: SessionView['user'];
}

export interface MemberCaller extends SignedInCaller {
  /** the organisation the session acts for: the only one whose data the route may touch unless it checks more */
  tenant: TenantId;
  role: Role;
  organisation: OrganisationPlace;
}

const callers = new WeakMap<FastifyRequest, SignedInCaller | MemberCaller>();

export function rememberCaller(request: FastifyRequest, caller: SignedInCaller | MemberCaller): void {
  callers.set(request, caller);
}

const undeclared = (request: FastifyRequest, needs: string) =>
  new Error(
    `${request.method} ${request.routeOptions.url ?? request.url} reads ${needs} but declares access ` +
      `'${request.routeOptions.config.access ?? 'none'}'`,
  );

/** The signed-in caller of a route declared `signed-in` or stricter. */
export function signedIn(request: FastifyRequest): SignedInCaller {
  const caller = callers.get(request);
  if (!caller) throw undeclared(request, 'the signed-in caller');
  return caller;
}

/** The member calling a route declared `read`, `write` or `admin`, with their organisation as the tenant. */
export function member(request: FastifyRequest): MemberCaller {
  const caller = callers.get(request);
  if (!caller || !('tenant' in caller)) throw undeclared(request, 'the member');
  return caller;
}

/** The owner of the shared record the request is about, when the caller reaches it through sharing (access hook). */
const sharedOwners = new WeakMap<FastifyRequest, TenantId>();

/**
 * Records that the request reaches a record of `owner` shared with the caller's organisation. False when the path
 * already reached another owner's record that way: one request acts on one owner's data.
 */
export function rememberSharedOwner(request: FastifyRequest, owner: TenantId): boolean {
  const known = sharedOwners.get(request);
  if (known !== undefined && known !== owner) return false;
  sharedOwners.set(request, owner);
  return true;
}

/**
 * The tenant whose record the route acts on: the caller's own organisation, or — on a route declared
 * `shared: true`, for a record its owner shared with the caller's organisation — the owner's. `shared` says which;
 * a use case then allows only what the sharing gives (e.g. an invited provider's part of a project).
 */
export function recordTenant(request: FastifyRequest): { tenant: TenantId; shared: boolean } {
  const caller = member(request);
  const owner = sharedOwners.get(request);
  return owner === undefined ? { tenant: caller.tenant, shared: false } : { tenant: owner, shared: true };
}

/**
 * Whoever the access hook resolved for this request, if anyone (a public route has nobody), with the organisation
 * the request acts for: the shared record's owner, else the member's organisation, else the one the session acts
 * for. For what happens after the route (the audit trail's fallback record), never for deciding access.
 */
export function resolvedCaller(
  request: FastifyRequest,
): { user: SignedInCaller['user']; tenant: TenantId } | undefined {
  const caller = callers.get(request);
  if (!caller) return undefined;
  const tenant =
    sharedOwners.get(request) ?? ('tenant' in caller ? caller.tenant : grantTenant(caller.session.orgId));
  return { user: caller.user, tenant };
}
