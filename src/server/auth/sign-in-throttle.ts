/**
 * Brute-force protection for sign-in: failed attempts are counted per normalised email and per client IP, and a
 * key that has used up its failures within a sliding window is refused until the oldest of them leaves the
 * window. No I/O and no clock of its own: the caller passes `now` (milliseconds), so tests drive time.
 *
 * The store lives in this process's memory. Several server instances behind a load balancer each count on their
 * own (an attacker spread over them gets instances × limit tries), and a restart forgets every count; a
 * multi-instance deployment that needs one shared count must move this store to a shared one (the database or
 * a cache such as Redis).
 */

/** How many failures one key may have within a sliding window. */
export interface FailureLimit {
  maxFailures: number;
  windowMs: number;
}

/** Keys kept per store by default; beyond it the least recently failed key is forgotten. */
export const DEFAULT_MAX_KEYS = 50_000;

/**
 * Failure times per key (an email or an IP). Each key keeps at most `maxFailures` times, all within the window;
 * keys are kept in the order of their latest failure, so those whose failures have all expired sit at the front
 * and are pruned as new failures arrive, and at most `maxKeys` keys are ever held.
 */
export class FailureLog {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: FailureLimit,
    private readonly maxKeys: number = DEFAULT_MAX_KEYS,
  ) {
    if (!Number.isInteger(limit.maxFailures) || limit.maxFailures < 1) {
      throw new Error(`maxFailures must be a positive integer, got ${limit.maxFailures}`);
    }
    if (!(limit.windowMs > 0)) throw new Error(`windowMs must be positive, got ${limit.windowMs}`);
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new Error(`maxKeys must be a positive integer, got ${maxKeys}`);
    }
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string, now: number): number {
    const times = this.recent(key, now);
    const excess = times.length - this.limit.maxFailures;
    if (excess < 0) return 0;
    // a try is allowed again when enough failures have left the window to fall below the limit
    return (times[excess] ?? now) + this.limit.windowMs - now;
  }

  /** Count a failure of `key` at `now`. */
  record(key: string, now: number): void {
    const times = this.recent(key, now);
    this.failures.delete(key);
    this.prune(now);
    while (this.failures.size >= this.maxKeys) this.evictOldest();
    times.push(now);
    this.failures.set(key, times.slice(-this.limit.maxFailures));
  }

  /** Take back one failure of `key` recorded at `at` (an attempt counted in advance that turned out fine). */
  forgive(key: string, at: number): void {
    const times = this.failures.get(key);
    if (!times) return;
    const i = times.indexOf(at);
    if (i >= 0) times.splice(i, 1);
    if (times.length === 0) this.failures.delete(key);
  }

  /** Forget every failure of `key`. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys held. */
  get size(): number {
    return this.failures.size;
  }

  /** Drop keys whose failures have all left the window, from the front (least recently failed) on. */
  prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.some((t) => this.inWindow(t, now))) return;
      this.failures.delete(key);
    }
  }

  private evictOldest(): void {
    const oldest = this.failures.keys().next();
    if (!oldest.done) this.failures.delete(oldest.value);
  }

  private inWindow(t: number, now: number): boolean {
    return t > now - this.limit.windowMs;
  }

  /** The key's failures still in the window, oldest first. */
  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const kept = times.filter((t) => this.inWindow(t, now)).sort((a, b) => a - b);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}

export interface SignInLimits {
  /** failures allowed per email within the window (default 5) */
  perEmail: number;
  /** failures allowed per client IP within the window (default 50) */
  perIp: number;
  /** the sliding window, in milliseconds (default 15 minutes) */
  windowMs: number;
  /** keys held per store at most (default DEFAULT_MAX_KEYS) */
  maxKeys?: number;
}

/** An attempt that was let through; hand it back to `succeeded` when the password was right. */
export interface SignInAttempt {
  readonly email: string;
  readonly ip: string;
  readonly at: number;
}

export type Admission =
  { admitted: true; attempt: SignInAttempt } | { admitted: false; retryAfterMs: number };

/** Emails are compared as the accounts store them: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The sign-in gate. `admit` is asked before the password is checked; an admitted attempt is counted as a failure
 * at once (so parallel guesses cannot all slip through before the first is counted) and `succeeded` takes it
 * back: a success clears the email's failures and forgives the IP this one attempt.
 */
export class SignInThrottle {
  private readonly byEmail: FailureLog;
  private readonly byIp: FailureLog;

  constructor(
    limits: SignInLimits,
    private readonly now: () => number,
  ) {
    this.byEmail = new FailureLog(
      { maxFailures: limits.perEmail, windowMs: limits.windowMs },
      limits.maxKeys,
    );
    this.byIp = new FailureLog({ maxFailures: limits.perIp, windowMs: limits.windowMs }, limits.maxKeys);
  }

  admit(email: string, ip: string): Admission {
    const at = this.now();
    const key = normaliseEmail(email);
    const retryAfterMs = Math.max(this.byEmail.retryAfterMs(key, at), this.byIp.retryAfterMs(ip, at));
    if (retryAfterMs > 0) return { admitted: false, retryAfterMs };
    this.byEmail.record(key, at);
    this.byIp.record(ip, at);
    return { admitted: true, attempt: { email: key, ip, at } };
  }

  succeeded(attempt: SignInAttempt): void {
    this.byEmail.clear(attempt.email);
    this.byIp.forgive(attempt.ip, attempt.at);
  }

  /** Keys held, for tests and diagnostics. */
  get size(): { emails: number; ips: number } {
    return { emails: this.byEmail.size, ips: this.byIp.size };
  }
}
