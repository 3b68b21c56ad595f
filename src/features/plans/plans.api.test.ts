import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanComparison, PlanView } from '../../contracts/planning.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';

const EPS = 1e-6;

/** Spending per period of a schedule, recomputed from the plan's own numbers (capex spread over the duration). */
function spending(plan: PlanView, schedule: readonly { id: string; start: number }[]): number[] {
  const spent = plan.settings.budget.map(() => 0);
  for (const { id, start } of schedule) {
    const initiative = plan.initiatives.find((i) => i.id === id);
    if (!initiative) throw new Error(`scheduled unknown initiative ${id}`);
    for (let t = start; t < start + initiative.duration; t++)
      spent[t] = (spent[t] ?? 0) + initiative.capex / initiative.duration;
  }
  return spent;
}

describe.each(testEngines())('plans API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let cio: string; // admin of 明远精密机械
  let cdo: string; // admin of another organisation
  let viewer: string; // viewer of 明远精密机械

  beforeAll(async () => {
    ({ cio, cdo, viewer } = await signInDemoRoles(api));
  });

  const newPlan = {
    ...DEMO_PLAN_REQUEST,
    title: '明远精密 2025–2026 数字化转型规划',
    painPoints: ['unplanned-downtime', 'schedule-disruption', 'personalization-cost', 'manual-finance'],
  };

  let plan: PlanView;
  /** The plan's version now, sent with each save (a save without one is refused: lost updates, hole 8). */
  const versionOf = async (id: string) => (await call<PlanView>(cio, 'GET', `/api/plans/${id}`)).body.version;

  it('creates a plan: 梯次 strategy, candidates with prerequisites and an origin for every number', async () => {
    const { status, body } = await call<PlanView>(cio, 'POST', '/api/plans', newPlan);
    expect(status).toBe(201);
    plan = body;
    expect(plan.strategy).toMatchObject({ strategy: 'tiered', section: '四（三）' });
    const ids = plan.initiatives.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining(['GEN-OM-01', 'GEN-PM-03', 'GEN-CX-02', 'GEN-RD-01', 'GEN-BM-01']),
    );
    const cx = plan.initiatives.find((i) => i.id === 'GEN-CX-02');
    expect([...(cx?.requires ?? [])].sort()).toEqual(['GEN-PM-03', 'GEN-RD-01']);
    expect(plan.initiatives.find((i) => i.id === 'GEN-RD-01')?.reasons).toEqual([
      { kind: 'prerequisite', ref: 'GEN-CX-02' },
    ]);
    for (const i of plan.initiatives) {
      // cost and duration scale with the atlas's economics of the scenario; the rest are the type's defaults
      expect(i.origins.capex.kind).toBe('atlas');
      expect(i.origins.capex.ref).toMatch(/^guide-2024: costIndex /);
      expect(i.origins.effort).toEqual({ kind: 'default', ref: 'little-giant' });
      expect(i.kpiDeltas.every((d) => d.origin.kind === 'default')).toBe(true);
      expect(i.appraisal?.npv).toEqual(expect.any(Number));
      expect(i.benefit.annualBenefit).toBeGreaterThanOrEqual(0);
    }
    // 财务智能化管理 (RPA, costIndex 0.5) costs far less than C2M (costIndex 3)
    const capexOf = (id: string) => plan.initiatives.find((i) => i.id === id)?.capex ?? 0;
    expect(capexOf('GEN-CX-02')).toBeCloseTo(6 * capexOf('GEN-BM-01'), 0);
    expect(plan.settings.budget).toHaveLength(plan.settings.periods);
    expect(plan.risks.length).toBeGreaterThan(0);
    expect(plan.solution).toBeNull();
    const list = await call<{ plans: { id: string }[] }>(cio, 'GET', '/api/plans');
    expect(list.body.plans.map((p) => p.id)).toContain(plan.id);
  });

  it('solves to an optimal schedule that keeps every period within budget and prerequisites first', async () => {
    // a tight budget: 80 per period lets one 2-period initiative (75/period) run at a time
    const budget = plan.settings.budget.map(() => 80);
    const patched = await call<PlanView>(cio, 'PATCH', `/api/plans/${plan.id}`, {
      version: await versionOf(plan.id),
      settings: { ...plan.settings, budget },
    });
    expect(patched.status).toBe(200);
    const { status, body } = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/solve`, {
      timeLimitSeconds: 10,
    });
    expect(status).toBe(200);
    const solution = body.solution!;
    expect(solution.result.status).toBe('optimal');
    expect(solution.stale).toBe(false);
    const spent = spending(body, solution.result.schedule);
    spent.forEach((s, t) => expect(s).toBeLessThanOrEqual((body.settings.budget[t] ?? 0) + EPS));
    solution.usage.budget.forEach((u, t) => expect(u).toBeCloseTo(spent[t] ?? 0));
    const startOf = new Map(solution.result.schedule.map((s) => [s.id, s.start]));
    for (const { id, start } of solution.result.schedule) {
      const initiative = body.initiatives.find((i) => i.id === id)!;
      for (const r of initiative.requires) {
        const before = body.initiatives.find((i) => i.id === r)!;
        expect(startOf.get(r)! + before.duration).toBeLessThanOrEqual(start);
      }
    }
    expect(solution.result.notSelected.length).toBeGreaterThan(0);
    expect(solution.result.objective!).toBeGreaterThanOrEqual((solution.greedy.objective ?? 0) - EPS);
    expect(solution.frontier.map((p) => p.factor)).toContain(1);
    plan = body;
  });

  it('copies the plan, solves the copy with a bigger budget, and compares the two', async () => {
    const copy = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/copy`, { title: '预算加倍' });
    expect(copy.status).toBe(201);
    expect(copy.body.copiedFrom).toBe(plan.id);
    const bigger = plan.settings.budget.map((b) => b * 3);
    expect(
      (
        await call(cio, 'PATCH', `/api/plans/${copy.body.id}`, {
          version: copy.body.version,
          settings: { ...plan.settings, budget: bigger },
        })
      ).status,
    ).toBe(200);
    const solved = await call<PlanView>(cio, 'POST', `/api/plans/${copy.body.id}/solve`, { frontier: false });
    expect(solved.body.solution?.result.status).toBe('optimal');

    const { status, body } = await call<PlanComparison>(cio, 'GET', `/api/plans/${plan.id}/compare`);
    expect(status).toBe(200);
    expect(body.plans.map((p) => p.id)).toEqual([plan.id, copy.body.id]);
    const [base, what] = body.plans;
    expect(what!.objective!).toBeGreaterThan(base!.objective!);
    expect(what!.selected.length).toBeGreaterThan(base!.selected.length);
    expect(what!.totalBudget).toBeCloseTo(base!.totalBudget * 3);
    expect(base!.budgetUsed!).toBeLessThanOrEqual(base!.totalBudget + EPS);
  });

  it('rejects bad assumptions with every problem and keeps the last saved plan', async () => {
    const before = await call<PlanView>(cio, 'GET', `/api/plans/${plan.id}`);
    const [a, b, c, ...rest] = before.body.initiatives;
    const bad = [
      { ...a!, requires: ['NOPE-XX-01'] },
      { ...b!, capex: -5, requires: [c!.id] },
      { ...c!, duration: 99, requires: [b!.id] },
      ...rest,
    ];
    const { status, body } = await call<{
      error: { code: string; details: { problems: { field: string; message: string }[] } };
    }>(cio, 'PATCH', `/api/plans/${plan.id}`, {
      version: before.body.version,
      title: 'should not be saved',
      initiatives: bad,
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_plan');
    const messages = body.error.details.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/unknown initiative "NOPE-XX-01"/);
    expect(messages).toMatch(/must be ≥ 0/);
    expect(messages).toMatch(/longer than the \d+-period horizon/);
    expect(messages).toMatch(/prerequisite cycle/);

    const mandatory = await call<{ error: { details: { problems: { message: string }[] } } }>(
      cio,
      'PATCH',
      `/api/plans/${plan.id}`,
      {
        version: before.body.version,
        initiatives: [{ ...a!, mandatory: true, capex: 1e6 }, b!, c!, ...rest],
      },
    );
    expect(mandatory.status).toBe(400);
    expect(mandatory.body.error.details.problems.map((p) => p.message).join()).toMatch(
      /mandatory but cannot fit/,
    );

    const after = await call<PlanView>(cio, 'GET', `/api/plans/${plan.id}`);
    expect(after.body).toEqual(before.body);
  });

  it('marks edited numbers as the user’s and keeps the rest of the origins', async () => {
    const copy = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/copy`);
    expect(copy.status).toBe(201);
    const [first, ...rest] = copy.body.initiatives;
    const edited = await call<PlanView>(cio, 'PATCH', `/api/plans/${copy.body.id}`, {
      version: copy.body.version,
      initiatives: [{ ...first!, capex: first!.capex + 10 }, ...rest],
    });
    expect(edited.status).toBe(200);
    const changed = edited.body.initiatives[0]!;
    expect(changed.origins.capex).toEqual({ kind: 'user' });
    expect(changed.origins.duration).toEqual(first!.origins.duration);
    expect(edited.body.solution?.stale).toBe(true);
    expect((await call(cio, 'DELETE', `/api/plans/${copy.body.id}`)).status).toBe(204);
  });

  it('keeps a risk register with likelihood × impact and a plan-level summary', async () => {
    const added = await call<PlanView>(cio, 'POST', `/api/plans/${plan.id}/risks`, {
      title: '关键设备联网改造停机',
      initiativeId: 'GEN-OM-01',
      likelihood: 4,
      impact: 5,
      mitigation: '分批改造，避开生产高峰',
      exposure: 50,
    });
    expect(added.status).toBe(201);
    const risk = added.body.risks.find((r) => r.title === '关键设备联网改造停机')!;
    expect(risk).toMatchObject({ score: 20, band: 'critical', expectedLoss: 35 });
    expect(added.body.riskSummary.top[0]?.id).toBe(risk.id);
    // the default risks are linked to initiatives too: GEN-OM-01's loss is this risk's 35 plus theirs on it
    const defaultsOnIt = added.body.risks
      .filter((r) => r.id !== risk.id && r.initiativeId === 'GEN-OM-01')
      .reduce((sum, r) => sum + r.expectedLoss, 0);
    expect(added.body.riskSummary.expectedLossByInitiative['GEN-OM-01']).toBeCloseTo(35 + defaultsOnIt);

    const updated = await call<PlanView>(cio, 'PUT', `/api/plans/${plan.id}/risks/${risk.id}`, {
      version: added.body.version,
      title: risk.title,
      likelihood: 1,
      impact: 2,
      mitigation: risk.mitigation,
    });
    expect(updated.body.risks.find((r) => r.id === risk.id)).toMatchObject({ score: 2, band: 'low' });
    const bad = await call(cio, 'POST', `/api/plans/${plan.id}/risks`, {
      title: 'x',
      likelihood: 6,
      impact: 1,
      mitigation: 'y',
    });
    expect(bad.status).toBe(400);
    const removed = await call<PlanView>(cio, 'DELETE', `/api/plans/${plan.id}/risks/${risk.id}`);
    expect(removed.body.risks.some((r) => r.id === risk.id)).toBe(false);
  });

  it("answers 404 for another organisation's plan, to read and to write", async () => {
    expect((await call(cdo, 'GET', `/api/plans/${plan.id}`)).status).toBe(404);
    expect((await call(cdo, 'PATCH', `/api/plans/${plan.id}`, { title: 'mine' })).status).toBe(404);
    expect((await call(cdo, 'POST', `/api/plans/${plan.id}/solve`, {})).status).toBe(404);
    expect((await call(cdo, 'GET', `/api/plans/${plan.id}/compare`)).status).toBe(404);
    const list = await call<{ plans: unknown[] }>(cdo, 'GET', '/api/plans');
    expect(list.body.plans).toEqual([]);
  });

  it('lets a viewer read but not write', async () => {
    expect((await call(viewer, 'GET', `/api/plans/${plan.id}`)).status).toBe(200);
    expect((await call(viewer, 'POST', '/api/plans', newPlan)).status).toBe(403);
    expect((await call(viewer, 'PATCH', `/api/plans/${plan.id}`, { title: 'x' })).status).toBe(403);
    expect((await call(viewer, 'POST', `/api/plans/${plan.id}/solve`, {})).status).toBe(403);
    expect((await call(viewer, 'POST', `/api/plans/${plan.id}/copy`, {})).status).toBe(403);
  });

  it('offers pain points and packs for a new plan, and refuses unknown pain points', async () => {
    const options = await call<{ painPoints: { id: string; category: string }[]; pack: string }>(
      cio,
      'GET',
      '/api/plans/options',
    );
    expect(options.status).toBe(200);
    expect(options.body.pack).toBe('guide-2024');
    expect(options.body.painPoints.map((p) => p.id)).toContain('unplanned-downtime');
    const bad = await call<{ error: { code: string } }>(cio, 'POST', '/api/plans', {
      ...newPlan,
      painPoints: ['no-such-pain'],
    });
    expect(bad.status).toBe(400);
    expect((await call(cio, 'GET', '/api/plans/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});
