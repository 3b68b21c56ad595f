/**
 * A user signed in with a one-time password (an invitation, a reset, the first platform admin) must choose their
 * own before anything else: until then every API request but the few below answers 403
 * `password_change_required`. Decided here, once for every route, from the session — not route by route.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError } from '../app-error.ts';
import { currentSession } from './current-session.ts';

/** What a user who must change their password may still do: sign in and out, read who they are, change it. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'GET /api/auth/me',
  'GET /api/auth/session',
  'POST /api/auth/password',
]);

export const passwordChangeRequired = () =>
  new AppError(
    403,
    'password_change_required',
    'You signed in with a one-time password: change your password (POST /api/auth/password) before anything else',
  );

/** Install the gate on `app`; call before the routes are registered so that it covers all of them. */
export function installPasswordChangeGate(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // the matched route's own pattern, so that no spelling of a path can pass for an allowed one
    const route = request.routeOptions.url;
    if (route !== undefined && ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${route}`)) return;
    const session = await currentSession(db, request);
    if (session?.user.mustChangePassword) throw passwordChangeRequired();
  });
}
