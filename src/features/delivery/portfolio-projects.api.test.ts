import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProjects, PortfolioProjects } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())('the portfolio of projects on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  const { org } = useOrganisationIds(api);
  let cio: string;
  let cdo: string;
  let region: string;
  let consultant: string;
  let association: string;
  let machinery: PlanProjects;
  let chemical: PlanProjects;

  async function projectsOf(cookie: string, title: string): Promise<PlanProjects> {
    const plan = await call<PlanView>(cookie, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title });
    const solved = await call(cookie, 'POST', `/api/plans/${plan.body.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status).toBe(200);
    const made = await call<PlanProjects>(cookie, 'POST', `/api/plans/${plan.body.id}/projects`, {});
    expect(made.status).toBe(201);
    return made.body;
  }

  beforeAll(async () => {
    ({ cio, cdo } = await signInDemoRoles(api));
    region = await api.signIn('region@demo.tupu.local');
    consultant = await api.signIn('consultant@demo.tupu.local');
    association = await api.signIn('association@demo.tupu.local');
    machinery = await projectsOf(cio, '明远规划');
    chemical = await projectsOf(cdo, '江川规划');
    // one of 明远's projects is late: a milestone 40 days overdue
    await call(cio, 'POST', `/api/projects/${machinery.projects[0]!.id}/milestones`, {
      title: '逾期',
      due: day(-40),
    });
  });

  it("lists an authority's enterprises' projects with their lights, counted and rolled up per quarter", async () => {
    const res = await call<PortfolioProjects>(region, 'GET', '/api/portfolio/projects');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ids = [...machinery.projects, ...chemical.projects].map((p) => p.id).sort();
    expect(res.body.projects.map((p) => p.id).sort()).toEqual(ids);
    expect(res.body.enterprises).toBe(3);
    const late = res.body.projects.find((p) => p.id === machinery.projects[0]!.id)!;
    expect(late).toMatchObject({ light: 'late', enterpriseId: org('明远') });
    expect(late.enterpriseName).toMatch(/^明远/);
    expect(res.body.lights).toEqual({ 'on-track': ids.length - 1, 'at-risk': 0, late: 1 });
    const planned = res.body.quarters.reduce((s, q) => s + q.planned, 0);
    const expected = [...machinery.projects, ...chemical.projects].reduce((s, p) => s + p.budgetTotal, 0);
    expect(planned).toBeCloseTo(expected);
    expect(res.body.quarters.every((q) => q.quarter >= 1 && q.quarter <= 4)).toBe(true);
    // summaries only: the authority does not open a project
    expect((await call(region, 'GET', `/api/projects/${late.id}`)).status).toBe(404);
  });

  it("lists a provider's clients' projects only, and none to an enterprise or an unrelated association", async () => {
    const res = await call<PortfolioProjects>(consultant, 'GET', '/api/portfolio/projects');
    expect(res.status).toBe(200);
    expect(res.body.projects.map((p) => p.id).sort()).toEqual(machinery.projects.map((p) => p.id).sort());
    expect(res.body.projects.every((p) => p.enterpriseId === org('明远'))).toBe(true);
    const enterprise = await call<{ error: { code: string } }>(cio, 'GET', '/api/portfolio/projects');
    expect([enterprise.status, enterprise.body.error.code]).toEqual([403, 'forbidden']);
    const other = await call<PortfolioProjects>(association, 'GET', '/api/portfolio/projects');
    expect(other.status).toBe(200);
    expect(other.body.projects).toEqual([]);
  });
});
