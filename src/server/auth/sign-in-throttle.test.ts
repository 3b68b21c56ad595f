import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FailureLog, normaliseEmail, SignInThrottle, type Admission } from './sign-in-throttle.ts';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;

/** A throttle on a clock the test moves by hand. */
function throttleAt(limits: { perEmail?: number; perIp?: number; maxKeys?: number } = {}) {
  const clock = { now: 1_000_000 };
  const throttle = new SignInThrottle(
    { perEmail: limits.perEmail ?? 5, perIp: limits.perIp ?? 50, windowMs: WINDOW, maxKeys: limits.maxKeys },
    () => clock.now,
  );
  return { throttle, clock };
}

/** Admit and fail `n` attempts (the password was wrong each time). */
function fail(throttle: SignInThrottle, n: number, email = 'cio@x.cn', ip = '10.0.0.1'): Admission[] {
  return Array.from({ length: n }, () => throttle.admit(email, ip));
}

const refused = (a: Admission) => (a.admitted ? null : a.retryAfterMs);

describe('SignInThrottle', () => {
  it('admits five failures of one email, then refuses until the first leaves the 15-minute window', () => {
    const { throttle, clock } = throttleAt();
    const first = clock.now;
    for (const a of fail(throttle, 5)) expect(a.admitted).toBe(true);
    clock.now += 2 * MINUTE;
    expect(refused(throttle.admit('cio@x.cn', '10.0.0.1'))).toBe(first + WINDOW - clock.now);
    clock.now = first + WINDOW - 1;
    expect(refused(throttle.admit('cio@x.cn', '10.0.0.1'))).toBe(1);
    clock.now = first + WINDOW;
    expect(throttle.admit('cio@x.cn', '10.0.0.1').admitted).toBe(true);
  });

  it('counts failures in a sliding window: spread-out failures free one try at a time', () => {
    const { throttle, clock } = throttleAt();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      if (i > 0) clock.now += 3 * MINUTE;
      times.push(clock.now);
      expect(throttle.admit('a@x.cn', 'ip').admitted).toBe(true);
    }
    // 12 minutes after the first failure: five in the window, refused for the 3 minutes the first has left
    expect(refused(throttle.admit('a@x.cn', 'ip'))).toBe(times[0]! + WINDOW - clock.now);
    clock.now = times[0]! + WINDOW;
    expect(throttle.admit('a@x.cn', 'ip').admitted).toBe(true);
    // that try failed too: refused again until the second failure leaves
    expect(refused(throttle.admit('a@x.cn', 'ip'))).toBe(times[1]! + WINDOW - clock.now);
  });

  it('does not count refused attempts, so hammering a locked email does not extend the lock', () => {
    const { throttle, clock } = throttleAt();
    const first = clock.now;
    fail(throttle, 5);
    for (let i = 0; i < 100; i++) {
      clock.now += 5_000;
      expect(throttle.admit('cio@x.cn', '10.0.0.1').admitted).toBe(false);
    }
    clock.now = first + WINDOW;
    expect(throttle.admit('cio@x.cn', '10.0.0.1').admitted).toBe(true);
  });

  it('refuses a locked email whatever the password would have been: admit is asked before any check', () => {
    const { throttle } = throttleAt();
    fail(throttle, 5);
    const a = throttle.admit('cio@x.cn', '10.0.0.1');
    expect(a.admitted).toBe(false);
  });

  it('leaves other emails alone', () => {
    const { throttle } = throttleAt();
    fail(throttle, 5, 'victim@x.cn');
    expect(throttle.admit('victim@x.cn', '10.0.0.1').admitted).toBe(false);
    expect(throttle.admit('other@x.cn', '10.0.0.1').admitted).toBe(true);
  });

  it('treats emails that differ only in case and surrounding space as one', () => {
    const { throttle } = throttleAt();
    fail(throttle, 2, 'CIO@X.cn');
    fail(throttle, 2, ' cio@x.CN ');
    fail(throttle, 1, 'cio@x.cn');
    expect(throttle.admit('Cio@X.Cn', '10.0.0.1').admitted).toBe(false);
    expect(normaliseEmail('  A@B.C ')).toBe('a@b.c');
  });

  it('clears the email on success, so the next failures start from zero', () => {
    const { throttle } = throttleAt();
    fail(throttle, 4);
    const ok = throttle.admit('cio@x.cn', '10.0.0.1');
    if (!ok.admitted) throw new Error('should be admitted');
    throttle.succeeded(ok.attempt);
    for (const a of fail(throttle, 5)) expect(a.admitted).toBe(true);
    expect(throttle.admit('cio@x.cn', '10.0.0.1').admitted).toBe(false);
  });

  it('counts an admitted attempt at once, so parallel guesses cannot all slip through', () => {
    const { throttle } = throttleAt();
    // six guesses arrive before any password check has finished
    const admissions = fail(throttle, 6);
    expect(admissions.map((a) => a.admitted)).toEqual([true, true, true, true, true, false]);
  });

  it('refuses an IP after its own, higher limit across many emails; other IPs are unaffected', () => {
    const { throttle } = throttleAt({ perEmail: 5, perIp: 8 });
    for (let i = 0; i < 8; i++) expect(throttle.admit(`user${i}@x.cn`, '6.6.6.6').admitted).toBe(true);
    expect(throttle.admit('fresh@x.cn', '6.6.6.6').admitted).toBe(false);
    expect(throttle.admit('fresh@x.cn', '7.7.7.7').admitted).toBe(true);
  });

  it('forgives the IP only the successful attempt, not its earlier failures', () => {
    const { throttle } = throttleAt({ perEmail: 5, perIp: 3 });
    fail(throttle, 2, 'a@x.cn', '6.6.6.6');
    const ok = throttle.admit('b@x.cn', '6.6.6.6');
    if (!ok.admitted) throw new Error('should be admitted');
    expect(throttle.admit('c@x.cn', '6.6.6.6').admitted).toBe(false); // three counted, one still pending
    throttle.succeeded(ok.attempt);
    expect(throttle.admit('c@x.cn', '6.6.6.6').admitted).toBe(true); // two failures + this one
    expect(throttle.admit('d@x.cn', '6.6.6.6').admitted).toBe(false);
  });

  it('answers with the longer wait when both the email and the IP are locked', () => {
    const { throttle, clock } = throttleAt({ perEmail: 2, perIp: 3 });
    const t0 = clock.now;
    fail(throttle, 1, 'x@x.cn', '6.6.6.6');
    clock.now += MINUTE;
    fail(throttle, 2, 'a@x.cn', '6.6.6.6'); // email a locked until t0+1m+15m, IP until t0+15m
    expect(refused(throttle.admit('a@x.cn', '6.6.6.6'))).toBe(t0 + MINUTE + WINDOW - clock.now);
  });

  it('prunes keys whose failures have all left the window', () => {
    const { throttle, clock } = throttleAt();
    for (let i = 0; i < 100; i++) throttle.admit(`user${i}@x.cn`, `10.0.0.${i}`);
    expect(throttle.size).toEqual({ emails: 100, ips: 100 });
    clock.now += WINDOW;
    throttle.admit('late@x.cn', '10.0.1.1');
    expect(throttle.size).toEqual({ emails: 1, ips: 1 });
  });

  it('stays within its bound under a flood of distinct emails from distinct IPs inside one window', () => {
    const { throttle, clock } = throttleAt({ maxKeys: 500 });
    let admitted = 0;
    for (let i = 0; i < 5000; i++) {
      if (throttle.admit(`flood${i}@x.cn`, `ip${i}`).admitted) admitted++;
      clock.now += 1;
    }
    expect(admitted).toBe(5000);
    expect(throttle.size).toEqual({ emails: 500, ips: 500 });
    // the most recently failed keys are the ones kept
    fail(throttle, 4, 'flood4999@x.cn', 'ip0');
    expect(throttle.admit('flood4999@x.cn', 'ip0').admitted).toBe(false);
    // the price of the bound: the earliest keys were forgotten, their one failure with them
    fail(throttle, 4, 'flood0@x.cn', 'ip1');
    expect(throttle.admit('flood0@x.cn', 'ip1').admitted).toBe(true);
  });
});

