import { beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { OrganisationView } from '../../contracts/organisations.ts';
import type { Portfolio } from '../../contracts/portfolio.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { ADMIN_EMAIL } from '../../db/seed/platform-admin.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { INVITEE_PASSWORD, joinByInvitation } from '../../../tests/support/invitations.ts';

const ADMIN_PASSWORD = 'platform-admin-password';
const CONSULTANT = 'consultant@demo.tupu.local';
const CLIENT = '启明客户甲精工有限公司';

describe.each(testEngines())('GET /api/portfolio on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all', platformAdminPassword: ADMIN_PASSWORD });
  const { signIn, call } = api;
  let consultant = '';
  let clientId = '';
  let submittedId = '';

  const portfolio = (cookie: string, query = '') => call<Portfolio>(cookie, 'GET', `/api/portfolio${query}`);
  const switchTo = async (cookie: string, orgId: string) =>
    expect((await call<Me>(cookie, 'POST', '/api/auth/organisation', { orgId })).status).toBe(200);

  beforeAll(async () => {
    // the consultant's provider takes on a client: creates it, joins it, diagnoses it twice and starts a plan
    consultant = await signIn(CONSULTANT);
    const me = (await call<Me>(consultant, 'GET', '/api/auth/me')).body;
    const providerId = me.organisation.orgId;
    const created = await call<OrganisationView>(consultant, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: CLIENT,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    clientId = created.body.id;
    await joinByInvitation(api, consultant, clientId, {
      email: CONSULTANT,
      role: 'editor',
      password: DEMO_PASSWORD,
    });

    await switchTo(consultant, clientId);
    const first = await call<AssessmentSummary>(consultant, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '客户甲 首次诊断',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    submittedId = first.body.id;
    await call(consultant, 'PUT', `/api/assessments/${submittedId}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'C', 设备数字化: 55 },
    });
    expect((await call(consultant, 'POST', `/api/assessments/${submittedId}/submit`, {})).status).toBe(200);
    const plan = await call(consultant, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    await switchTo(consultant, providerId);
  });

  it('shows the provider its client with the latest assessment, its score, the counts and the own role', async () => {
    const res = await portfolio(consultant);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // its own client, and the two demo enterprises the consultant was invited into as an editor
    expect(res.body.enterprises.map((e) => e.name).sort()).toEqual(
      [CLIENT, '明远精密机械有限公司（演示）', '锦华纺织科技有限公司（演示）'].sort(),
    );
    expect(res.body.enterprises.every((e) => e.myRole === 'editor')).toBe(true);
    const client = res.body.enterprises.find((e) => e.id === clientId)!;
    expect(client).toMatchObject({
      id: clientId,
      name: CLIENT,
      assessmentCount: 1,
      planCount: 1,
      myRole: 'editor',
      latestAssessment: {
        id: submittedId,
        title: '客户甲 首次诊断',
        modelId: 'sme-digital-level-2024',
        status: 'submitted',
        maxScore: 100,
      },
      latestPlan: { title: DEMO_PLAN_REQUEST.title, status: null, objective: null },
    });
    expect(client.latestAssessment?.score).toBeGreaterThan(0);
    expect(client.latestAssessment?.modelTitle?.zh).toBeTruthy();
    expect(res.body).toMatchObject({ matching: 3, truncated: false });
    expect(res.body.totals).toMatchObject({ enterprises: 3, diagnosed: 1, planned: 1 });
    const [distribution] = res.body.totals.levelsByModel;
    expect(distribution?.modelId).toBe('sme-digital-level-2024');
    expect(distribution?.levels.reduce((n, l) => n + l.enterprises, 0)).toBe(1);
  });

  it('shows a newer draft as the latest assessment, and still counts the client as diagnosed', async () => {
    await switchTo(consultant, clientId);
    const draft = await call<AssessmentSummary>(consultant, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '客户甲 复评',
    });
    expect(draft.status).toBe(201);
    const me = (await call<Me>(consultant, 'GET', '/api/auth/me')).body;
    await switchTo(consultant, me.memberships.find((m) => m.orgKind === 'service_provider')!.orgId);

    const res = (await portfolio(consultant)).body;
    expect(res.enterprises.find((e) => e.id === clientId)).toMatchObject({
      assessmentCount: 2,
      latestAssessment: { id: draft.body.id, status: 'draft', score: null, maxScore: null, level: null },
    });
    expect(res.totals).toMatchObject({ enterprises: 3, diagnosed: 1 });
  });

  it('refuses an enterprise user with 403 and an anonymous caller with 401', async () => {
    const cio = await signIn('cio@demo.tupu.local');
    const res = await portfolio(cio);
    expect(res.status).toBe(403);
    expect((await call(' ', 'GET', '/api/portfolio')).status).toBe(401);
  });

  it("does not show a sibling provider the other provider's client, but shows the region its providers' clients", async () => {
    const region = await signIn('region@demo.tupu.local');
    const sibling = await call<OrganisationView>(region, 'POST', '/api/organisations', {
      kind: 'service_provider',
      name: '另一家数字化服务商',
    });
    expect(sibling.status).toBe(201);
    await joinByInvitation(api, region, sibling.body.id, {
      email: 'lead@other-provider.example',
      displayName: '另一家服务商管理员',
      role: 'admin',
    });
    const other = await signIn('lead@other-provider.example', INVITEE_PASSWORD);
    const theirs = await portfolio(other);
    expect(theirs.status).toBe(200);
    expect(theirs.body.enterprises).toEqual([]);
    expect(theirs.body.totals).toMatchObject({ enterprises: 0, diagnosed: 0, planned: 0, levelsByModel: [] });

    // the region sees every enterprise below it: its own pilot enterprises and the provider's client
    const regional = (await portfolio(region)).body;
    expect(regional.enterprises.map((e) => e.name).sort()).toEqual(
      [
        '江川新材料化工有限公司（演示）',
        '锦华纺织科技有限公司（演示）',
        '明远精密机械有限公司（演示）',
        CLIENT,
      ].sort(),
    );
    expect(regional.enterprises.every((e) => e.myRole === null)).toBe(true);

    // the platform sees every enterprise
    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const all = (await portfolio(platform)).body;
    expect(all.totals.enterprises).toBe(4);
    expect(all.enterprises.map((e) => e.name)).toContain(CLIENT);
  });

  it('searches by name, caps the list at `limit` and says so with `truncated`', async () => {
    const region = await signIn('region@demo.tupu.local');
    const capped = (await portfolio(region, '?limit=2')).body;
    expect(capped).toMatchObject({ matching: 4, truncated: true, limit: 2 });
    expect(capped.enterprises).toHaveLength(2);
    expect(capped.totals.enterprises).toBe(4);

    const found = (await portfolio(region, `?q=${encodeURIComponent('纺织')}`)).body;
    expect(found.enterprises.map((e) => e.name)).toEqual(['锦华纺织科技有限公司（演示）']);
    expect(found).toMatchObject({ matching: 1, truncated: false });
    expect(found.totals.enterprises).toBe(4);

    expect((await portfolio(region, '?limit=100000')).status).toBe(400);
  });

  it('shows a viewer of a provider, who manages no organisations, only the clients they were invited into', async () => {
    const region = await signIn('region@demo.tupu.local');
    const me = (await call<Me>(consultant, 'GET', '/api/auth/me')).body;
    const provider = me.memberships.find((m) => m.orgKind === 'service_provider')!;
    await joinByInvitation(api, region, provider.orgId, {
      email: 'intern@provider.example',
      displayName: '实习生',
      role: 'viewer',
    });
    const viewer = await signIn('intern@provider.example', INVITEE_PASSWORD);
    const before = await portfolio(viewer);
    expect(before.status).toBe(200);
    expect(before.body.enterprises).toEqual([]);
    expect(before.body.totals.enterprises).toBe(0);

    await joinByInvitation(api, consultant, clientId, { email: 'intern@provider.example', role: 'viewer' });
    const after = (await portfolio(viewer)).body;
    expect(after.enterprises.map((e) => [e.name, e.myRole])).toEqual([[CLIENT, 'viewer']]);
  });

  it('is described in the OpenAPI document, with the 403 of an enterprise', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ paths: Record<string, { get?: { responses: Record<string, unknown> } }> }>();
    expect(Object.keys(doc.paths['/api/portfolio']?.get?.responses ?? {})).toEqual(['200', '401', '403']);
  });
});
