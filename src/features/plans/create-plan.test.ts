import { beforeAll, describe, expect, it } from 'vitest';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { defaultSettings } from '../../core/planning/candidates-defaults.ts';
import type { PlanSettings } from '../../contracts/planning.ts';
import { loadAtlasPacks } from '../../packs/atlas-load.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { testTenant } from '../../../tests/support/tenant.ts';
import { createPlan, planSettings } from './create-plan.ts';
import { fakePlanRepository } from './fake-plan-repository.ts';

/** The clock of the use case: a new plan starts in the quarter after it, 2027 Q1. */
const TODAY = new Date('2026-12-02T09:00:00Z');
const tenant = testTenant('00000000-0000-4000-8000-000000000001');
const defaults = defaultSettings(DEMO_PLAN_REQUEST.profile, TODAY);

/** A setting the contract may gain later: create-plan must carry it without being edited. */
type Future = Partial<PlanSettings> & { reviewMonths?: number; headcount?: number[] };
const future = (settings: Future) => settings as Partial<PlanSettings>;

describe('planSettings: the defaults, then the settings sent, per-period lists sized to the horizon', () => {
  it('takes every default when nothing is sent', () => {
    expect(planSettings(defaults, {})).toEqual({
      ...defaults,
      budget: [...defaults.budget],
      capacity: [...(defaults.capacity ?? [])],
    });
  });

  it('takes each setting sent over its default and keeps the other defaults', () => {
    const merged = planSettings(defaults, { discountRate: 0.1, benefitYears: 3 });
    expect(merged.discountRate).toBe(0.1);
    expect(merged.benefitYears).toBe(3);
    expect(merged.periods).toBe(defaults.periods);
    expect(merged.periodsPerYear).toBe(defaults.periodsPerYear);
    expect(merged.budget).toEqual(defaults.budget);
  });

  it('cuts or extends the per-period lists to the horizon, repeating the last value', () => {
    const longer = planSettings(defaults, { periods: defaults.periods + 2, budget: [100, 200] });
    expect(longer.budget).toEqual([100, ...Array.from({ length: defaults.periods + 1 }, () => 200)]);
    expect(longer.capacity).toHaveLength(defaults.periods + 2);
    expect(longer.capacity?.every((c) => c === defaults.capacity?.at(-1))).toBe(true);
    const shorter = planSettings(defaults, { periods: 2 });
    expect(shorter.budget).toEqual(defaults.budget.slice(0, 2));
    expect(shorter.capacity).toEqual(defaults.capacity?.slice(0, 2));
  });

  it('keeps a setting it never heard of, and sizes a new per-period list to the horizon', () => {
    const merged = planSettings(
      defaults,
      future({ periods: 3, reviewMonths: 6, headcount: [4, 5] }),
    ) as Future;
    expect(merged.reviewMonths).toBe(6);
    expect(merged.headcount).toEqual([4, 5, 5]);
    expect(merged.budget).toHaveLength(3);
  });

  it('a setting sent as undefined keeps its default', () => {
    expect(planSettings(defaults, { discountRate: undefined }).discountRate).toBe(defaults.discountRate);
  });
});

