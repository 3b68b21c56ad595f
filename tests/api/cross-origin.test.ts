import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import { useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';

const SME = 'sme-digital-level-2024';
/** The origin `app.inject` requests come from: its Host header is `localhost:80`, over plain HTTP. */
const OWN_ORIGIN = 'http://localhost:80';
/** Another origin of the same site, as in the demo: a page on a sibling subdomain. */
const SIBLING = 'http://files.localhost';

type ErrorJson = { error: { code: string; message: string } };

describe.each(testEngines())('cross-site requests on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;

  const status = async (id: string) => {
    const res = await api.call<AssessmentDetail>(cio, 'GET', `/api/assessments/${id}`);
    expect(res.status).toBe(200);
    return res.body.assessment.status;
  };
  const draft = async () => {
    const created = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: '跨站测试',
      mode: 'self',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const signedIn = async (cookie: string) => (await api.call(cookie, 'GET', '/api/auth/me')).status === 200;
  const refusal = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(403);
    const body = res.json<ErrorJson>();
    expect(body.error.code).toBe('cross_origin');
    return body.error.message;
  };

  beforeAll(async () => {
    cio = await api.signIn('cio@demo.tupu.local');
  });

  it('refuses a text/plain form POST from a sibling origin that would submit an assessment', async () => {
    const id = await draft();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/submit`,
      headers: { cookie: cio, origin: SIBLING, 'content-type': 'text/plain', 'sec-fetch-site': 'same-site' },
      payload: 'x=1',
    });
    expect(refusal(res)).toContain(SIBLING);
    expect(await status(id)).toBe('draft');
  });

  it('refuses a cross-origin JSON POST that names another origin, and changes nothing', async () => {
    const id = await draft();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/submit`,
      headers: { cookie: cio, origin: 'https://evil.example' },
    });
    expect(refusal(res)).toMatch(/https:\/\/evil\.example.*http:\/\/localhost/);
    expect(await status(id)).toBe('draft');
  });

  it('believes no X-Forwarded-Host when no proxy is trusted', async () => {
    const id = await draft();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/submit`,
      headers: {
        cookie: cio,
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
    });
    refusal(res);
    expect(await status(id)).toBe('draft');
  });

  it('refuses a request whose Origin is "null" (a sandboxed frame, a data: page)', async () => {
    const id = await draft();
    refusal(
      await api.app.inject({
        method: 'POST',
        url: `/api/assessments/${id}/submit`,
        headers: { cookie: cio, origin: 'null' },
      }),
    );
    expect(await status(id)).toBe('draft');
  });

  it('refuses a request without Origin that the browser marks cross-site or same-site', async () => {
    const id = await draft();
    for (const site of ['cross-site', 'same-site']) {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/assessments/${id}/submit`,
        headers: { cookie: cio, 'sec-fetch-site': site },
      });
      expect(refusal(res)).toContain(site);
    }
    expect(await status(id)).toBe('draft');
  });

  it('refuses a cross-origin sign-out and keeps the session', async () => {
    const cookie = await api.signIn('cio@demo.tupu.local');
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: SIBLING },
    });
    refusal(res);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await signedIn(cookie)).toBe(true);
  });

  it('refuses cross-origin PUT, PATCH and DELETE as well', async () => {
    const id = await draft();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      refusal(
        await api.app.inject({
          method,
          url: `/api/assessments/${id}/answers`,
          headers: { cookie: cio, origin: SIBLING },
          payload: { answers: { 产品设计: 2 } },
        }),
      );
    }
  });

  it('accepts the same-origin requests the web app makes: submit, then sign-out', async () => {
    const id = await draft();
    const submitted = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/submit`,
      headers: { cookie: cio, origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await status(id)).toBe('submitted');

    const cookie = await api.signIn('cio@demo.tupu.local');
    const out = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: OWN_ORIGIN },
    });
    expect(out.statusCode, out.body).toBe(204);
    expect(await signedIn(cookie)).toBe(false);
  });

  it('leaves reads alone: a cross-origin GET is answered (the browser keeps the answer from the other page)', async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cio, origin: SIBLING, 'sec-fetch-site': 'same-site' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a text/plain or form body on a JSON route even without Origin, and changes nothing', async () => {
    const id = await draft();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/assessments/${id}/submit`,
        headers: { cookie: cio, 'content-type': type },
        payload: 'x=1',
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(415);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('unsupported_media_type');
      expect(body.error.message).toContain(type.split(';')[0]);
    }
    expect(await status(id)).toBe('draft');
  });

  it('still takes raw file uploads as application/octet-stream', async () => {
    const id = await draft();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${id}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=a.txt`,
      headers: { cookie: cio, origin: OWN_ORIGIN, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('evidence'),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('cross-site requests behind a proxy and with TUPU_PUBLIC_ORIGIN', () => {
  const api = useApiApp('pglite', {
    env: { TUPU_TRUST_PROXY: '127.0.0.1', TUPU_PUBLIC_ORIGIN: 'https://tupu.example.cn' },
  });
  const signIn = (headers: Record<string, string>) =>
    api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers,
      payload: { email: 'cio@demo.tupu.local', password: 'wrong password' },
    });

  it('accepts the configured public origin and the origin a trusted proxy forwards', async () => {
    // a wrong password answers 401: the request got past the origin check
    expect((await signIn({ origin: 'https://tupu.example.cn' })).statusCode).toBe(401);
    const forwarded = await signIn({
      origin: 'https://portal.example.cn',
      'x-forwarded-host': 'portal.example.cn',
      'x-forwarded-proto': 'https',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(401);
  });

  it('refuses any other origin, naming the ones it accepts', async () => {
    const res = await signIn({ origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorJson>().error.message).toContain('https://tupu.example.cn');
  });
});
