import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompressWebBuild } from '../../src/server/web-app-precompress.ts';
import { useApiApp } from '../support/api-app.ts';
import { useTempDir } from '../support/temp-dir.ts';

/** A chunk as Vite names it (`<name>-<8-character hash>.js`), big and repetitive enough to compress well. */
const HASHED = 'assets/index-DDThIVb_.js';
const CHUNK = Array.from({ length: 400 }, (_, i) => `export const label${i} = 'label number ${i}';`).join(
  '\n',
);
const INDEX = `<!doctype html><title>Tupu</title><div id="root"></div>${'<!-- padding -->'.repeat(40)}`;

describe('serving the web app', () => {
  const webDir = useTempDir('tupu-web-');
  // a built web app, in place before the app is built
  beforeAll(() => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(webDir, HASHED), CHUNK);
    precompressWebBuild(webDir);
  });
  const api = useApiApp('pglite', { demoRegion: false, env: { TUPU_WEB_DIR: webDir } });
  const file = (path: string) => readFileSync(join(webDir, path));

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

  it('sends brotli, else gzip, else the file, and the decompressed bytes are the file', async () => {
    for (const url of ['/', '/index.html', '/diagnose/abc', `/${HASHED}`]) {
      const original = file(url === `/${HASHED}` ? HASHED : 'index.html');
      const br = await api.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      expect(br.rawPayload.length, url).toBeLessThan(original.length / 2);
      expect(brotliDecompressSync(br.rawPayload).equals(original), url).toBe(true);

      const gz = await api.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(original), url).toBe(true);

      const plain = await api.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.rawPayload.equals(original), url).toBe(true);
    }
    const js = await api.app.inject({ url: `/${HASHED}`, headers: { 'accept-encoding': 'br' } });
    expect(js.headers['content-type']).toMatch(/javascript/);
    const html = await api.app.inject({ url: '/plan/abc', headers: { 'accept-encoding': 'br' } });
    expect(html.headers['content-type']).toMatch(/text\/html/);
  });

  it('caches hashed assets as immutable and revalidates index.html and unhashed files', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const headers = { 'accept-encoding': encoding };
      const asset = await api.app.inject({ url: `/${HASHED}`, headers });
      expect(asset.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/index.html', '/atlas/table', '/assets/app-1.js']) {
        const res = await api.app.inject({ url, headers });
        expect(res.headers['cache-control'], `${url} ${encoding}`).toBe('no-cache');
      }
    }
    // no-cache means "ask first": the ETag lets the browser's question be answered 304 without the body
    const first = await api.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await api.app.inject({
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
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
