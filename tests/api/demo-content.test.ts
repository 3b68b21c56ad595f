import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { DEMO_PASSWORD, seedDemoRegion } from '../../src/db/seed/demo-region.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { seedDemoContent } from '../../src/server/demo-content.ts';
import { loadContent } from '../../src/server/start.ts';
import { openTestDatabase } from '../support/databases.ts';

describe('demo content', () => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemoRegion(database.db, hashPassword);
    const config = loadConfig({ TUPU_LOG_LEVEL: 'silent', TUPU_WEB_DIR: '/nonexistent' });
    app = await buildApp({ config, database, ...(await loadContent(config)) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives the demo CIO two submitted assessments that compare, and a solved plan; a second run adds nothing', async () => {
    await seedDemoContent(app);
    await seedDemoContent(app);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'cio@demo.tupu.local', password: DEMO_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const assessments = (await app.inject({ url: '/api/assessments', headers: { cookie } })).json<
      { id: string; status: string; title: string; score: number }[]
    >();
    expect(assessments).toHaveLength(2);
    expect(assessments.every((a) => a.status === 'submitted')).toBe(true);
    const [latest, earlier] = assessments;
    expect(latest!.title).toMatch(/2026/);
    expect(latest!.score).toBeGreaterThan(earlier!.score);
    const result = (
      await app.inject({ url: `/api/assessments/${latest!.id}/result`, headers: { cookie } })
    ).json<{
      comparison: unknown;
    }>();
    expect(result.comparison).toBeTruthy();

    const plans = (await app.inject({ url: '/api/plans', headers: { cookie } })).json<{
      plans: { status: string }[];
    }>();
    expect(plans.plans).toHaveLength(1);
    expect(['optimal', 'feasible']).toContain(plans.plans[0]!.status);
  });
});
