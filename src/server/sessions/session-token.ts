import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tupu_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
