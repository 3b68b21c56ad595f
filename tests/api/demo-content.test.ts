import { describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../src/server/demo-content.ts';
import { useApiApp } from '../support/api-app.ts';

describe('demo content', () => {
  const api = useApiApp('pglite', { packs: 'all' });

  it('gives the demo CIO two submitted assessments that compare, and a solved plan; a second run adds nothing', async () => {
    await seedDemoContent(api.app);
    await seedDemoContent(api.app);
    const cookie = await api.signIn('cio@demo.tupu.local');
    const assessments = (await api.app.inject({ url: '/api/assessments', headers: { cookie } })).json<
      { id: string; status: string; title: string; score: number }[]
    >();
    expect(assessments).toHaveLength(2);
    expect(assessments.every((a) => a.status === 'submitted')).toBe(true);
    const [latest, earlier] = assessments;
    expect(latest!.title).toMatch(/2026/);
    expect(latest!.score).toBeGreaterThan(earlier!.score);
    const result = (
      await api.app.inject({ url: `/api/assessments/${latest!.id}/result`, headers: { cookie } })
    ).json<{
      comparison: unknown;
    }>();
    expect(result.comparison).toBeTruthy();

    const plans = (await api.app.inject({ url: '/api/plans', headers: { cookie } })).json<{
      plans: { status: string }[];
    }>();
    expect(plans.plans).toHaveLength(1);
    expect(['optimal', 'feasible']).toContain(plans.plans[0]!.status);
  });
});
