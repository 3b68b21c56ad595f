import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { findLiveSession, type SessionView } from '../../db/repositories/accounts.ts';
import { unauthorized } from '../app-error.ts';
import { hashSessionToken, SESSION_COOKIE } from './session-token.ts';

/** The signed-in user of this request, read from the database on every request (the server keeps no state). */
export async function currentSession(db: Db, request: FastifyRequest): Promise<SessionView | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  return findLiveSession(db, hashSessionToken(token), new Date());
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
