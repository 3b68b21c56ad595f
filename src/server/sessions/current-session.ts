import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { findLiveSession, type SessionView } from './accounts.ts';
import { unauthorized } from '../app-error.ts';
import { hashSessionToken, SESSION_COOKIE } from './session-token.ts';

/** Each request's session, read once (the password-change gate and the route both ask). */
const perRequest = new WeakMap<FastifyRequest, Promise<SessionView | undefined>>();

/** The signed-in user of this request, read from the database once per request (the server keeps no state). */
export function currentSession(db: Db, request: FastifyRequest): Promise<SessionView | undefined> {
  const known = perRequest.get(request);
  if (known) return known;
  const token = request.cookies[SESSION_COOKIE];
  const session = token
    ? findLiveSession(db, hashSessionToken(token), new Date())
    : Promise.resolve(undefined);
  perRequest.set(request, session);
  return session;
}

export async function requireSession(db: Db, request: FastifyRequest): Promise<SessionView> {
  const session = await currentSession(db, request);
  if (!session) {
    throw unauthorized(
      request.cookies[SESSION_COOKIE] ? 'Your session has expired; sign in again' : 'Sign in first',
    );
  }
  return session;
}
