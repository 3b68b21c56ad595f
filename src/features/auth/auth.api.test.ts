import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.ts';
import {
  addMembership,
  createUser,
  findUserByEmail,
  listMemberships,
} from '../../server/sessions/accounts.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { buildApp } from '../../server/app.ts';
import { hashPassword } from './password.ts';
import { joinByInvitation } from '../../../tests/support/invitations.ts';
import { sessionCookie, testConfig, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import {
  signInChangingOneTimePassword,
  STRONG_TEST_PASSWORD,
} from '../../../tests/support/one-time-password.ts';

const countSessions = async (database: Database) =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from sessions`))[0]?.n;

describe.each(testEngines())('auth API on %s', (engine) => {
  const api = useApiApp(engine, { overrides: { bodyLimit: 4096 } });

  const signIn = (password = DEMO_PASSWORD, email = 'cio@demo.tupu.local') =>
    api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

  it('answers health with the engine and version', async () => {
    const res = await api.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: engine });
    expect(res.json<{ version: string }>().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('should fail with 401 invalid_credentials on a wrong password, and write no session', async () => {
    const before = await countSessions(api.database);
    const res = await signIn('not the password');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Email or password is wrong', details: null },
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await countSessions(api.database)).toBe(before);
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const res = await signIn(DEMO_PASSWORD, 'nobody@example.com');
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_credentials');
  });

  it('signs in with an HttpOnly SameSite cookie, reads me, signs out and forgets the session', async () => {
    const res = await signIn();
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/tupu_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(res);

    const me = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'cio@demo.tupu.local' },
      organisation: { orgKind: 'enterprise', role: 'admin' },
    });

    const out = await api.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
  });

  it('should fail with 401 when the session has expired', async () => {
    const cookie = sessionCookie(await signIn());
    await api.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    const res = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('should fail with 401 when no cookie is sent', async () => {
    const res = await api.app.inject('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in first', details: null } });
  });

  it('tells the web app who is signed in with 200 either way, { me: null } without a live session', async () => {
    const anonymous = await api.app.inject('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });

    const cookie = sessionCookie(await signIn());
    const signedIn = await api.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);
    const me = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(signedIn.json()).toEqual({ me: me.json<unknown>() });
    expect(signedIn.json()).toMatchObject({ me: { user: { email: 'cio@demo.tupu.local' } } });

    await api.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    const after = await api.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ me: null });
    // API clients keep the 401 of /api/auth/me
    expect((await api.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers an unknown API route with the error shape', async () => {
    const res = await api.app.inject('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/does-not-exist', details: null },
    });
  });

  it('rejects malformed JSON with 400 invalid_json and writes nothing', async () => {
    const before = await countSessions(api.database);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "cio@demo.tupu.local", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_json');
    expect(await countSessions(api.database)).toBe(before);
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'cio@demo.tupu.local', password: 'x'.repeat(10_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
  });

  it('rejects a body that fails the schema with 400 validation_error naming the field', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.c' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; details: { path: string }[] } }>();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.message).toMatch(/password/);
  });

  const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
    api.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword, newPassword },
    });

  it('changes the password only with the right current password', async () => {
    const cookie = sessionCookie(await signIn(DEMO_PASSWORD, 'cdo@demo.tupu.local'));
    const wrong = await changePassword(cookie, 'nope', 'a-much-better-password');
    expect(wrong.statusCode).toBe(400);
    const ok = await changePassword(cookie, DEMO_PASSWORD, 'a-much-better-password');
    expect(ok.statusCode).toBe(204);
    expect((await signIn(DEMO_PASSWORD, 'cdo@demo.tupu.local')).statusCode).toBe(401);
    expect((await signIn('a-much-better-password', 'cdo@demo.tupu.local')).statusCode).toBe(200);
  });

  it("ends the user's other sessions when the password changes, and keeps the one that changed it", async () => {
    const email = 'two.devices@mingyuan.example';
    const user = await createUser(api.database.db, {
      email,
      displayName: '两台设备',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    const machinery = (
      await listMemberships(
        api.database.db,
        (await findUserByEmail(api.database.db, 'cio@demo.tupu.local'))!.id,
      )
    )[0]!;
    await addMembership(api.database.db, { orgId: machinery.orgId, userId: user.id, role: 'editor' });
    const laptop = sessionCookie(await signIn(DEMO_PASSWORD, email));
    const phone = sessionCookie(await signIn(DEMO_PASSWORD, email));
    const someoneElse = sessionCookie(await signIn(DEMO_PASSWORD, 'cio@demo.tupu.local'));
    expect((await changePassword(laptop, DEMO_PASSWORD, STRONG_TEST_PASSWORD)).statusCode).toBe(204);

    const me = (cookie: string) => api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
    expect((await me(someoneElse)).statusCode).toBe(200);
    const left = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from sessions where user_id = ${user.id}`,
    );
    expect(left[0]?.n).toBe(1);
  });

  it('refuses a weak new password with 400 weak_password, one code per broken rule, and keeps the old one', async () => {
    const email = 'association@demo.tupu.local';
    const cookie = sessionCookie(await signIn(DEMO_PASSWORD, email));
    const refusal = async (newPassword: string, current = DEMO_PASSWORD) => {
      const res = await changePassword(cookie, current, newPassword);
      expect(res.statusCode, newPassword).toBe(400);
      const body = res.json<{
        error: { code: string; message: string; details: { field: string; problems: { code: string }[] } };
      }>();
      expect(body.error.code).toBe('weak_password');
      expect(body.error.details.field).toBe('newPassword');
      return body.error.details.problems.map((p) => p.code);
    };
    expect(await refusal('1234567890')).toEqual(['common_password']);
    expect(await refusal(' '.repeat(10))).toEqual(['only_whitespace']);
    expect(await refusal('short')).toContain('too_short');
    expect(await refusal(email)).toEqual(['personal_data']);
    expect(await refusal(`${email}!`)).toEqual(['personal_data']);
    expect(await refusal(DEMO_PASSWORD)).toEqual(['same_as_current']);
    expect((await signIn(DEMO_PASSWORD, email)).statusCode).toBe(200);
  });

  describe('a user who must change a one-time password', () => {
    /**
     * Invites a new viewer to the demo CIO's enterprise, who accepts; the CIO then resets their password, which is
     * the way a member gets a one-time password since members are invited. Returns the one-time password.
     */
    const invite = async (email: string) => {
      const cio = await api.signIn('cio@demo.tupu.local');
      const me = await api.call<{ organisation: { orgId: string } }>(cio, 'GET', '/api/auth/me');
      const orgId = me.body.organisation.orgId;
      await joinByInvitation(api, cio, orgId, { email, role: 'viewer', displayName: '新同事' });
      const members = await api.call<{ members: { userId: string; email: string }[] }>(
        cio,
        'GET',
        `/api/organisations/${orgId}/members`,
      );
      const member = members.body.members.find((m) => m.email === email);
      expect(member, JSON.stringify(members.body)).toBeDefined();
      const reset = await api.call<{ oneTimePassword: string }>(
        cio,
        'POST',
        `/api/organisations/${orgId}/members/${member?.userId ?? ''}/password-reset`,
      );
      expect(reset.status, JSON.stringify(reset.body)).toBe(200);
      return reset.body.oneTimePassword;
    };

    it('may only sign in, read who they are, change the password and sign out until they change it', async () => {
      const email = 'new.viewer@mingyuan.example';
      const oneTimePassword = await invite(email);
      const cookie = sessionCookie(await signIn(oneTimePassword, email));
      for (const url of ['/api/assessments', '/api/portfolio', '/api/plans', '/api/organisations']) {
        const res = await api.call<{ error: { code: string; message: string } }>(cookie, 'GET', url);
        expect(res.status, url).toBe(403);
        expect(res.body.error.code).toBe('password_change_required');
        expect(res.body.error.message).toMatch(/one-time password/);
      }
      const write = await api.call(cookie, 'POST', '/api/assessments', {});
      expect(write.status).toBe(403);
      // no spelling of a path passes for an allowed one; an unknown route is refused the same way
      expect((await api.call(cookie, 'GET', '/api/auth/me?x=1')).status).toBe(200);
      expect((await api.call(cookie, 'GET', '/api/auth/me/../../assessments')).status).toBe(403);
      expect((await api.call(cookie, 'GET', '/api/does-not-exist')).status).toBe(403);
      const me = await api.call<{ user: { mustChangePassword: boolean } }>(cookie, 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.mustChangePassword).toBe(true);
      const session = await api.call<{ me: { user: { mustChangePassword: boolean } } | null }>(
        cookie,
        'GET',
        '/api/auth/session',
      );
      expect(session.status).toBe(200);
      expect(session.body.me?.user.mustChangePassword).toBe(true);

      expect((await changePassword(cookie, oneTimePassword, STRONG_TEST_PASSWORD)).statusCode).toBe(204);
      expect((await api.call(cookie, 'GET', '/api/assessments')).status).toBe(200);
      expect((await api.call(cookie, 'GET', '/api/auth/me')).body).toMatchObject({
        user: { mustChangePassword: false },
      });
    });

    it('can sign out, and a request without a session is not told about any password', async () => {
      const email = 'second.viewer@mingyuan.example';
      const cookie = sessionCookie(await signIn(await invite(email), email));
      const out = await api.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
      expect(out.statusCode).toBe(204);
      const anonymous = await api.app.inject('/api/assessments');
      expect(anonymous.statusCode).toBe(401);
    });

    it('is let through once the test helper has changed the one-time password', async () => {
      const email = 'third.viewer@mingyuan.example';
      const cookie = await signInChangingOneTimePassword(api.app, email, await invite(email));
      expect((await api.call(cookie, 'GET', '/api/assessments')).status).toBe(200);
    });
  });

  it('lets a member switch organisation, and refuses an organisation they do not belong to', async () => {
    const res = await signIn(DEMO_PASSWORD, 'consultant@demo.tupu.local');
    const cookie = sessionCookie(res);
    const me = res.json<{
      organisation: { orgKind: string };
      memberships: { orgId: string; orgName: string }[];
    }>();
    expect(me.organisation.orgKind).toBe('service_provider');
    const machinery = me.memberships.find((m) => m.orgName.startsWith('明远'));
    expect(machinery).toBeDefined();

    const switched = await api.app.inject({
      method: 'POST',
      url: '/api/auth/organisation',
      headers: { cookie },
      payload: { orgId: machinery!.orgId },
    });
    expect(switched.statusCode).toBe(200);
    const after = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.json<{ organisation: { orgId: string; role: string } }>().organisation).toMatchObject({
      orgId: machinery!.orgId,
      role: 'editor',
    });

    // the pilot authority is not the consultant's organisation: refused, session unchanged
    const region = sessionCookie(await signIn(DEMO_PASSWORD, 'region@demo.tupu.local'));
    const authority = (await api.app.inject({ url: '/api/auth/me', headers: { cookie: region } })).json<{
      organisation: { orgId: string };
    }>().organisation.orgId;
    const refused = await api.app.inject({
      method: 'POST',
      url: '/api/auth/organisation',
      headers: { cookie },
      payload: { orgId: authority },
    });
    expect(refused.statusCode).toBe(403);
    const still = await api.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(still.json<{ organisation: { orgId: string } }>().organisation.orgId).toBe(machinery!.orgId);
  });

  describe('sign-in throttling', () => {
    /** A clock the throttled apps read; tests move it on instead of waiting. */
    const clock = { now: new Date() };
    const later = (seconds: number) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    };
    /** An app on the suite's database with its own settings and the test clock, as another instance would be. */
    const instance = (env: NodeJS.ProcessEnv = {}) =>
      buildApp({ config: testConfig(env), database: api.database, clock: () => clock.now });
    const attempt = (app: FastifyInstance, email: string, password: string, remoteAddress = '203.0.113.1') =>
      app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
    const waitOf = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
      expect(res.statusCode).toBe(429);
      const retryAfter = Number(res.headers['retry-after']);
      expect(res.json()).toMatchObject({
        error: { code: 'too_many_attempts', details: { retryAfterSeconds: retryAfter } },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
      return retryAfter;
    };
    let apps: FastifyInstance[] = [];
    const started = async (env: NodeJS.ProcessEnv = {}) => {
      const app = await instance(env);
      apps.push(app);
      return app;
    };
    // a day between tests: each starts with every count forgotten
    beforeEach(() => later(24 * 3600 + 1));
    afterEach(async () => {
      await Promise.all(apps.map((app) => app.close()));
      apps = [];
    });

    it('after five wrong passwords from one address makes that address wait, even with the right password', async () => {
      const app = await started();
      const email = 'association@demo.tupu.local';
      for (let i = 0; i < 5; i++) expect((await attempt(app, email, `wrong ${i}`)).statusCode).toBe(401);
      const before = await countSessions(api.database);
      expect(waitOf(await attempt(app, email, DEMO_PASSWORD))).toBe(1);
      expect(waitOf(await attempt(app, '  ASSOCIATION@demo.tupu.local', DEMO_PASSWORD))).toBe(1);
      expect(await countSessions(api.database)).toBe(before);
      const res = await attempt(app, email, DEMO_PASSWORD);
      expect(res.json<{ error: { message: string } }>().error.message).toBe(
        'Too many failed sign-ins from your address; try again in 1 second',
      );
      // another account from the same address is unaffected
      expect((await attempt(app, 'cio@demo.tupu.local', DEMO_PASSWORD)).statusCode).toBe(200);
      later(1);
      expect((await attempt(app, email, DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('doubles the wait with every further failure, up to 15 minutes', async () => {
      const app = await started();
      const email = 'nobody.doubling@example.cn';
      for (let i = 0; i < 5; i++) expect((await attempt(app, email, 'wrong')).statusCode).toBe(401);
      const waits: number[] = [];
      for (let i = 0; i < 12; i++) {
        const wait = waitOf(await attempt(app, email, 'wrong'));
        waits.push(wait);
        later(wait - 1);
        expect(waitOf(await attempt(app, email, 'wrong')), 'still waiting a second before').toBe(1);
        later(1);
        expect((await attempt(app, email, 'wrong')).statusCode).toBe(401);
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
      const res = await attempt(app, email, 'wrong');
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/try again in 15 minutes$/);
    });

    it('counts parallel guesses one after another: only the free tries reach the password check', async () => {
      const app = await started();
      const email = 'nobody.parallel@example.cn';
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => attempt(app, email, `guess ${i}`, '203.0.113.20')),
      );
      const statuses = answers.map((res) => res.statusCode).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    });

    it('lets the owner sign in from another address while an attacker waits: no lock-out', async () => {
      const app = await started();
      const email = 'region@demo.tupu.local';
      for (let i = 0; i < 8; i++) await attempt(app, email, 'guess', '198.51.100.66');
      waitOf(await attempt(app, email, DEMO_PASSWORD, '198.51.100.66'));
      expect((await attempt(app, email, DEMO_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    });

    it('clears the count of the e-mail and address on a successful sign-in', async () => {
      const app = await started();
      const email = 'region@demo.tupu.local';
      for (let i = 0; i < 4; i++) expect((await attempt(app, email, `wrong ${i}`)).statusCode).toBe(401);
      expect((await attempt(app, email, DEMO_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt(app, email, `wrong ${i}`)).statusCode).toBe(401);
      expect((await attempt(app, email, DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('keeps the count in the database: a restarted app and a second instance see the same count', async () => {
      const email = 'nobody.shared@example.cn';
      const first = await started();
      const second = await started();
      // failures alternate between two instances on one database: five in all
      for (let i = 0; i < 5; i++) {
        expect((await attempt(i % 2 === 0 ? first : second, email, 'wrong')).statusCode).toBe(401);
      }
      expect(waitOf(await attempt(second, email, 'wrong'))).toBe(1);
      expect(waitOf(await attempt(first, email, 'wrong'))).toBe(1);
      later(1);
      expect((await attempt(first, email, 'wrong')).statusCode).toBe(401);
      // a restart: both instances stop and a new one starts on the same database
      await first.close();
      await second.close();
      apps = [];
      const restarted = await started();
      expect(waitOf(await attempt(restarted, email, 'wrong'))).toBe(2);
      const rows = await queryRows<{ failures: number }>(
        api.database.db,
        sql`select failures from sign_in_failures where email = ${email} and address = '203.0.113.1'`,
      );
      expect(rows).toEqual([{ failures: 6 }]);
    });

    it('forgets a count a day after its last failure', async () => {
      const app = await started();
      const email = 'nobody.forgotten@example.cn';
      for (let i = 0; i < 5; i++) expect((await attempt(app, email, 'wrong')).statusCode).toBe(401);
      later(1);
      expect((await attempt(app, email, 'wrong')).statusCode).toBe(401);
      expect(waitOf(await attempt(app, email, 'wrong'))).toBe(2);
      later(24 * 3600);
      for (let i = 0; i < 5; i++) expect((await attempt(app, email, 'wrong')).statusCode).toBe(401);
      expect(waitOf(await attempt(app, email, 'wrong'))).toBe(1);
    });

    it('makes a client address wait after its limit across e-mails, from its configured setting', async () => {
      const strict = await started({ TUPU_SIGNIN_MAX_FAILURES_PER_IP: '3' });
      const from = (remoteAddress: string, email: string, password = 'wrong') =>
        attempt(strict, email, password, remoteAddress);
      for (const email of ['a@x.cn', 'b@x.cn', 'c@x.cn']) {
        expect((await from('203.0.113.7', email)).statusCode).toBe(401);
      }
      const refused = await from('203.0.113.7', 'cio@demo.tupu.local', DEMO_PASSWORD);
      expect(waitOf(refused)).toBe(1);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/from your address/);
      expect((await from('198.51.100.1', 'cio@demo.tupu.local', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    /** An app allowing two failures per client address, trusting proxies as TUPU_TRUST_PROXY says. */
    const behindProxy = (trustProxy: string | undefined) =>
      instance({ TUPU_SIGNIN_MAX_FAILURES_PER_IP: '2', TUPU_TRUST_PROXY: trustProxy });
    const wrongFrom = (app: FastifyInstance, remoteAddress: string, forwardedFor: string, email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: 'wrong' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });

    it('by default ignores X-Forwarded-For: a forged one does not escape the per-IP limit', async () => {
      const strict = await behindProxy(undefined);
      try {
        expect((await wrongFrom(strict, '203.0.113.9', '192.0.2.1', 'a@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '203.0.113.9', '192.0.2.2', 'b@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '203.0.113.9', '192.0.2.3', 'c@x.cn')).statusCode).toBe(429);
        expect((await wrongFrom(strict, '198.51.100.9', '203.0.113.9', 'd@x.cn')).statusCode).toBe(401);
      } finally {
        await strict.close();
      }
    });

    it('with a trusted proxy counts the forwarded client address, and only from that proxy', async () => {
      const strict = await behindProxy('10.0.0.0/8, 127.0.0.1');
      try {
        const proxy = '10.1.2.3';
        expect((await wrongFrom(strict, proxy, '192.0.2.1', 'a@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, proxy, '192.0.2.1', 'b@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, proxy, '192.0.2.1', 'c@x.cn')).statusCode).toBe(429);
        // another client behind the same proxy has its own count
        expect((await wrongFrom(strict, proxy, '192.0.2.2', 'd@x.cn')).statusCode).toBe(401);
        // a client that is not a listed proxy cannot claim to forward for someone else
        expect((await wrongFrom(strict, '198.51.100.9', '192.0.2.50', 'e@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '198.51.100.9', '192.0.2.51', 'f@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '198.51.100.9', '192.0.2.52', 'g@x.cn')).statusCode).toBe(429);
      } finally {
        await strict.close();
      }
    });

    it('with a hop count takes the address the nearest proxy added, not one the client wrote before it', async () => {
      const strict = await behindProxy('1');
      try {
        const proxy = '10.1.2.3';
        // the client forges the first entry; the proxy appends the address it saw (192.0.2.7)
        expect((await wrongFrom(strict, proxy, '192.0.2.101, 192.0.2.7', 'a@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, proxy, '192.0.2.102, 192.0.2.7', 'b@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, proxy, '192.0.2.103, 192.0.2.7', 'c@x.cn')).statusCode).toBe(429);
        expect((await wrongFrom(strict, proxy, '192.0.2.8', 'd@x.cn')).statusCode).toBe(401);
      } finally {
        await strict.close();
      }
    });

    it('with trust in every proxy takes the first forwarded address', async () => {
      const strict = await behindProxy('true');
      try {
        expect((await wrongFrom(strict, '10.1.2.3', '192.0.2.1, 10.9.9.9', 'a@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '10.4.5.6', '192.0.2.1', 'b@x.cn')).statusCode).toBe(401);
        expect((await wrongFrom(strict, '10.7.8.9', '192.0.2.1', 'c@x.cn')).statusCode).toBe(429);
        expect((await wrongFrom(strict, '10.1.2.3', '192.0.2.2', 'd@x.cn')).statusCode).toBe(401);
      } finally {
        await strict.close();
      }
    });
  });

  it('publishes the OpenAPI document and a browsable reference', async () => {
    const doc = await api.app.inject('/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/auth/me']));
    const signInDoc = doc.json<{
      paths: Record<string, { post: { responses: Record<string, { description: string }> } }>;
    }>().paths['/api/auth/sign-in']?.post;
    expect(Object.keys(signInDoc?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(signInDoc?.responses['429']?.description).toMatch(/Retry-After/);
    const ui = await api.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});