describe('createPlan (no database)', () => {
  let atlases: AtlasCatalog;
  beforeAll(async () => {
    const loaded = await loadAtlasPacks('packs/atlas');
    if (!loaded.ok) throw new Error('atlas packs do not load');
    atlases = loaded.catalog;
  });

  it('stores the merged settings, a setting unknown to it included, with candidates and the default risks', async () => {
    const repo = fakePlanRepository(tenant);
    const plan = await createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', {
      ...DEMO_PLAN_REQUEST,
      settings: future({ periods: 4, budget: [500], reviewMonths: 6 }),
    });
    expect(repo.inserted).toHaveLength(1);
    const stored = repo.inserted[0]!;
    expect(stored.settings).toEqual({
      ...defaults,
      periods: 4,
      budget: [500, 500, 500, 500],
      capacity: Array.from({ length: 4 }, () => defaults.capacity?.at(-1)),
      reviewMonths: 6,
    });
    expect(stored.createdBy).toBe('user-1');
    expect(plan.settings.periods).toBe(4);
    expect(plan.initiatives.length).toBeGreaterThan(0);
    for (const i of plan.initiatives) expect(i.duration).toBeLessThanOrEqual(4);
    expect(plan.risks.map((r) => r.id)).toEqual(['R1', 'R2', 'R3']);
  });

  it('starts the plan in the quarter after the clock says today, or in the quarter sent', async () => {
    const repo = fakePlanRepository(tenant);
    const plan = await createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', DEMO_PLAN_REQUEST);
    expect(plan.settings.start).toEqual({ year: 2027, quarter: 1 });
    const later = await createPlan(
      { atlases, repo, now: () => new Date('2027-05-20T00:00:00Z') },
      tenant,
      'user-1',
      { ...DEMO_PLAN_REQUEST, settings: { start: { year: 2028, quarter: 3 } } },
    );
    expect(later.settings.start).toEqual({ year: 2028, quarter: 3 });
  });

  it('links every default risk to a candidate with an exposure, so that its expected loss is not 0', async () => {
    const repo = fakePlanRepository(tenant);
    const plan = await createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', DEMO_PLAN_REQUEST);
    const ids = new Set(plan.initiatives.map((i) => i.id));
    for (const risk of plan.risks) {
      expect(ids.has(risk.initiativeId ?? '')).toBe(true);
      expect(risk.exposure).toBeGreaterThan(0);
    }
    expect(new Set(plan.risks.map((r) => r.initiativeId)).size).toBe(plan.risks.length);
  });

  it('refuses an unknown pain point and a plan with neither pain points nor gaps, storing nothing', async () => {
    const repo = fakePlanRepository(tenant);
    await expect(
      createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', {
        ...DEMO_PLAN_REQUEST,
        painPoints: ['no-such-pain'],
      }),
    ).rejects.toMatchObject({ statusCode: 400, message: 'Unknown pain point: no-such-pain' });
    await expect(
      createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', {
        ...DEMO_PLAN_REQUEST,
        painPoints: [],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(repo.inserted).toEqual([]);
  });

  it('takes only the ticked gaps of the assessment, refuses a name it does not have, and gaps without it', async () => {
    const repo = fakePlanRepository(tenant);
    const assessmentId = '00000000-0000-4000-8000-0000000000ab';
    repo.assessments.push({
      id: assessmentId,
      title: '2026年度自评',
      submittedAt: TODAY,
      result: {
        gaps: [
          { name: '产品设计', itemId: 'q1', scenarios: ['GEN-RD-01'] },
          { name: '生产管控', itemId: 'q2', scenarios: ['GEN-PM-03'] },
        ],
        nextLevel: { changes: [{ name: '供应链管理', itemId: 'q3', scenarios: ['GEN-SC-01'] }] },
      },
    });
    const request = { ...DEMO_PLAN_REQUEST, painPoints: [], assessmentId };
    const deps = { atlases, repo, now: () => TODAY };
    const all = await createPlan(deps, tenant, 'user-1', request);
    const fromGap = (plan: typeof all) =>
      plan.initiatives.filter((i) => i.reasons.some((r) => r.kind === 'gap')).map((i) => i.id);
    expect(fromGap(all).sort()).toEqual(['GEN-PM-03', 'GEN-RD-01', 'GEN-SC-01']);

    const ticked = await createPlan(deps, tenant, 'user-1', { ...request, gaps: ['生产管控', '供应链管理'] });
    expect(fromGap(ticked).sort()).toEqual(['GEN-PM-03', 'GEN-SC-01']);
    expect((repo.inserted.at(-1)?.profile as { gaps: { name: string }[] }).gaps.map((g) => g.name)).toEqual([
      '生产管控',
      '供应链管理',
    ]);

    const stored = repo.inserted.length;
    await expect(
      createPlan(deps, tenant, 'user-1', { ...request, gaps: ['生产管控', '没有这项'] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: 'gaps: not a gap of this assessment (with atlas scenarios): 没有这项',
      details: { field: 'gaps', unknown: ['没有这项'] },
    });
    await expect(
      createPlan(deps, tenant, 'user-1', { ...DEMO_PLAN_REQUEST, gaps: ['生产管控'] }),
    ).rejects.toMatchObject({ statusCode: 400, details: { field: 'gaps' } });
    expect(repo.inserted).toHaveLength(stored);
  });

  it("answers 404 for an assessment that is not the tenant's submitted one", async () => {
    const repo = fakePlanRepository(tenant);
    await expect(
      createPlan({ atlases, repo, now: () => TODAY }, tenant, 'user-1', {
        ...DEMO_PLAN_REQUEST,
        assessmentId: '00000000-0000-4000-8000-0000000000aa',
      }),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(repo.inserted).toEqual([]);
  });
});
