import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import {
  changeOwnPassword,
  deleteSession,
  findUserByEmail,
  findUserById,
  insertSession,
  listMemberships,
  setSessionOrganisation,
  type MembershipView,
} from '../../server/sessions/accounts.ts';
import { ChangePassword, Me, SignIn, SwitchOrganisation } from '../../contracts/auth.ts';
import { AppError, forbidden } from '../../server/app-error.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '../../server/sessions/session-token.ts';
import { requireStrongPassword } from './password-policy.ts';
import { configuredSignInThrottle, tooManyAttempts } from './sign-in-throttle.ts';
import { ErrorResponse } from '../../server/error-response.ts';

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

  const active = (memberships: MembershipView[], orgId: string): MembershipView => {
    const found = memberships.find((m) => m.orgId === orgId);
    if (!found) throw forbidden('You are no longer a member of this organisation');
    return found;
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
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const admission = await throttle.admit(email, request.ip);
        if (!admission.admitted) {
          const seconds = Math.ceil(admission.retryAfterMs / 1000);
          reply.header('retry-after', String(seconds));
          throw tooManyAttempts(seconds);
        }
        const user = await findUserByEmail(db, email);
        // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
        await throttle.succeeded(admission.attempt);
        const memberships = await listMemberships(db, user.id);
        const first = memberships[0];
        if (!first) throw forbidden('This account belongs to no organisation yet; ask an administrator');
        const token = newSessionToken();
        const expiresAt = new Date(Date.now() + config.sessionHours * 3600_000);
        await insertSession(db, {
          tokenHash: hashSessionToken(token),
          orgId: first.orgId,
          userId: user.id,
          expiresAt,
        });
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
        const { id, displayName, locale, mustChangePassword } = user;
        return {
          user: { id, email: user.email, displayName, locale, mustChangePassword },
          organisation: first,
          memberships,
        };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await deleteSession(db, hashSessionToken(token));
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
        const session = await requireSession(db, request);
        const user = await findUserById(db, session.user.id);
        const { currentPassword, newPassword } = request.body;
        if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
          throw new AppError(400, 'invalid_credentials', 'The current password is wrong');
        }
        await requireStrongPassword(newPassword, {
          email: user.email,
          displayName: user.displayName,
          currentPassword,
        });
        const token = request.cookies[SESSION_COOKIE] ?? '';
        await changeOwnPassword(db, user.id, await hashPassword(newPassword), hashSessionToken(token));
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
        const session = await requireSession(db, request);
        const memberships = await listMemberships(db, session.user.id);
        const target = memberships.find((m) => m.orgId === request.body.orgId);
        if (!target) throw forbidden('You are not a member of that organisation');
        const token = request.cookies[SESSION_COOKIE] ?? '';
        await setSessionOrganisation(db, hashSessionToken(token), target.orgId);
        return { user: session.user, organisation: target, memberships };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['auth'], summary: 'The signed-in user and organisation', response: { 200: Me } },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const memberships = await listMemberships(db, session.user.id);
        return { user: session.user, organisation: active(memberships, session.orgId), memberships };
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

// scrypt hash of a random string nobody knows; only used to spend the same time on unknown emails.
const DUMMY_HASH = 'scrypt$32768$8$1$mJ0cVbTq0JxkUq9tQ3m4Vg$0n3O7H4cxq2Gm3Y0dKJbHqZb7Ww8mE3V1xXo0mO6b1Q';
