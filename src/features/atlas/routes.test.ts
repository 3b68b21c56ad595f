import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { loadAtlasPacks } from '../../packs/atlas-load.ts';
import { installErrorHandling } from '../../server/error-handler.ts';
import { atlasRoutes } from './routes.ts';

let app: FastifyInstance;

beforeAll(async () => {
  const loaded = await loadAtlasPacks('src/packs/fixtures/atlas/good');
  if (!loaded.ok) throw new Error('fixture atlases do not load');
  const catalog: AtlasCatalog = loaded.catalog;
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(swagger, {
    openapi: { info: { title: 'test', version: '0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(atlasRoutes(catalog));
  await app.ready();
});
afterAll(() => app.close());

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
}
const codes = (body: Record<string, unknown>) => (body.scenarios as { code: string }[]).map((s) => s.code);

describe('atlas API', () => {
  it('lists packs with counts and extends chain', async () => {
    const { status, body } = await get('/api/atlas/packs');
    expect(status).toBe(200);
    const packs = body.packs as { id: string; chain: string[]; counts: Record<string, number> }[];
    expect(packs.map((p) => [p.id, p.chain, p.counts])).toEqual([
      ['fixture-base', ['fixture-base'], { scenarios: 4, links: 4, painPoints: 2, kpis: 2 }],
      [
        'fixture-child',
        ['fixture-base', 'fixture-child'],
        { scenarios: 5, links: 5, painPoints: 2, kpis: 2 },
      ],
    ]);
  });

  it('returns a pack with vocabulary, pain points and KPIs, and 404 for an unknown pack', async () => {
    const { status, body } = await get('/api/atlas/packs/fixture-child');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['meta', 'chain', 'vocabulary', 'painPoints', 'kpis']);
    expect((body.meta as { extends: string }).extends).toBe('fixture-base');
    const missing = await get('/api/atlas/packs/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: { packId: 'nope' } });
  });

  it('lists, filters and searches scenarios', async () => {
    expect(codes((await get('/api/atlas/packs/fixture-base/scenarios')).body)).toEqual([
      'GEN-RD-01',
      'GEN-PM-01',
      'GEN-PM-02',
      'GEN-OM-01',
    ]);
    expect(
      codes((await get('/api/atlas/packs/fixture-base/scenarios?category=PM&valueTag=cost')).body),
    ).toEqual(['GEN-PM-02']);
    const element = encodeURIComponent('设备运行数据');
    expect(codes((await get(`/api/atlas/packs/fixture-child/scenarios?element=${element}`)).body)).toEqual([
      'GEN-OM-01',
    ]);
    expect(codes((await get('/api/atlas/packs/fixture-base/scenarios?q=inspection')).body)).toEqual([
      'GEN-PM-02',
    ]);
    expect(
      codes((await get('/api/atlas/packs/fixture-base/scenarios?chain=tool&enterpriseType=sme')).body),
    ).toEqual(['GEN-PM-02', 'GEN-OM-01']);
    expect(codes((await get('/api/atlas/packs/fixture-base/scenarios?kpi=design-cycle')).body)).toEqual([
      'GEN-RD-01',
    ]);
  });

  it('rejects unknown filter values and malformed queries with 400', async () => {
    const tag = await get('/api/atlas/packs/fixture-base/scenarios?valueTag=shiny');
    expect(tag.status).toBe(400);
    expect(tag.body.error).toMatchObject({ code: 'bad_request', message: 'unknown valueTag "shiny"' });
    expect((await get('/api/atlas/packs/fixture-base/scenarios?category=XX')).status).toBe(400);
    expect((await get('/api/atlas/packs/fixture-base/scenarios?chain=rope')).status).toBe(400);
  });

  it('returns a scenario with neighbours, prerequisites and unlocks', async () => {
    const { status, body } = await get('/api/atlas/packs/fixture-child/scenarios/GEN-PM-02');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pack: 'fixture-base',
      prerequisites: ['GEN-RD-01', 'GEN-PM-01'],
      unlocks: [],
    });
    expect((body.incoming as { from: string }[]).map((l) => l.from)).toEqual(['GEN-PM-01']);
    expect((body.outgoing as { to: string; flow: { zh: string } }[]).map((l) => [l.to, l.flow.zh])).toEqual([
      ['GEN-OM-01', '缺陷记录'],
    ]);
    const eqp = await get('/api/atlas/packs/fixture-child/scenarios/EQP-PM-01');
    expect(eqp.body).toMatchObject({ pack: 'fixture-child', unlocks: ['GEN-OM-01'] });
    expect((await get('/api/atlas/packs/fixture-base/scenarios/EQP-PM-01')).status).toBe(404);
  });

  it('returns the graph for ECharts', async () => {
    const { body } = await get('/api/atlas/packs/fixture-child/graph');
    const nodes = body.nodes as { id: string; category: number }[];
    expect(nodes).toHaveLength(5);
    expect(nodes.find((n) => n.id === 'EQP-PM-01')?.category).toBe(1);
    expect(body.edges).toContainEqual({
      source: 'EQP-PM-01',
      target: 'GEN-OM-01',
      chain: 'data',
      flow: { zh: '机床状态', en: 'Machine status' },
      prerequisite: true,
    });
  });

  it('finds the shortest chain, optionally along some chain types', async () => {
    const all = await get('/api/atlas/packs/fixture-base/path?from=GEN-RD-01&to=GEN-OM-01');
    expect(all.body).toMatchObject({
      found: true,
      codes: ['GEN-RD-01', 'GEN-PM-01', 'GEN-PM-02', 'GEN-OM-01'],
    });
    expect((all.body.links as unknown[]).length).toBe(3);
    const dataOnly = await get('/api/atlas/packs/fixture-base/path?from=GEN-RD-01&to=GEN-OM-01&chain=data');
    expect(dataOnly.body).toEqual({ found: false, codes: [], links: [] });
    const twoChains = await get(
      '/api/atlas/packs/fixture-base/path?from=GEN-OM-01&to=GEN-PM-02&chain=data,tool',
    );
    expect(twoChains.body).toMatchObject({ found: true, codes: ['GEN-OM-01', 'GEN-PM-01', 'GEN-PM-02'] });
    expect((await get('/api/atlas/packs/fixture-base/path?from=GEN-RD-01&to=GEN-XX-01')).status).toBe(404);
    expect(
      (await get('/api/atlas/packs/fixture-base/path?from=GEN-RD-01&to=GEN-OM-01&chain=rope')).status,
    ).toBe(400);
    expect((await get('/api/atlas/packs/fixture-base/path?from=GEN-RD-01')).status).toBe(400);
  });

  it('appears in the OpenAPI document', () => {
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/atlas'))).toEqual([
      '/api/atlas/packs',
      '/api/atlas/packs/{packId}',
      '/api/atlas/packs/{packId}/scenarios',
      '/api/atlas/packs/{packId}/scenarios/{code}',
      '/api/atlas/packs/{packId}/graph',
      '/api/atlas/packs/{packId}/path',
    ]);
    const params = doc.paths['/api/atlas/packs/{packId}/scenarios']?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['packId', 'q', 'category', 'element', 'chain']));
  });
});
