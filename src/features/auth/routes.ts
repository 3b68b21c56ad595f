import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ChangePassword, Me, SignIn, SwitchOrganisation } from '../../contracts/auth.ts';
import { signedIn } from '../../server/access/caller.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import { currentSession } from '../../server/sessions/current-session.ts';
import { SESSION_COOKIE } from '../../server/sessions/session-token.ts';
import { changePassword } from './change-password.ts';
import { recordSignIn } from './record-sign-in.ts';
import { signIn } from './sign-in.ts';
import { configuredSignInThrottle, retryAfterOnRefusal } from './sign-in-throttle.ts';
import { signOut } from './sign-out.ts';
import { switchOrganisation } from './switch-organisation.ts';
import { whoAmI } from './who-am-i.ts';

/**
 * Sign-in, sign-out, who am I, password change and organisation switch. `now` is the clock the sign-in throttle
 * reads (tests move it on instead of waiting).
 */
export function authRoutes(
  db: Db,
  config: Config,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
  };

  // Counted in the database: every instance on it shares the counts, and a restart keeps them.
  const throttle = configuredSignInThrottle(db, config, now);

  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets an HttpOnly session cookie',
          description:
            `After ${config.signInMaxFailures} failed sign-ins for one email from one client address (or ` +
            `${config.signInMaxFailuresPerIp} from one address across emails), each further try from there must ` +
            'wait — 1 second, then twice as long after each further failure, up to ' +
            `${config.signInMaxDelayMinutes} minutes — and is refused with 429 and Retry-After until then, even ` +
            'with the right password. Other addresses are not held up. A successful sign-in clears the count of ' +
            'its email and address; a count is forgotten a day after its last failure.',
          body: SignIn,
          response: { 200: Me, 401: ErrorResponse, 429: TooManyAttempts },
        },
        onError: retryAfterOnRefusal,
      },
      async (request, reply) => {
        const signed = await signIn(
          db,
          { throttle, sessionHours: config.sessionHours },
          request.body,
          request.ip,
        );
        await recordSignIn(db, request, signed);
        reply.setCookie(SESSION_COOKIE, signed.token, { ...cookieOptions, expires: signed.expiresAt });
        return signed.me;
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'public' },
        // public: it ends the session if there is one, and answers the same without
        schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await signOut(db, request.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Change your password (required after a one-time password); ends your other sessions',
          description:
            'The new password must meet the password policy: at least 10 characters, not whitespace alone, not ' +
            'the current password, not your email or name or a close variant, not a common password, and hard ' +
            'enough to guess (zxcvbn score 3 of 4). A refused one answers 400 weak_password with one ' +
            '{ code, message } per broken rule in details.problems. Every other session of yours ends; this one ' +
            'stays signed in.',
          body: ChangePassword,
          response: { 204: z.null(), 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { user } = signedIn(request);
        await changePassword(db, user.id, request.body, request.cookies[SESSION_COOKIE] ?? '');
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/organisation',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary:
            'Act for another organisation you are a member of (a consultant switching between enterprises)',
          body: SwitchOrganisation,
          response: { 200: Me },
        },
      },
      async (request) => {
        const { session } = signedIn(request);
        const token = request.cookies[SESSION_COOKIE] ?? '';
        return switchOrganisation(db, session, token, request.body.orgId);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['auth'], summary: 'The signed-in user and organisation', response: { 200: Me } },
      },
      async (request) => whoAmI(db, signedIn(request).session),
    );

    // The web app's first question, asked on every visit: answered 200 either way, so that a signed-out visitor's
    // browser logs no failed request. API clients keep /api/auth/me and its 401.
    app.get(
      '/api/auth/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in, if anyone: { me } for a live session, { me: null } without one',
          response: { 200: z.object({ me: Me.nullable() }), 403: ErrorResponse },
        },
      },
      async (request) => {
        const session = await currentSession(db, request);
        return { me: session ? await whoAmI(db, session) : null };
      },
    );
  };
}

const TooManyAttempts = z
  .object({
    error: z.object({
      code: z.literal('too_many_attempts'),
      message: z.string(),
      details: z.object({ retryAfterSeconds: z.number().int().positive() }),
    }),
  })
  .describe(
    'Too many failed sign-ins; the Retry-After header and details say after how many seconds to retry',
  );