describe('FailureLog', () => {
  it('keeps no more failure times per key than its limit', () => {
    const log = new FailureLog({ maxFailures: 3, windowMs: WINDOW });
    for (let t = 0; t < 10; t++) log.record('k', t);
    // only the latest three count: the wait is until the 8th failure (t=7) leaves the window
    expect(log.retryAfterMs('k', 9)).toBe(7 + WINDOW - 9);
  });

  it('ignores forgiving a key or time it never saw, and clear forgets a key', () => {
    const log = new FailureLog({ maxFailures: 1, windowMs: WINDOW });
    log.forgive('nobody', 1);
    log.record('k', 5);
    log.forgive('k', 6);
    expect(log.retryAfterMs('k', 5)).toBe(WINDOW);
    log.clear('k');
    expect(log.retryAfterMs('k', 5)).toBe(0);
    expect(log.size).toBe(0);
  });

  it('rejects limits that make no sense', () => {
    expect(() => new FailureLog({ maxFailures: 0, windowMs: WINDOW })).toThrow(/maxFailures/);
    expect(() => new FailureLog({ maxFailures: 1.5, windowMs: WINDOW })).toThrow(/maxFailures/);
    expect(() => new FailureLog({ maxFailures: 5, windowMs: 0 })).toThrow(/windowMs/);
    expect(() => new FailureLog({ maxFailures: 5, windowMs: WINDOW }, 0)).toThrow(/maxKeys/);
  });

  it('agrees with a naive model that remembers every failure, on any sequence of attempts', () => {
    const step = fc.record({ key: fc.constantFrom('a', 'b', 'c'), dt: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 80 }), (max, steps) => {
        const windowMs = 1000;
        const log = new FailureLog({ maxFailures: max, windowMs }, 2);
        const model: { key: string; t: number }[] = [];
        let now = 0;
        for (const { key, dt } of steps) {
          now += dt;
          const inWindow = model.filter((f) => f.key === key && f.t > now - windowMs).map((f) => f.t);
          const expected = inWindow.length >= max ? inWindow[inWindow.length - max]! + windowMs - now : 0;
          // the store holds only 2 keys: a key evicted from it may be less restricted than the model, never more
          const actual = log.retryAfterMs(key, now);
          if (actual > 0) expect(actual).toBe(expected);
          if (actual === 0) {
            log.record(key, now);
            model.push({ key, t: now });
          }
          expect(log.size).toBeLessThanOrEqual(2);
        }
      }),
    );
  });

  it('never admits more than the limit within any window (law, with room for every key)', () => {
    const step = fc.record({ key: fc.constantFrom('a', 'b'), dt: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 80 }), (max, steps) => {
        const windowMs = 1000;
        const log = new FailureLog({ maxFailures: max, windowMs });
        const admitted: { key: string; t: number }[] = [];
        let now = 0;
        for (const { key, dt } of steps) {
          now += dt;
          const inWindow = admitted.filter((f) => f.key === key && f.t > now - windowMs).length;
          const wait = log.retryAfterMs(key, now);
          expect(wait > 0).toBe(inWindow >= max);
          if (wait === 0) {
            log.record(key, now);
            admitted.push({ key, t: now });
          }
        }
      }),
    );
  });
});
