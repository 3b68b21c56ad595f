import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { installAccess } from './access-hook.ts';
import { covers, pathParameters, type Ownership } from './ownership.ts';

// the start-up checks read no database: an app that is never called needs none
const noDatabase = null as unknown as Db;
const planOwnership: Ownership = {
  path: '/api/plans/:id',
  param: 'id',
  what: 'Plan',
  owns: async () => true,
};

describe('access declarations at start-up', () => {
  it('refuses an /api route that declares no access, naming it', () => {
    const app = Fastify();
    installAccess(app, noDatabase, []);
    expect(() => app.get('/api/forgotten', async () => 'x')).toThrow(
      /GET \/api\/forgotten declares no access/,
    );
  });

  it('refuses an access that is not one of the levels', () => {
    const app = Fastify();
    installAccess(app, noDatabase, []);
    // a typo in a declaration (a JavaScript caller, or a cast) is caught too
    const config = { access: 'everyone' } as unknown as { access: 'public' };
    expect(() => app.get('/api/typo', { config }, async () => 'x')).toThrow(/declares no access/);
  });

  it('lists every declared route and leaves routes outside /api alone', async () => {
    const app = Fastify();
    const declared = installAccess(app, noDatabase, [planOwnership]);
    app.get('/api/health', { config: { access: 'public' } }, async () => 'ok');
    app.post('/api/plans/:id/solve', { config: { access: 'write' } }, async () => 'ok');
    app.get('/index.html', async () => 'web');
    await app.ready();
    expect(declared.filter((r) => r.method !== 'HEAD')).toEqual([
      { method: 'GET', url: '/api/health', access: 'public' },
      { method: 'POST', url: '/api/plans/:id/solve', access: 'write' },
    ]);
    await app.close();
  });

  it('stops start-up when a member route takes an id that no feature says whose it is', async () => {
    const app = Fastify();
    installAccess(app, noDatabase, [planOwnership]);
    app.get('/api/projects/:id', { config: { access: 'read' } }, async () => 'x');
    await expect(app.ready()).rejects.toThrow(
      /GET \/api\/projects\/:id.* take an id but no feature declares/,
    );
  });
});

describe('ownership paths', () => {
  it('covers the record and every route beneath it, segment by segment', () => {
    expect(covers(planOwnership, '/api/plans/:id')).toBe(true);
    expect(covers(planOwnership, '/api/plans/:id/risks/:riskId')).toBe(true);
    expect(covers(planOwnership, '/api/plans')).toBe(false);
    expect(covers(planOwnership, '/api/plans/options')).toBe(false);
    expect(covers(planOwnership, '/api/plansx/:id')).toBe(false);
  });

  it('reads the parameters of a pattern, including one inside a segment', () => {
    expect(pathParameters('/api/plans/:id/document.:format')).toEqual(['id', 'format']);
    expect(pathParameters('/api/plans')).toEqual([]);
  });
});
