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
