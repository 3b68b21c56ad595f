/**
 * Brute-force protection for sign-in, counted in the database (table sign_in_failures) so that every server
 * instance on one database shares the counts and a restart keeps them.
 *
 * Failures are counted per e-mail and client address together, and per client address across e-mails. Up to a
 * threshold (TUPU_SIGNIN_MAX_FAILURES per pair, TUPU_SIGNIN_MAX_FAILURES_PER_IP per address) tries are free; from
 * then on each failure makes that pair or address wait before its next try, 1 second after the threshold is
 * reached and twice as long after each further failure, up to TUPU_SIGNIN_MAX_DELAY_MINUTES. There is no hard
 * lock, and it is never the e-mail alone that waits: the owner signing in from another address is not held up by
 * someone guessing their password elsewhere. A success clears its pair; a count is forgotten a day after its
 * last failure.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/app-error.ts';
import {
  clearFailures,
  countFailuresUnlessBlocked,
  deleteForgottenFailures,
  forgiveFailure,
  type FailureKey,
} from './repository.ts';

export interface SignInLimits {
  /** failures of one e-mail from one address before each further try waits (default 5) */
  perPair: number;
  /** failures from one address, across e-mails, before each further try waits (default 50) */
  perAddress: number;
  /** the longest wait, in milliseconds (default 15 minutes) */
  maxDelayMs: number;
}

/** A count is forgotten this long after its last failure (at least the longest wait). */
export const FORGET_AFTER_MS = 24 * 3600_000;

/**
 * How long a key that has just failed for the `failures`-th time waits before its next try: nothing below the
 * threshold, then 1 s, 2 s, 4 s … doubling with each failure, at most `maxDelayMs`.
 */
export function delayAfter(failures: number, threshold: number, maxDelayMs: number): number {
  if (failures < threshold) return 0;
  const exponent = Math.min(failures - threshold, 40);
  return Math.min(2 ** exponent * 1000, maxDelayMs);
}

/** Emails are compared as the accounts store them: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An attempt that was let through; hand it back to `succeeded` when the password was right. */
export interface SignInAttempt {
  readonly pair: FailureKey;
  readonly address: FailureKey;
  readonly at: Date;
}

export type Admission =
  { admitted: true; attempt: SignInAttempt } | { admitted: false; retryAfterMs: number };

/**
 * The sign-in gate. `admit` is asked before the password is checked; an admitted attempt is counted as a failure
 * at once (so parallel guesses cannot all slip through before the first is counted) and `succeeded` takes it
 * back: a success clears the pair's count and forgives the address this one attempt.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly limits: SignInLimits,
    private readonly now: () => Date,
  ) {}

  async admit(email: string, address: string): Promise<Admission> {
    const at = this.now();
    const forgetBefore = new Date(at.getTime() - Math.max(FORGET_AFTER_MS, this.limits.maxDelayMs));
    await deleteForgottenFailures(this.db, forgetBefore);
    const pair: FailureKey = { scope: 'pair', email: normaliseEmail(email), address };
    const own: FailureKey = { scope: 'address', email: '', address };
    const { perPair, perAddress, maxDelayMs } = this.limits;
    const counted = await countFailuresUnlessBlocked(
      this.db,
      [
        { key: pair, delayMs: (n) => delayAfter(n, perPair, maxDelayMs) },
        { key: own, delayMs: (n) => delayAfter(n, perAddress, maxDelayMs) },
      ],
      at,
      forgetBefore,
    );
    if (!counted.admitted) {
      return { admitted: false, retryAfterMs: Math.max(counted.blockedUntil.getTime() - at.getTime(), 1) };
    }
    return { admitted: true, attempt: { pair, address: own, at } };
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.db.transaction(async (tx) => {
      await clearFailures(tx, attempt.pair);
      await forgiveFailure(tx, attempt.address, attempt.at, this.limits.perAddress);
    });
  }
}

/** The throttle with the server's configured limits: sign-in and accepting an invitation with a password share it. */
export function configuredSignInThrottle(db: Db, config: Config, now: () => Date): SignInThrottle {
  return new SignInThrottle(
    db,
    {
      perPair: config.signInMaxFailures,
      perAddress: config.signInMaxFailuresPerIp,
      maxDelayMs: config.signInMaxDelayMinutes * 60_000,
    },
    now,
  );
}

/**
 * The attempt `throttle` admits for `email` from `address`, to pass to `succeeded` once the password was right;
 * 429 too_many_attempts when it must wait (the route's `retryAfterOnRefusal` sets Retry-After from it).
 */
export async function admitOrRefuse(
  throttle: Pick<SignInThrottle, 'admit'>,
  email: string,
  address: string,
): Promise<SignInAttempt> {
  const admission = await throttle.admit(email, address);
  if (!admission.admitted) throw tooManyAttempts(Math.ceil(admission.retryAfterMs / 1000));
  return admission.attempt;
}

/**
 * A route's onError hook: on a 429 too_many_attempts, the Retry-After header, in seconds, as the body's
 * details.retryAfterSeconds says.
 */
export const retryAfterOnRefusal = async (
  _request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): Promise<void> => {
  if (error instanceof AppError && error.code === 'too_many_attempts') {
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    reply.header('retry-after', String(retryAfterSeconds));
  }
};

/** 429 too_many_attempts, saying how long to wait (the caller also sets Retry-After). */
export function tooManyAttempts(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-ins from your address; try again in ${wait}`,
    { retryAfterSeconds: seconds },
  );
}
