import type { LightMyRequestResponse } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../support/api-app.ts';
import { useTempDir } from '../support/temp-dir.ts';

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header, 'Content-Security-Policy header').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectLockedDown(res: LightMyRequestResponse, url: string) {
  const csp = directives(res);
  expect(csp.get('default-src'), url).toEqual(["'self'"]);
  expect(csp.get('script-src'), url).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), url).toEqual(["'none'"]);
  expect(csp.get('object-src'), url).toEqual(["'none'"]);
  expect(csp.get('base-uri'), url).toEqual(["'self'"]);
  expect(csp.get('form-action'), url).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
  for (const [name, values] of csp) {
    expect(values, `${url} ${name}`).not.toContain("'unsafe-eval'");
    if (name.startsWith('script-src')) expect(values, `${url} ${name}`).not.toContain("'unsafe-inline'");
  }
  // plain HTTP installations (an intranet address) must keep working: no forced upgrade, no HSTS
  expect(csp.has('upgrade-insecure-requests'), url).toBe(false);
  expect(res.headers['strict-transport-security'], url).toBeUndefined();
  expect(res.headers['x-frame-options'], url).toBe('DENY');
  expect(res.headers['x-content-type-options'], url).toBe('nosniff');
  expect(res.headers['referrer-policy'], url).toBe('same-origin');
}

describe('security headers', () => {
  const webDir = useTempDir('tupu-web-');
  beforeAll(() => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Tupu</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
  });
  const api = useApiApp('pglite', { demoRegion: false, env: { TUPU_WEB_DIR: webDir } });

  it('locks down the web app, its client-side routes and its assets', async () => {
    for (const url of ['/', '/plan/abc?tab=roadmap', '/assets/app-1.js']) {
      const res = await api.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expectLockedDown(res, url);
    }
  });

  it('locks down the API, its answers and its errors', async () => {
    for (const url of ['/api/health', '/api/nope', '/api/auth/me'])
      expectLockedDown(await api.app.inject(url), url);
    const refused = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: {} });
    expect(refused.statusCode).toBe(400);
    expectLockedDown(refused, 'POST /api/auth/sign-in');
  });

  it('locks down the API reference at /api/docs, which still loads', async () => {
    const page = await api.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script the policy would block
    expectLockedDown(page, '/api/docs/');
    const redirect = await api.app.inject('/api/docs');
    expectLockedDown(redirect, '/api/docs');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-initializer.js', 'swagger-ui.css']) {
      const res = await api.app.inject(`/api/docs/static/${asset}`);
      expect(res.statusCode, asset).toBe(200);
      expectLockedDown(res, asset);
    }
  });

  it('allows styles inline (Ant Design injects its CSS at run time) but only from this origin otherwise', async () => {
    const csp = directives(await api.app.inject('/'));
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('security headers over HTTPS', () => {
  const api = useApiApp('pglite', { demoRegion: false, env: { TUPU_SECURE_COOKIES: '1' } });

  it('adds Strict-Transport-Security and upgrade-insecure-requests when served over HTTPS', async () => {
    const res = await api.app.inject('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(directives(res).has('upgrade-insecure-requests')).toBe(true);
  });
});
