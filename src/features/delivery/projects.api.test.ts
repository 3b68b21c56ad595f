import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProjects, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { deliveryGatePasses } from '../../db/schema.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
type Err = {
  error: { code: string; message: string; details: { problems?: { field: string; message: string }[] } };
};

describe.each(testEngines())('projects API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let cio: string;
  let cdo: string;
  let viewer: string;
  let cioId: string;
  let plan: PlanView;
  let project: ProjectView;

  beforeAll(async () => {
    ({ cio, cdo, viewer } = await signInDemoRoles(api));
    cioId = (await call<{ user: { id: string } }>(cio, 'GET', '/api/auth/me')).body.user.id;
    const created = await call<PlanView>(cio, 'POST', '/api/plans', {
      ...DEMO_PLAN_REQUEST,
      title: '交付测试规划',
    });
    expect(created.status).toBe(201);
    const solved = await call<PlanView>(cio, 'POST', `/api/plans/${created.body.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    plan = solved.body;
  });

  /** The project as stored now. */
  const reload = async () => (await call<ProjectView>(cio, 'GET', `/api/projects/${project.id}`)).body;

  it('refuses projects from a plan not solved, naming the plan', async () => {
    const unsolved = await call<PlanView>(cio, 'POST', '/api/plans', {
      ...DEMO_PLAN_REQUEST,
      title: '未求解',
    });
    const res = await call<Err>(cio, 'POST', `/api/plans/${unsolved.body.id}/projects`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('plan_not_solved');
    expect(res.body.error.message).toMatch(/“未求解” has no solved schedule yet/);
  });

  it('makes one project from one scheduled initiative, then the rest at once, each initiative once', async () => {
    const schedule = plan.solution!.result.schedule;
    expect(schedule.length).toBeGreaterThan(1);
    const first = schedule[0]!;
    const one = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.id}/projects`, {
      initiativeId: first.id,
    });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    expect(one.body.projects.map((p) => p.initiativeId)).toEqual([first.id]);
    const again = await call<Err>(cio, 'POST', `/api/plans/${plan.id}/projects`, { initiativeId: first.id });
    expect([again.status, again.body.error.code]).toEqual([409, 'project_exists']);
    const notScheduled = plan.initiatives.find((i) => !schedule.some((s) => s.id === i.id));
    if (notScheduled) {
      const refused = await call<Err>(cio, 'POST', `/api/plans/${plan.id}/projects`, {
        initiativeId: notScheduled.id,
      });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'initiative_not_scheduled']);
    }
    const all = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.id}/projects`, {});
    expect(all.status).toBe(201);
    expect(all.body.projects.map((p) => p.initiativeId).sort()).toEqual(schedule.map((s) => s.id).sort());
    // the plan's roll-up: planned spend per period is the solved schedule's spending
    all.body.rollup.periods.forEach((p, t) =>
      expect(p.planned).toBeCloseTo(plan.solution!.usage.budget[t] ?? 0),
    );
    expect(all.body.rollup.lights['on-track']).toBe(schedule.length);
    // up to the targets they serve: every KPI a scheduled initiative promised, with the projects promising it
    const promised = new Set(
      plan.initiatives
        .filter((i) => schedule.some((s) => s.id === i.id))
        .flatMap((i) => i.kpiDeltas.map((d) => d.kpi)),
    );
    expect(all.body.rollup.targets.map((t) => t.kpi).sort()).toEqual([...promised].sort());
    expect(all.body.rollup.periods[0]?.label.zh).toMatch(/^\d{4}年Q\d$/);
    expect(all.body.rollup.periods[0]?.label.en).toMatch(/^\d{4} Q\d$/);
    const listed = await call<{ projects: { id: string }[] }>(cio, 'GET', '/api/projects');
    expect(listed.body.projects).toHaveLength(schedule.length);
    project = (await call<ProjectView>(cio, 'GET', `/api/projects/${one.body.projects[0]!.id}`)).body;
  });

  it('carries the scenario, budget per period, calendar dates, promised KPIs and linked risks from the plan', () => {
    const initiative = plan.initiatives.find((i) => i.id === project.initiativeId)!;
    const start = plan.solution!.result.schedule.find((s) => s.id === initiative.id)!.start;
    expect(project.scenario).toBe(initiative.scenario);
    expect(project.name).toEqual(initiative.name);
    expect(project.startPeriod).toBe(start);
    expect(project.finishPeriod).toBe(start + initiative.duration - 1);
    expect(project.budget).toHaveLength(plan.settings.periods);
    expect(project.budgetTotal).toBeCloseTo(initiative.capex);
    expect(project.budget[start]).toBeCloseTo(initiative.capex / initiative.duration);
    expect(project.plannedStart).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect(project.kpiTargets.map((k) => k.kpi)).toEqual(initiative.kpiDeltas.map((d) => d.kpi));
    expect(project.risks.map((r) => r.id)).toEqual(
      plan.risks.filter((r) => r.initiativeId === initiative.id).map((r) => r.id),
    );
    expect(project.gates.map((g) => [g.id, g.passed])).toEqual([
      ['diagnosis', false],
      ['filing', false],
      ['implementation', false],
      ['acceptance', false],
    ]);
    expect(project.light).toBe('on-track');
  });

  it('keeps a team in the pack roles, and refuses a role the pack does not have', async () => {
    const added = await call<ProjectView>(cio, 'POST', `/api/projects/${project.id}/team`, {
      role: 'cio',
      name: '王总',
      userId: cioId,
    });
    expect(added.status).toBe(201);
    expect(added.body.team).toEqual([
      expect.objectContaining({ role: 'cio', party: 'enterprise', name: '王总', userId: cioId }),
    ]);
    const bad = await call<Err>(cio, 'POST', `/api/projects/${project.id}/team`, { role: 'ceo', name: 'x' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_team_member']);
    expect((await reload()).team).toHaveLength(1);
  });

  it('derives the light from milestones: amber when one is overdue, green once done, red when a month late', async () => {
    const a = await call<ProjectView>(cio, 'POST', `/api/projects/${project.id}/milestones`, {
      title: '需求评审',
      due: day(-10),
    });
    expect(a.status).toBe(201);
    expect(a.body.light).toBe('at-risk');
    expect(a.body.status.reasons).toEqual([
      expect.objectContaining({ kind: 'overdue', amount: 10, light: 'at-risk' }),
    ]);
    const m = a.body.milestones[0]!;
    const done = await call<ProjectView>(cio, 'PATCH', `/api/projects/${project.id}/milestones/${m.id}`, {
      version: a.body.version,
      doneOn: day(-2),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.light).toBe('on-track');
    expect(done.body.progress).toBe(1);
    const late = await call<ProjectView>(cio, 'POST', `/api/projects/${project.id}/milestones`, {
      title: '原型',
      due: day(-40),
    });
    expect(late.body.light).toBe('late');
    const plans = await call<PlanProjects>(cio, 'GET', `/api/plans/${plan.id}/projects`);
    expect(plans.body.rollup.lights.late).toBe(1);
    expect(Math.max(...plans.body.rollup.periods.map((p) => p.slipDays))).toBe(0); // due before the plan's first period
  });

  it("refuses a milestone after the project's end, naming it and the end, and writes nothing", async () => {
    const before = await reload();
    const res = await call<Err>(cio, 'POST', `/api/projects/${project.id}/milestones`, {
      title: '验收',
      due: '2099-01-01',
    });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_milestone']);
    expect(res.body.error.message).toMatch(
      new RegExp(`Milestone “验收” is due 2099-01-01, after the project's end ${project.plannedFinish}`),
    );
    const after = await reload();
    expect([after.milestones.length, after.version]).toEqual([before.milestones.length, before.version]);
  });

  it('books costs per period, and refuses one in a closed period, naming the period', async () => {
    const t = project.startPeriod;
    const booked = await call<ProjectView>(cio, 'POST', `/api/projects/${project.id}/costs`, {
      period: t,
      amount: 12.5,
      note: '首付款',
    });
    expect(booked.status).toBe(201);
    expect(booked.body.rollup.periods[t]).toMatchObject({ actual: 12.5 });
    const closed = await call<ProjectView>(cio, 'PATCH', `/api/projects/${project.id}`, {
      version: booked.body.version,
      closedThrough: t,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const res = await call<Err>(cio, 'POST', `/api/projects/${project.id}/costs`, { period: t, amount: 3 });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_cost_entry']);
    expect(res.body.error.message).toContain(
      `A cost entry in ${project.start.en} (${project.start.zh}) cannot be booked: that period is closed`,
    );
    expect((await reload()).costs).toHaveLength(1);
  });

  it('refuses a gate without its checklist, by the wrong party, or out of order; passes it when all hold', async () => {
    let p = await reload();
    const refusedPass = await call<Err>(cio, 'POST', `/api/projects/${project.id}/gates/diagnosis/pass`);
    expect([refusedPass.status, refusedPass.body.error.code]).toEqual([400, 'gate_refused']);
    expect(refusedPass.body.error.details.problems?.map((x) => x.field)).toEqual([
      'gates.diagnosis.checklist',
      'gates.diagnosis.party',
    ]);
    expect(refusedPass.body.error.message).toMatch(
      /Gate “Diagnostic assessment” \(诊断评估\) cannot pass: its checklist is not complete \(3 of 3 open/,
    );
    expect((await reload()).gates[0]?.passed).toBe(false);
    // an item that needs evidence is not ticked without it
    const noEvidence = await call<Err>(
      cio,
      'PUT',
      `/api/projects/${project.id}/checklists/diagnosis/items/current-state`,
      {
        version: p.version,
        ticked: true,
      },
    );
    expect([noEvidence.status, noEvidence.body.error.code]).toEqual([400, 'invalid_tick']);
    for (const [item, evidence] of [
      ['current-state', ['evidence:baseline.pdf']],
      ['pain-points', []],
      ['diagnosis-report', ['evidence:report.pdf']],
    ] as const) {
      p = await reload();
      const tick = await call<ProjectView>(
        cio,
        'PUT',
        `/api/projects/${project.id}/checklists/diagnosis/items/${item}`,
        {
          version: p.version,
          ticked: true,
          evidence,
        },
      );
      expect(tick.status, JSON.stringify(tick.body)).toBe(200);
    }
    expect((await reload()).checklists.find((c) => c.id === 'diagnosis')?.complete).toBe(true);
    // complete, but the enterprise does not pass the provider's gate
    const party = await call<Err>(cio, 'POST', `/api/projects/${project.id}/gates/diagnosis/pass`);
    expect(party.body.error.details.problems?.map((x) => x.field)).toEqual(['gates.diagnosis.party']);
    expect(party.body.error.message).toMatch(/is passed by the provider; you act for the enterprise/);
    // acceptance (the enterprise's) is refused: earlier gates first, and its checklist
    const early = await call<Err>(cio, 'POST', `/api/projects/${project.id}/gates/acceptance/pass`);
    expect(early.body.error.message).toMatch(/comes after .*not passed yet/);
    // the caller holds the provider's lead role on the team: now the gate passes
    await call(cio, 'POST', `/api/projects/${project.id}/team`, {
      role: 'provider-lead',
      name: '李工（服务商）',
      userId: cioId,
    });
    const passed = await call<ProjectView>(cio, 'POST', `/api/projects/${project.id}/gates/diagnosis/pass`);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.gates[0]).toMatchObject({ id: 'diagnosis', passed: true, passedBy: cioId });
    expect(passed.body.currentGate).toBe('filing');
    // a supervision item: source-code escrow needs evidence
    const escrow = await call<ProjectView>(
      cio,
      'PUT',
      `/api/projects/${project.id}/checklists/ip/items/source-escrow`,
      {
        version: passed.body.version,
        ticked: true,
        evidence: ['escrow-agreement-2027.pdf'],
      },
    );
    expect(
      escrow.body.checklists.find((c) => c.id === 'ip')?.items.find((i) => i.id === 'source-escrow'),
    ).toMatchObject({
      ticked: true,
      evidence: ['escrow-agreement-2027.pdf'],
    });
  });

  it('records a change of budget or dates with who, when and why; refuses one without a reason', async () => {
    const p = await reload();
    const budget = p.budget.map((b) => b * 1.1);
    const noReason = await call<Err>(cio, 'PATCH', `/api/projects/${project.id}`, {
      version: p.version,
      budget,
    });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'invalid_project']);
    expect(noReason.body.error.message).toMatch(
      /A change of budget during delivery is recorded with its reason/,
    );
    expect((await reload()).version).toBe(p.version);
    const ok = await call<ProjectView>(cio, 'PATCH', `/api/projects/${project.id}`, {
      version: p.version,
      budget,
      provider: '某自动化集成商',
      reason: '增加一台检测设备',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.changes.map((c) => [c.kind, c.reason, c.by])).toEqual([
      ['budget', '增加一台检测设备', cioId],
      ['provider', '增加一台检测设备', cioId],
    ]);
    expect(ok.body.changes[1]).toMatchObject({
      before: { provider: null },
      after: { provider: '某自动化集成商' },
    });
    // a save of the older version touching the budget again is stale
    const stale = await call<Err>(cio, 'PATCH', `/api/projects/${project.id}`, {
      version: p.version,
      budget: p.budget,
      reason: 'x',
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_version']);
    const noVersion = await call<Err>(cio, 'PATCH', `/api/projects/${project.id}`, {
      name: { zh: 'x', en: 'x' },
    });
    expect([noVersion.status, noVersion.body.error.code]).toEqual([400, 'version_required']);
  });

  it('answers another organisation 404 and a viewer 403, and changes nothing', async () => {
    const before = await reload();
    for (const [method, url] of [
      ['GET', `/api/projects/${project.id}`],
      ['GET', `/api/plans/${plan.id}/projects`],
      ['POST', `/api/projects/${project.id}/costs`],
      ['POST', `/api/projects/${project.id}/gates/filing/pass`],
    ] as const) {
      const res = await call<Err>(cdo, method, url, method === 'POST' ? { period: 0, amount: 1 } : undefined);
      expect([url, res.status]).toEqual([url, 404]);
      expect(JSON.stringify(res.body)).not.toContain(project.id);
    }
    expect((await call<{ projects: unknown[] }>(cdo, 'GET', '/api/projects')).body.projects).toEqual([]);
    const v = await call(viewer, 'POST', `/api/projects/${project.id}/costs`, { period: 0, amount: 1 });
    expect(v.status).toBe(403);
    expect((await call(viewer, 'GET', `/api/projects/${project.id}`)).status).toBe(200);
    expect((await reload()).version).toBe(before.version);
  });

  it('rates acceptance (验收满意度) only after the last gate, only with a provider, only by a writer; versioned', async () => {
    const before = await reload();
    const early = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      version: before.version,
      rating: 5,
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'not_accepted']);
    expect(early.body.error.message).toMatch(/last gate \(acceptance\)/);
    // another project of the plan, accepted but naming no provider
    const listed = await call<{ projects: { id: string }[] }>(cio, 'GET', '/api/projects');
    const other = listed.body.projects.find((x) => x.id !== project.id)!;
    const otherView = (await call<ProjectView>(cio, 'GET', `/api/projects/${other.id}`)).body;
    expect(otherView.provider ?? null).toBeNull();
    const orgId = (await call<{ organisation: { orgId: string } }>(cio, 'GET', '/api/auth/me')).body
      .organisation.orgId;
    for (const id of [project.id, other.id])
      await api.database.db
        .insert(deliveryGatePasses)
        .values({ orgId, projectId: id, gateId: 'acceptance', party: 'enterprise' });
    const noProvider = await call<Err>(cio, 'PUT', `/api/projects/${other.id}/acceptance-rating`, {
      version: otherView.version,
      rating: 3,
    });
    expect([noProvider.status, noProvider.body.error.code]).toEqual([409, 'no_provider']);
    expect((await call<ProjectView>(cio, 'GET', `/api/projects/${other.id}`)).body.acceptance).toBeNull();
    const byViewer = await call<Err>(viewer, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      version: before.version,
      rating: 5,
    });
    expect(byViewer.status).toBe(403);
    const byOther = await call<Err>(cdo, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      version: before.version,
      rating: 5,
    });
    expect(byOther.status).toBe(404);
    const noVersion = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      rating: 4,
    });
    expect([noVersion.status, noVersion.body.error.code]).toEqual([400, 'version_required']);
    const rated = await call<ProjectView>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      version: before.version,
      rating: 4,
      comment: '  按期交付  ',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.acceptance).toMatchObject({ rating: 4, comment: '按期交付', ratedBy: cioId });
    expect(rated.body.version).toBeGreaterThan(before.version);
    const stale = await call<Err>(cio, 'PUT', `/api/projects/${project.id}/acceptance-rating`, {
      version: before.version,
      rating: 1,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_version']);
    expect((await reload()).acceptance?.rating).toBe(4);
  });

  it('is described in the OpenAPI document, with the delivery pack the web app reads', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.includes('project'))
        .sort(),
    ).toEqual([
      '/api/plans/{id}/projects',
      '/api/portfolio/projects',
      '/api/project-invitations',
      '/api/project-invitations/{invitationId}/accept',
      '/api/project-invitations/{invitationId}/decline',
      '/api/projects',
      '/api/projects/{id}',
      '/api/projects/{id}/acceptance-rating',
      '/api/projects/{id}/checklists/{checklistId}/items/{itemId}',
      '/api/projects/{id}/checklists/{checklistId}/items/{itemId}/files',
      '/api/projects/{id}/costs',
      '/api/projects/{id}/costs.xlsx',
      '/api/projects/{id}/files/{fileId}',
      '/api/projects/{id}/gates/{gateId}/pass',
      '/api/projects/{id}/invitations',
      '/api/projects/{id}/invitations/{invitationId}',
      '/api/projects/{id}/milestones',
      '/api/projects/{id}/milestones/{milestoneId}',
      '/api/projects/{id}/providers',
      '/api/projects/{id}/report.{format}',
      '/api/projects/{id}/team',
      '/api/projects/{id}/team/{memberId}',
    ]);
    const pack = await call<{ gates: { id: string }[] }>(viewer, 'GET', '/api/delivery/pack');
    expect(pack.body.gates.map((g) => g.id)).toEqual(['diagnosis', 'filing', 'implementation', 'acceptance']);
  });
});
