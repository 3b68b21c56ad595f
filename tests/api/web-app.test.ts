import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../support/api-app.ts';
import { useTempDir } from '../support/temp-dir.ts';

describe('serving the web app', () => {
  const webDir = useTempDir('tupu-web-');
  // a built web app, in place before the app is built
  beforeAll(() => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Tupu</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
  });
  const api = useApiApp('pglite', { demoRegion: false, env: { TUPU_WEB_DIR: webDir } });

  it('answers client-side routes with index.html', async () => {
    for (const url of ['/', '/atlas/scenarios/GEN-OM-01', '/plan/abc?tab=roadmap']) {
      const res = await api.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves assets, including ones built after the server started', async () => {
    expect((await api.app.inject('/assets/app-1.js')).body).toBe('console.log(1)');
    writeFileSync(join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await api.app.inject('/assets/app-2.js')).body).toBe('console.log(2)');
  });

  it('keeps the JSON error shape for unknown API paths and non-GET methods', async () => {
    const unknown = await api.app.inject('/api/nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = await api.app.inject({ method: 'POST', url: '/atlas' });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
