import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { PlanProjects, ProjectInvitations, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import type { Role } from '../../db/schema.ts';
import { organisations } from '../../db/schema.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { hashPassword } from '../auth/password.ts';
import { addMembership, createUser } from '../../server/sessions/accounts.ts';
import { AppError } from '../../server/app-error.ts';
import { loadDeliveryPackOrThrow } from '../../packs/delivery-pack.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';
import { testTenant } from '../../../tests/support/tenant.ts';
import { inviteProvider } from './invite-provider.ts';
import { deliveryRepository } from './repository.ts';

type Err = { error: { code: string; message: string } };

describe.each(testEngines())('provider invitations to a project on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { call } = api;
  const { org } = useOrganisationIds(api);
  let cio: string;
  let cdo: string;
  /** admin, editor and viewer of the demo provider 启明 (members of nothing else) */
  let pAdmin: string;
  let pEditor: string;
  let pViewer: string;
  /** admin of another service provider, never invited */
  let otherAdmin: string;
  let providerId: string;
  let otherProviderId: string;
  let plan: PlanView;
  let assessmentId: string;
  let a: ProjectView;
  let b: ProjectView;
  let invitationId: string;

  async function member(email: string, orgId: string, role: Role): Promise<string> {
    const user = await createUser(api.database.db, {
      email,
      displayName: email,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await addMembership(api.database.db, { orgId, userId: user.id, role });
    return api.signIn(email);
  }

  beforeAll(async () => {
    ({ cio, cdo } = await signInDemoRoles(api));
    providerId = org('启明');
    const [other] = await api.database.db
      .insert(organisations)
      .values({ kind: 'service_provider', name: '另一服务商（测试）' })
      .returning();
    otherProviderId = other!.id;
    pAdmin = await member('p-admin@test.local', providerId, 'admin');
    pEditor = await member('p-editor@test.local', providerId, 'editor');
    pViewer = await member('p-viewer@test.local', providerId, 'viewer');
    otherAdmin = await member('other-admin@test.local', otherProviderId, 'admin');
    const assessment = await call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '企业自己的诊断',
    });
    expect(assessment.status).toBe(201);
    assessmentId = assessment.body.id;
    const created = await call<PlanView>(cio, 'POST', '/api/plans', {
      ...DEMO_PLAN_REQUEST,
      title: '邀请测试',
    });
    const solved = await call<PlanView>(cio, 'POST', `/api/plans/${created.body.id}/solve`, {
      timeLimitSeconds: 5,
      frontier: false,
    });
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    plan = solved.body;
    const projects = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.id}/projects`, {});
    expect(projects.body.projects.length).toBeGreaterThan(1);
    const [first, second] = projects.body.projects;
    a = (await call<ProjectView>(cio, 'GET', `/api/projects/${first!.id}`)).body;
    b = (await call<ProjectView>(cio, 'GET', `/api/projects/${second!.id}`)).body;
  });

  const reload = async () => (await call<ProjectView>(cio, 'GET', `/api/projects/${a.id}`)).body;

  it('refuses to invite an organisation that is not a service provider, or none, alike, and writes nothing', async () => {
    const before = await reload();
    for (const providerOrgId of [org('江川'), '00000000-0000-4000-8000-000000000000', org('明远')]) {
      const res = await call<Err>(cio, 'POST', `/api/projects/${a.id}/invitations`, { providerOrgId });
      expect([res.status, res.body.error.code]).toEqual([400, 'invalid_invitation']);
      expect(res.body.error.message).toBe(
        `There is no service-provider organisation ${providerOrgId} to invite`,
      );
    }
    const after = await reload();
    expect([after.version, after.changes.length]).toEqual([before.version, before.changes.length]);
  });

  it('invites a provider once; before it accepts, its members see nothing of the project', async () => {
    const res = await call<ProjectInvitations>(cio, 'POST', `/api/projects/${a.id}/invitations`, {
      providerOrgId: providerId,
      reason: '中标服务商',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.invitations).toEqual([
      expect.objectContaining({ providerOrgId: providerId, status: 'pending', projectId: a.id }),
    ]);
    invitationId = res.body.invitations[0]!.id;
    const twice = await call<Err>(cio, 'POST', `/api/projects/${a.id}/invitations`, {
      providerOrgId: providerId,
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_invited']);
    expect((await call(pAdmin, 'GET', `/api/projects/${a.id}`)).status).toBe(404);
    const mine = await call<ProjectInvitations>(pAdmin, 'GET', '/api/project-invitations');
    expect(mine.body.invitations.map((i) => [i.id, i.status, i.enterpriseName])).toEqual([
      [invitationId, 'pending', expect.stringContaining('明远')],
    ]);
    // nobody else sees or answers it
    expect((await call<ProjectInvitations>(otherAdmin, 'GET', '/api/project-invitations')).body).toEqual({
      invitations: [],
    });
    expect((await call(otherAdmin, 'POST', `/api/project-invitations/${invitationId}/accept`)).status).toBe(
      404,
    );
    expect((await call(cdo, 'POST', `/api/project-invitations/${invitationId}/accept`)).status).toBe(404);
    // only the provider's administrators answer
    expect((await call(pEditor, 'POST', `/api/project-invitations/${invitationId}/accept`)).status).toBe(403);
  });

  it("once accepted, the provider's members read that project only — not its other projects, plans or assessments", async () => {
    const accepted = await call<ProjectInvitations>(
      pAdmin,
      'POST',
      `/api/project-invitations/${invitationId}/accept`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.invitations[0]?.status).toBe('accepted');
    const again = await call<Err>(pAdmin, 'POST', `/api/project-invitations/${invitationId}/decline`);
    expect([again.status, again.body.error.code]).toEqual([409, 'invitation_closed']);
    for (const cookie of [pAdmin, pEditor, pViewer]) {
      const seen = await call<ProjectView>(cookie, 'GET', `/api/projects/${a.id}`);
      expect([seen.status, seen.body.id]).toEqual([200, a.id]);
    }
    const refused: [string, string][] = [
      ['GET', `/api/projects/${b.id}`],
      ['GET', `/api/plans/${plan.id}`],
      ['GET', `/api/plans/${plan.id}/projects`],
      ['GET', `/api/assessments/${assessmentId}`],
      ['GET', `/api/projects/${a.id}/invitations`],
      ['PATCH', `/api/projects/${a.id}`],
      ['POST', `/api/projects/${a.id}/team`],
      ['POST', `/api/projects/${a.id}/invitations`],
    ];
    for (const [method, url] of refused) {
      const res = await call(pEditor, method as 'GET', url, method === 'GET' ? undefined : {});
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    const lists = [
      await call<{ projects: { id: string }[] }>(pEditor, 'GET', '/api/projects'),
      await call<{ plans: { id: string }[] }>(pEditor, 'GET', '/api/plans'),
      await call<{ assessments: { id: string }[] }>(pEditor, 'GET', '/api/assessments'),
    ];
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(a.id);
      expect(JSON.stringify(list.body)).not.toContain(plan.id);
      expect(JSON.stringify(list.body)).not.toContain(assessmentId);
    }
    // the other provider still sees nothing
    expect((await call(otherAdmin, 'GET', `/api/projects/${a.id}`)).status).toBe(404);
  });

  it("lets the provider change only what the pack's invited rights give it; a viewer of the provider changes nothing", async () => {
    const m = await call<ProjectView>(pEditor, 'POST', `/api/projects/${a.id}/milestones`, {
      title: '服务商里程碑',
      due: a.plannedFinish,
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const cost = await call<Err>(pEditor, 'POST', `/api/projects/${a.id}/costs`, {
      period: a.startPeriod,
      amount: 1,
    });
    expect([cost.status, cost.body.error.code]).toEqual([403, 'forbidden']);
    expect(cost.body.error.message).toMatch(/As the invited provider you may not change the project's costs/);
    for (const checklist of ['ip', 'filing', 'acceptance']) {
      const p = await reload();
      const item =
        checklist === 'ip' ? 'ip-clauses' : checklist === 'filing' ? 'budget-approved' : 'handover';
      const res = await call<Err>(
        pEditor,
        'PUT',
        `/api/projects/${a.id}/checklists/${checklist}/items/${item}`,
        {
          version: p.version,
          ticked: true,
          evidence: ['x.pdf'],
        },
      );
      expect([checklist, res.status]).toEqual([checklist, 403]);
      expect(res.body.error.message).toContain(`the checklist “${checklist}”`);
    }
    for (const [item, evidence] of [
      ['current-state', ['baseline.pdf']],
      ['pain-points', []],
      ['diagnosis-report', ['report.pdf']],
    ] as const) {
      const p = await reload();
      const res = await call(pEditor, 'PUT', `/api/projects/${a.id}/checklists/diagnosis/items/${item}`, {
        version: p.version,
        ticked: true,
        evidence,
      });
      expect([item, res.status]).toEqual([item, 200]);
    }
    const viewerTick = await call(pViewer, 'POST', `/api/projects/${a.id}/milestones`, {
      title: 'x',
      due: a.plannedFinish,
    });
    expect(viewerTick.status).toBe(403);
    // the provider's gate is passed by the provider
    const passed = await call<ProjectView>(pEditor, 'POST', `/api/projects/${a.id}/gates/diagnosis/pass`);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.gates[0]).toMatchObject({ id: 'diagnosis', passed: true, party: 'provider' });
    // and not the enterprise's
    const acceptance = await call<Err>(pEditor, 'POST', `/api/projects/${a.id}/gates/acceptance/pass`);
    expect(acceptance.status).toBe(400);
    // 验收满意度: the invited provider does not rate its own work
    const selfRating = await call<Err>(pEditor, 'PUT', `/api/projects/${a.id}/acceptance-rating`, {
      version: (await reload()).version,
      rating: 5,
    });
    expect([selfRating.status, selfRating.body.error.code]).toEqual([403, 'not_the_enterprise']);
    const after = await reload();
    expect(after.acceptance).toBeNull();
    expect(after.costs).toEqual([]);
    expect(after.milestones.map((x) => x.title)).toEqual(['服务商里程碑']);
  });

  it('records the invitation, acceptance and revocation in the change history; after revoking, the next request is refused', async () => {
    const revoked = await call<ProjectInvitations>(
      cio,
      'DELETE',
      `/api/projects/${a.id}/invitations/${invitationId}`,
      {
        reason: '合同终止',
      },
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.invitations[0]).toMatchObject({ id: invitationId, status: 'revoked' });
    expect((await call(pEditor, 'GET', `/api/projects/${a.id}`)).status).toBe(404);
    expect(
      (await call(pEditor, 'POST', `/api/projects/${a.id}/milestones`, { title: 'y', due: a.plannedFinish }))
        .status,
    ).toBe(404);
    expect(
      (await call<ProjectInvitations>(pAdmin, 'GET', '/api/project-invitations')).body.invitations,
    ).toEqual([]);
    const again = await call<Err>(pAdmin, 'POST', `/api/project-invitations/${invitationId}/accept`);
    expect([again.status, again.body.error.code]).toEqual([409, 'invitation_closed']);
    const history = (await reload()).changes.filter((c) => c.kind.startsWith('provider-'));
    expect(history.map((c) => [c.kind, c.reason])).toEqual([
      ['provider-invited', '中标服务商'],
      ['provider-accepted', ''],
      ['provider-revoked', '合同终止'],
    ]);
    expect(history[0]?.after).toMatchObject({ providerOrgId: providerId, status: 'pending' });
    expect(history.every((c) => c.by !== null && c.at.length > 0)).toBe(true);
    // a revoked provider can be invited anew
    const anew = await call(cio, 'POST', `/api/projects/${a.id}/invitations`, { providerOrgId: providerId });
    expect(anew.status).toBe(201);
  });

  it('lets a provider decline; a declined invitation gives no access', async () => {
    const res = await call<ProjectInvitations>(cio, 'POST', `/api/projects/${b.id}/invitations`, {
      providerOrgId: otherProviderId,
    });
    const id = res.body.invitations[0]!.id;
    const declined = await call<ProjectInvitations>(
      otherAdmin,
      'POST',
      `/api/project-invitations/${id}/decline`,
    );
    expect(declined.status).toBe(200);
    expect((await call(otherAdmin, 'GET', `/api/projects/${b.id}`)).status).toBe(404);
    const changes = (await call<ProjectView>(cio, 'GET', `/api/projects/${b.id}`)).body.changes;
    expect(changes.map((c) => c.kind)).toEqual(['provider-invited', 'provider-declined']);
  });

  it('refuses a provider the pool rule refuses (the extension point), naming it, and writes nothing', async () => {
    const pack = await loadDeliveryPackOrThrow();
    const repo = deliveryRepository(api.database.db);
    const enterprise = testTenant(org('明远'));
    const before = await reload();
    const deps = {
      repo,
      pack,
      now: () => new Date(),
      providerEligibility: async ({ providerOrgId }: { providerOrgId: string }) => [
        { field: 'providerOrgId', message: `Provider ${providerOrgId} is not in the pilot's pool` },
      ],
    };
    const error = await inviteProvider(deps, enterprise, before.changes[0]!.by!, a.id, {
      providerOrgId: otherProviderId,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).statusCode, (error as AppError).code]).toEqual([
      400,
      'provider_not_eligible',
    ]);
    expect((error as AppError).message).toBe(`Provider ${otherProviderId} is not in the pilot's pool`);
    const after = await reload();
    expect([after.version, after.changes.length]).toEqual([before.version, before.changes.length]);
  });
});
