import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-region.ts';
import { buildApp } from '../../src/server/app.ts';
import { sessionCookie, testConfig, useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';

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

  it('changes the password only with the right current password', async () => {
    const cookie = sessionCookie(await signIn(DEMO_PASSWORD, 'cdo@demo.tupu.local'));
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope', newPassword: 'a-much-better-password' },
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await api.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a-much-better-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await signIn(DEMO_PASSWORD, 'cdo@demo.tupu.local')).statusCode).toBe(401);
    expect((await signIn('a-much-better-password', 'cdo@demo.tupu.local')).statusCode).toBe(200);
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
    const tooMany = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
      expect(res.statusCode).toBe(429);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(res.json()).toEqual({
        error: {
          code: 'too_many_attempts',
          message: 'Too many failed sign-ins; try again in 15 minutes',
          details: { retryAfterSeconds: retryAfter },
        },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    };

    it('refuses an email with 429 and Retry-After after five wrong passwords, even with the right one', async () => {
      const email = 'association@demo.tupu.local';
      for (let i = 0; i < 5; i++) expect((await signIn(`wrong ${i}`, email)).statusCode).toBe(401);
      tooMany(await signIn('wrong again', email));
      const before = await countSessions(api.database);
      tooMany(await signIn(DEMO_PASSWORD, email));
      tooMany(await signIn(DEMO_PASSWORD, '  ASSOCIATION@demo.tupu.local'));
      expect(await countSessions(api.database)).toBe(before);
      // another account from the same client is unaffected
      expect((await signIn(DEMO_PASSWORD, 'cio@demo.tupu.local')).statusCode).toBe(200);
    });

    it('clears the count on a successful sign-in', async () => {
      const email = 'region@demo.tupu.local';
      for (let i = 0; i < 4; i++) expect((await signIn(`wrong ${i}`, email)).statusCode).toBe(401);
      expect((await signIn(DEMO_PASSWORD, email)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await signIn(`wrong ${i}`, email)).statusCode).toBe(401);
      expect((await signIn(DEMO_PASSWORD, email)).statusCode).toBe(200);
    });

    it('refuses a client address after its limit across emails, from its configured setting', async () => {
      const strict = await buildApp({
        config: testConfig({
          TUPU_SIGNIN_MAX_FAILURES_PER_IP: '3',
          TUPU_SIGNIN_WINDOW_MINUTES: '2',
        }),
        database: api.database,
      });
      try {
        const from = (remoteAddress: string, email: string, password = 'wrong') =>
          strict.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { email, password },
            remoteAddress,
          });
        for (const email of ['a@x.cn', 'b@x.cn', 'c@x.cn']) {
          expect((await from('203.0.113.7', email)).statusCode).toBe(401);
        }
        const refused = await from('203.0.113.7', 'cio@demo.tupu.local', DEMO_PASSWORD);
        expect(refused.statusCode).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(120);
        expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/in 2 minutes/);
        expect((await from('198.51.100.1', 'cio@demo.tupu.local', DEMO_PASSWORD)).statusCode).toBe(200);
      } finally {
        await strict.close();
      }
    });

    /** An app allowing two failures per client address, trusting proxies as TUPU_TRUST_PROXY says. */
    const behindProxy = (trustProxy: string | undefined) =>
      buildApp({
        config: testConfig({
          TUPU_SIGNIN_MAX_FAILURES_PER_IP: '2',
          TUPU_TRUST_PROXY: trustProxy,
        }),
        database: api.database,
      });
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
