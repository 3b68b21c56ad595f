import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase } from '../support/databases.ts';

describe('serving the web app', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'tupu-web-'));
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Tupu</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    database = await openTestDatabase('pglite');
    app = await buildApp({
      config: loadConfig({ TUPU_LOG_LEVEL: 'silent', TUPU_WEB_DIR: webDir }),
      database,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers client-side routes with index.html', async () => {
    for (const url of ['/', '/atlas/scenarios/GEN-OM-01', '/plan/abc?tab=roadmap']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves assets, including ones built after the server started', async () => {
    expect((await app.inject('/assets/app-1.js')).body).toBe('console.log(1)');
    writeFileSync(join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject('/assets/app-2.js')).body).toBe('console.log(2)');
  });

  it('keeps the JSON error shape for unknown API paths and non-GET methods', async () => {
    const api = await app.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = await app.inject({ method: 'POST', url: '/atlas' });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
