import type { FastifyInstance } from 'fastify';
import { sessionCookie } from './api-app.ts';

/** A password that meets the password policy (src/server/auth/password-policy.ts), for users tests create. */
export const STRONG_TEST_PASSWORD = 'Lantern-Orchid-Velvet-42';

/**
 * Signs in with a one-time password and changes it through the API, as a newly invited user must before any
 * other request; returns the session cookie, now free of the must-change rule. Throws, naming the answer, when
 * the sign-in or the change is refused.
 */
export async function signInChangingOneTimePassword(
  app: FastifyInstance,
  email: string,
  oneTimePassword: string,
  newPassword = STRONG_TEST_PASSWORD,
): Promise<string> {
  const cookie = sessionCookie(
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: oneTimePassword },
    }),
  );
  const change = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { cookie },
    payload: { currentPassword: oneTimePassword, newPassword },
  });
  if (change.statusCode !== 204) {
    throw new Error(
      `changing the one-time password of ${email} answered ${change.statusCode}: ${change.body}`,
    );
  }
  return cookie;
}
