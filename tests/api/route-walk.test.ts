/**
 * The route walk: every /api route, taken from the server's own list (`app.declaredRoutes`, filled as routes are
 * registered), is called three ways on both engines — without a session, as a viewer, and as the administrator of
 * an unrelated organisation with another organisation's ids — and must refuse each as its declared access says.
 * A new route is walked without editing this file; a new kind of path parameter fails here until it has a fixture.
 */
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { IssuedInvitation } from '../../src/contracts/organisations.ts';
import type { PlanProjects, ProjectInvitations, ProjectView } from '../../src/contracts/delivery.ts';
import type {
  LedgerImportList,
  LedgerImportView,
  LedgerUploadPreview,
} from '../../src/contracts/evaluation.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import type { DeclaredRoute } from '../../src/server/access/access-hook.ts';
import { findUserByEmail } from '../../src/server/sessions/accounts.ts';
import { signInDemoRoles, useApiApp, type DemoRoles } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';

const SME = 'sme-digital-level-2024';
const ITEM = '网络建设';

/** What a path parameter is filled with, and whether it names the other organisation's data. */
interface Fixture {
  value: string;
  tenant: boolean;
}

interface Fixtures {
  orgId: string;
  orgName: string;
  assessmentId: string;
  evidenceId: string;
  planId: string;
  planTitle: string;
  riskId: string;
  userId: string;
  invitationId: string;
  projectId: string;
  projectVersion: number;
  milestoneId: string;
  memberId: string;
  projectInvitationId: string;
  projectFileId: string;
  ledgerImportId: string;
}

/** The value of `param` in `route`: by the record the route lies under. */
function fixture(f: Fixtures, route: string, param: string): Fixture {
  const byPrefix: [string, Record<string, Fixture>][] = [
    [
      '/api/assessments/',
      {
        id: { value: f.assessmentId, tenant: true },
        evidenceId: { value: f.evidenceId, tenant: true },
        itemId: { value: encodeURIComponent(ITEM), tenant: true },
        format: { value: 'docx', tenant: true },
      },
    ],
    [
      '/api/plans/',
      {
        id: { value: f.planId, tenant: true },
        riskId: { value: f.riskId, tenant: true },
        format: { value: 'docx', tenant: true },
        initiativeId: { value: 'GEN-PM-01', tenant: true },
      },
    ],
    [
      '/api/organisations/',
      {
        orgId: { value: f.orgId, tenant: true },
        userId: { value: f.userId, tenant: true },
        invitationId: { value: f.invitationId, tenant: true },
      },
    ],
    [
      '/api/projects/',
      {
        id: { value: f.projectId, tenant: true },
        memberId: { value: f.memberId, tenant: true },
        milestoneId: { value: f.milestoneId, tenant: true },
        checklistId: { value: 'diagnosis', tenant: true },
        itemId: { value: 'pain-points', tenant: true },
        gateId: { value: 'diagnosis', tenant: true },
        invitationId: { value: f.projectInvitationId, tenant: true },
        fileId: { value: f.projectFileId, tenant: true },
        format: { value: 'pdf', tenant: true },
      },
    ],
    ['/api/ledgers/imports/', { id: { value: f.ledgerImportId, tenant: true } }],
    // the KPI catalogue belongs to no organisation; the values beneath a KPI are the caller's own
    [
      '/api/kpis/',
      { id: { value: 'profit-margin', tenant: false }, period: { value: '2025-01', tenant: false } },
    ],
    ['/api/project-invitations/', { invitationId: { value: f.projectInvitationId, tenant: true } }],
    ['/api/invitations/', { invitationId: { value: f.invitationId, tenant: true } }],
    // published to every member: the provider directory and the pools (who may change what: their API tests)
    ['/api/providers/', { id: { value: '00000000-0000-4000-8000-000000000001', tenant: false } }],
    ['/api/pools/', { id: { value: '00000000-0000-4000-8000-000000000002', tenant: false } }],
    // shared catalogues: indicator systems and atlases belong to no organisation
    ['/api/models/', { id: { value: SME, tenant: false } }],
    [
      '/api/atlas/packs/',
      { packId: { value: 'guide-2024', tenant: false }, code: { value: 'x', tenant: false } },
    ],
  ];
  const found = byPrefix.find(([prefix]) => route.startsWith(prefix))?.[1][param];
  if (!found) {
    throw new Error(`no fixture for :${param} in ${route}: add one to tests/api/route-walk.test.ts`);
  }
  return found;
}

const paramsOf = (route: string) => [...route.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);

/** The route's URL with every parameter filled in. */
const urlOf = (f: Fixtures, route: string) =>
  route.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, param: string) => fixture(f, route, param).value);

const takesTenantId = (f: Fixtures, route: string) =>
  paramsOf(route).some((p) => fixture(f, route, p).tenant);

