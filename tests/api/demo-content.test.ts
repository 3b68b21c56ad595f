import { describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../src/server/demo-content.ts';
import { useApiApp } from '../support/api-app.ts';

describe('demo content', () => {
  const api = useApiApp('pglite', { packs: 'all' });

  it('gives the demo CIO two submitted assessments that compare, and a solved plan; a second run adds nothing', async () => {
    await seedDemoContent(api.app, api.database.db);
    await seedDemoContent(api.app, api.database.db);
    const cookie = await api.signIn('cio@demo.tupu.local');
    const assessments = (await api.app.inject({ url: '/api/assessments', headers: { cookie } })).json<
      { id: string; status: string; title: string; score: number; submittedAt: string }[]
    >();
    expect(assessments).toHaveLength(2);
    expect(assessments.every((a) => a.status === 'submitted')).toBe(true);
    const [latest, earlier] = assessments;
    expect(latest!.title).toMatch(/2026/);
    expect(latest!.score).toBeGreaterThan(earlier!.score);
    // the 2025 assessment was submitted a year before the 2026 one, not on the same day
    const daysBetween = (Date.parse(latest!.submittedAt) - Date.parse(earlier!.submittedAt)) / 86_400_000;
    expect(daysBetween).toBeGreaterThanOrEqual(365);
    expect(daysBetween).toBeLessThan(367);
    const result = (
      await api.app.inject({ url: `/api/assessments/${latest!.id}/result`, headers: { cookie } })
    ).json<{
      comparison: { previous: { id: string; submittedAt: string } } | null;
    }>();
    expect(result.comparison?.previous).toMatchObject({ id: earlier!.id, submittedAt: earlier!.submittedAt });

    const plans = (await api.app.inject({ url: '/api/plans', headers: { cookie } })).json<{
      plans: { status: string }[];
    }>();
    expect(plans.plans).toHaveLength(1);
    expect(['optimal', 'feasible']).toContain(plans.plans[0]!.status);

    // the demo ledgers, imported once, give KPI values with a baseline and a latest value
    const imports = (await api.app.inject({ url: '/api/ledgers/imports', headers: { cookie } })).json<{
      imports: { kind: string; status: string }[];
    }>();
    expect(imports.imports.map((i) => i.kind).sort()).toEqual([
      'financial',
      'inventory',
      'production',
      'quality',
    ]);
    expect(imports.imports.every((i) => i.status === 'complete')).toBe(true);
    const values = (await api.app.inject({ url: '/api/kpis/values', headers: { cookie } })).json<{
      series: { kpiId: string; trend: string | null; values: unknown[] }[];
    }>();
    const trend = (id: string) => values.series.find((s) => s.kpiId === id)!;
    for (const id of ['profit-margin', 'oee', 'first-pass-yield', 'inventory-turnover'])
      expect([id, trend(id).values.length, trend(id).trend]).toEqual([id, 22, 'better']);
  });
});