const hasBody = (method: HTTPMethods) => method === 'POST' || method === 'PUT' || method === 'PATCH';

/** The routes to walk: the API's own, not the reference pages the documentation plugin adds. */
const walked = (app: FastifyInstance): readonly DeclaredRoute[] =>
  app.declaredRoutes.filter((r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

describe.each(testEngines())('the route walk on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let roles: DemoRoles;
  let f: Fixtures;
  /** audit events of every organisation once the set-up's writes are done */
  let auditedAfterSetUp: number;
  const auditEventCount = async () =>
    (await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from audit_events`))[0]!.n;

  /** One request with an empty JSON body where the method takes one: access is decided before the body is read. */
  const send = async (route: DeclaredRoute, cookie?: string) => {
    const res = await api.app.inject({
      method: route.method,
      url: urlOf(f, route.url),
      headers: cookie ? { cookie } : {},
      ...(hasBody(route.method) ? { payload: {} } : {}),
    });
    return { status: res.statusCode, body: res.body };
  };

  beforeAll(async () => {
    roles = await signInDemoRoles(api);
    const assessment = await api.call<AssessmentSummary>(roles.cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: '路由巡检诊断',
    });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    const evidence = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessment.body.id}/evidence?itemId=${encodeURIComponent(ITEM)}&fileName=scan.txt`,
      headers: { cookie: roles.cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('walk'),
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    const plan = await api.call<PlanView>(roles.cio, 'POST', '/api/plans', {
      ...DEMO_PLAN_REQUEST,
      title: '路由巡检规划',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const solved = await api.call(roles.cio, 'POST', `/api/plans/${plan.body.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    const projects = await api.call<PlanProjects>(
      roles.cio,
      'POST',
      `/api/plans/${plan.body.id}/projects`,
      {},
    );
    expect(projects.status, JSON.stringify(projects.body)).toBe(201);
    const projectId = projects.body.projects[0]!.id;
    await api.call(roles.cio, 'POST', `/api/projects/${projectId}/team`, { role: 'cio', name: '巡检' });
    const project = await api.call<ProjectView>(roles.cio, 'POST', `/api/projects/${projectId}/milestones`, {
      title: '巡检里程碑',
      due: projects.body.projects[0]!.plannedFinish,
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const invitation = await api.call<IssuedInvitation>(
      roles.cio,
      'POST',
      `/api/organisations/${roles.orgId}/invitations`,
      { email: 'walk@demo.tupu.local', role: 'viewer' },
    );
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(202);
    // the demo provider invited to the project (not yet accepted): its invitation id is the other's record too
    const [provider] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from organisations where kind = 'service_provider' limit 1`,
    );
    const projectInvitation = await api.call<ProjectInvitations>(
      roles.cio,
      'POST',
      `/api/projects/${projectId}/invitations`,
      { providerOrgId: provider!.id },
    );
    expect(projectInvitation.status, JSON.stringify(projectInvitation.body)).toBe(201);
    const projectFile = await api.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/checklists/ip/items/ip-clauses/files?fileName=clauses.txt`,
      headers: { cookie: roles.cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('clauses'),
    });
    expect(projectFile.statusCode, projectFile.body).toBe(201);
    const ledger = await api.app.inject({
      method: 'POST',
      url: `/api/ledgers/uploads?fileName=${encodeURIComponent('巡检台账.csv')}`,
      headers: { cookie: roles.cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('日期,营业收入（万元）,利润总额（万元）\n2025-01-15,100,10\n'),
    });
    expect(ledger.statusCode, ledger.body).toBe(201);
    const preview = ledger.json<LedgerUploadPreview>();
    const ledgerImport = await api.call<LedgerImportView>(roles.cio, 'POST', '/api/ledgers/imports', {
      uploadId: preview.uploadId,
      kind: 'financial',
      mapping: preview.mapping,
    });
    expect(ledgerImport.status, JSON.stringify(ledgerImport.body)).toBe(201);
    const viewer = await findUserByEmail(api.database.db, 'viewer@demo.tupu.local');
    f = {
      orgId: roles.orgId,
      orgName: invitation.body.invitation.orgName,
      assessmentId: assessment.body.id,
      evidenceId: evidence.json<Evidence>().id,
      planId: plan.body.id,
      planTitle: plan.body.title,
      riskId: plan.body.risks[0]!.id,
      userId: viewer!.id,
      invitationId: invitation.body.invitation.id,
      projectId,
      // read after the invitation, which moved it
      projectVersion: (await api.call<ProjectView>(roles.cio, 'GET', `/api/projects/${projectId}`)).body
        .version,
      milestoneId: project.body.milestones[0]!.id,
      memberId: project.body.team[0]!.id,
      projectInvitationId: projectInvitation.body.invitations[0]!.id,
      projectFileId: projectFile.json<Evidence>().id,
      ledgerImportId: ledgerImport.body.id,
    };
    auditedAfterSetUp = await auditEventCount();
  });

  it("records each of the set-up's twelve successful writes in the organisation's audit trail", async () => {
    const requests = await queryRows<{ request_id: string; actions: string }>(
      api.database.db,
      sql`select request_id, string_agg(action, ',' order by action) as actions from audit_events
        where org_id = ${roles.orgId} and action <> 'auth.sign_in' group by request_id`,
    );
    // one request id per write, whether its use case recorded its own event or the server's fallback did
    expect(requests).toHaveLength(12);
    expect(requests.every((r) => r.request_id !== null)).toBe(true);
    const actions = requests.flatMap((r) => r.actions.split(','));
    // and the sign-ins of the CIO and the viewer, who act for it
    const signIns = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from audit_events where org_id = ${roles.orgId} and action = 'auth.sign_in'`,
    );
    expect(signIns[0]!.n).toBe(2);
    expect(actions).toEqual(
      expect.arrayContaining([
        'assessment.create',
        'plan.create',
        'plan.solve',
        'project.create',
        'project.change',
      ]),
    );
  });

  it('walks every route the server registered, each with a declared access', () => {
    const routes = walked(api.app);
    // the API has over sixty routes: an empty or truncated list would make the walk prove nothing
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/auth/sign-in', 'GET /api/atlas/packs']),
    );
    // every parameter of every route has a fixture (throws naming the route otherwise)
    for (const r of routes) expect(urlOf(f, r.url)).not.toMatch(/\/:/);
  });

  it('answers 401 without a session on every route not declared public, before looking at the body', async () => {
    const wrong: string[] = [];
    for (const route of walked(api.app)) {
      if (route.access === 'public') continue;
      const res = await send(route);
      if (res.status !== 401 || !res.body.includes('"unauthorized"')) {
        wrong.push(`${route.method} ${route.url}: ${res.status} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a viewer on every write, before looking at the body', async () => {
    const wrong: string[] = [];
    const writes = walked(api.app).filter((r) => r.access === 'write' || r.access === 'admin');
    expect(writes.length).toBeGreaterThan(25);
    for (const route of writes) {
      const res = await send(route, roles.viewer);
      if (res.status !== 403)
        wrong.push(`${route.method} ${route.url}: ${res.status} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers 403 or 404 to an unrelated organisation's administrator on every route that takes an id, leaking nothing", async () => {
    const wrong: string[] = [];
    const secrets = () => [
      f.orgId,
      f.orgName,
      f.assessmentId,
      f.evidenceId,
      f.planId,
      f.planTitle,
      f.riskId,
      f.invitationId,
      f.projectId,
      f.milestoneId,
      f.memberId,
      f.projectInvitationId,
      f.projectFileId,
      f.ledgerImportId,
    ];
    const routes = walked(api.app).filter((r) => r.access !== 'public' && takesTenantId(f, r.url));
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const res = await send(route, roles.cdo);
      const leaked = secrets().filter((s) => res.body.includes(s));
      if ((res.status !== 403 && res.status !== 404) || leaked.length > 0) {
        wrong.push(
          `${route.method} ${route.url}: ${res.status} leaks [${leaked.join(', ')}] ${res.body.slice(0, 120)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    // and nothing of the other organisation was changed or removed by the attempts
    expect((await api.call(roles.cio, 'GET', `/api/plans/${f.planId}`)).status).toBe(200);
    expect((await api.call(roles.cio, 'GET', `/api/assessments/${f.assessmentId}`)).status).toBe(200);
    const project = await api.call<ProjectView>(roles.cio, 'GET', `/api/projects/${f.projectId}`);
    expect([project.status, project.body.version, project.body.team.length]).toEqual([
      200,
      f.projectVersion,
      1,
    ]);
    const evidence = await api.app.inject({
      method: 'GET',
      url: `/api/assessments/${f.assessmentId}/evidence/${f.evidenceId}`,
      headers: { cookie: roles.cio },
    });
    expect([evidence.statusCode, evidence.body]).toEqual([200, 'walk']);
    const file = await api.app.inject({
      method: 'GET',
      url: `/api/projects/${f.projectId}/files/${f.projectFileId}`,
      headers: { cookie: roles.cio },
    });
    expect([file.statusCode, file.body]).toEqual([200, 'clauses']);
    const imports = await api.call<LedgerImportList>(roles.cio, 'GET', '/api/ledgers/imports');
    expect(imports.body.imports.map((i) => i.id)).toEqual([f.ledgerImportId]);
  });

  it('left no audit event for any refused attempt of the walk (nothing was written)', async () => {
    expect(await auditEventCount()).toBe(auditedAfterSetUp);
  });
});
