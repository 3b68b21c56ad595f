import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../contracts/audit.ts';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { OrganisationView } from '../../contracts/organisations.ts';
import { queryRows } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { findUserByEmail } from '../../server/sessions/accounts.ts';
import { signInDemoRoles, useApiApp, type DemoRoles } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { testTenant } from '../../../tests/support/tenant.ts';
import { recordAudit } from './record-audit.ts';

const SME = 'sme-digital-level-2024';
const CIO_NAME = '林晓（首席信息官）';

/** The database's own refusal (drizzle wraps it: the trigger's message is the cause's). */
async function refusedByDatabase(write: Promise<unknown>): Promise<string> {
  const error: unknown = await write.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  return cause instanceof Error ? cause.message : String(cause);
}

describe.each(testEngines())('GET /api/audit on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let roles: DemoRoles;
  let assessmentId: string;

  const audit = (cookie: string, query = '') => api.call<AuditPage>(cookie, 'GET', `/api/audit${query}`);
  const countEvents = async (orgId: string) =>
    (
      await queryRows<{ n: number }>(
        api.database.db,
        sql`select count(*)::int as n from audit_events where org_id = ${orgId}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    roles = await signInDemoRoles(api);
    const created = await api.call<AssessmentSummary>(roles.cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: '审计测试诊断',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    assessmentId = created.body.id;
  });

  it('records a write with who, when, what, before and after, in the same transaction as the change', async () => {
    const url = `/api/assessments/${assessmentId}/answers`;
    const first = await api.call<{ versions: Record<string, number> }>(roles.cio, 'PUT', url, {
      answers: { 产品设计: 2 },
      versions: {},
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await api.call(roles.cio, 'PUT', url, {
      answers: { 产品设计: 3 },
      versions: first.body.versions,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);

    const page = await audit(roles.cio, '?action=assessment.answer.save');
    expect(page.status).toBe(200);
    const cio = await findUserByEmail(api.database.db, 'cio@demo.tupu.local');
    expect(page.body.events).toHaveLength(2);
    expect(page.body.events[0]).toMatchObject({
      action: 'assessment.answer.save',
      entityType: 'assessment',
      entityId: assessmentId,
      actor: { userId: cio!.id, name: CIO_NAME },
      before: { 产品设计: 2 },
      after: { 产品设计: 3 },
    });
    expect(page.body.events[1]).toMatchObject({ before: { 产品设计: null }, after: { 产品设计: 2 } });
    const at = Date.parse(page.body.events[0]!.at);
    expect(Math.abs(Date.now() - at)).toBeLessThan(60_000);
    expect(page.body.events[0]!.requestId).not.toBe(page.body.events[1]!.requestId);
    // the creation too, from the set-up
    const creation = await audit(roles.cio, `?entityId=${assessmentId}&action=assessment.create`);
    expect(creation.body.events).toMatchObject([
      { action: 'assessment.create', after: { title: '审计测试诊断', modelId: SME } },
    ]);

    // a refused write (stale version: nothing stored) leaves no event
    const before = await countEvents(roles.orgId);
    const stale = await api.call(roles.cio, 'PUT', url, { answers: { 产品设计: 1 }, versions: {} });
    expect(stale.status).toBe(409);
    expect(await countEvents(roles.orgId)).toBe(before);
  });

  it('records a write whose use case records nothing itself: who, when, method, route, status', async () => {
    const upload = await api.app.inject({
      method: 'POST',
      url: `/api/ledgers/uploads?fileName=${encodeURIComponent('审计台账.csv')}`,
      headers: { cookie: roles.cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('日期,营业收入（万元）\n2025-01-15,100\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const page = await audit(roles.cio, '?action=http.post&entity=route');
    expect(page.body.events).toHaveLength(1);
    expect(page.body.events[0]).toMatchObject({
      actor: { name: CIO_NAME },
      entityId: '/api/ledgers/uploads',
      after: { method: 'POST', route: '/api/ledgers/uploads', params: {}, status: 201 },
    });
  });

  it('records an invitation with its email and role, never its one-time code', async () => {
    const invited = await api.call<{ code: string; invitation: { id: string } }>(
      roles.cio,
      'POST',
      `/api/organisations/${roles.orgId}/invitations`,
      { email: 'audit-invitee@demo.tupu.local', role: 'viewer' },
    );
    expect(invited.status, JSON.stringify(invited.body)).toBe(202);
    const page = await audit(roles.cio, '?action=organisation.invitation');
    expect(page.body.events).toMatchObject([
      {
        action: 'organisation.invitation.create',
        entityId: invited.body.invitation.id,
        after: { email: 'audit-invitee@demo.tupu.local', role: 'viewer' },
      },
    ]);
    expect(JSON.stringify((await audit(roles.cio, '?limit=200')).body)).not.toContain(invited.body.code);
  });

  it('filters by time, actor, action, entity and text, and pages with a cursor', async () => {
    const cio = await findUserByEmail(api.database.db, 'cio@demo.tupu.local');
    const all = (await audit(roles.cio, '?limit=200')).body.events;
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());

    // the CIO's writes and sign-in, and the viewer's sign-in (the viewer writes nothing)
    const byCio = all.filter((e) => e.actor.userId === cio!.id);
    expect(byCio.length).toBe(all.length - 1);
    expect((await audit(roles.cio, `?actor=${cio!.id}`)).body.events).toEqual(byCio);
    expect((await audit(roles.cio, `?actor=${encodeURIComponent('林晓')}`)).body.events).toEqual(byCio);
    expect(
      (await audit(roles.cio, '?actor=viewer')).body.events.map((e) => [e.actor.name, e.action]),
    ).toEqual([['Viewer', 'auth.sign_in']]);
    expect((await audit(roles.cio, `?actor=${encodeURIComponent('周宁')}`)).body.events).toEqual([]);
    expect((await audit(roles.cio, '?action=assessment.')).body.events.map((e) => e.action).sort()).toEqual([
      'assessment.answer.save',
      'assessment.answer.save',
      'assessment.create',
    ]);
    expect((await audit(roles.cio, '?entity=assessment')).body.events).toHaveLength(3);
    const text = (await audit(roles.cio, `?text=${encodeURIComponent('产品设计')}`)).body.events;
    expect(text.map((e) => e.action)).toEqual(['assessment.answer.save', 'assessment.answer.save']);
    // % and _ are taken literally
    expect((await audit(roles.cio, '?text=%25')).body.events).toEqual([]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await audit(roles.cio, `?from=${future}`)).body.events).toEqual([]);
    expect((await audit(roles.cio, `?to=${future}`)).body.events).toHaveLength(all.length);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AuditPage } = await audit(
        roles.cio,
        `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.body.events.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.events.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length <= all.length);
    expect(seen).toEqual(all.map((e) => e.id));
    expect((await audit(roles.cio, '?cursor=nonsense')).status).toBe(400);
  });

  it('records a sign-in in the trail of the organisation the session acts for, and a refused one nowhere', async () => {
    const before = await countEvents(roles.orgId);
    const refused = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'cio@demo.tupu.local', password: 'not the password' },
    });
    expect(refused.statusCode).toBe(401);
    expect(await countEvents(roles.orgId)).toBe(before);
    await api.signIn('cio@demo.tupu.local');
    const cio = await findUserByEmail(api.database.db, 'cio@demo.tupu.local');
    const [latest] = (await audit(roles.cio, '?action=auth.sign_in&limit=1')).body.events;
    expect(latest).toMatchObject({
      action: 'auth.sign_in',
      entityType: 'session',
      entityId: cio!.id,
      actor: { userId: cio!.id, name: CIO_NAME },
      after: { email: 'cio@demo.tupu.local', address: expect.any(String) as string },
    });
    expect(await countEvents(roles.orgId)).toBe(before + 1);
  });

  it('answers 401 without a session and 403 to a member who is not an administrator', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const viewer = await audit(roles.viewer);
    expect(viewer.status).toBe(403);
    expect(JSON.stringify(viewer.body)).not.toContain(assessmentId);
  });

  it("shows another organisation's administrator their own trail only, nothing of ours", async () => {
    const theirs = await api.call<AssessmentSummary>(roles.cdo, 'POST', '/api/assessments', {
      modelId: SME,
      title: '他们的诊断',
    });
    expect(theirs.status).toBe(201);
    const page = await audit(roles.cdo, '?limit=200');
    expect(page.status).toBe(200);
    const cdo = await findUserByEmail(api.database.db, 'cdo@demo.tupu.local');
    expect(page.body.events.map((e) => [e.action, e.entityId])).toEqual([
      ['assessment.create', theirs.body.id],
      ['auth.sign_in', cdo!.id],
    ]);
    const body = JSON.stringify(page.body);
    for (const secret of [assessmentId, roles.orgId, CIO_NAME, '审计测试诊断'])
      expect(body).not.toContain(secret);
    // nor by asking for our ids
    expect((await audit(roles.cdo, `?entityId=${assessmentId}`)).body.events).toEqual([]);
  });

  it('cannot be changed: the API has no route to change an event, and the database refuses it', async () => {
    const routes = api.app.declaredRoutes.filter((r) => r.url.startsWith('/api/audit'));
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/audit', 'HEAD /api/audit']);
    const [event] = (await audit(roles.cio, '?limit=1')).body.events;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await api.call(
        roles.cio,
        method,
        `/api/audit/${event!.id}`,
        method === 'DELETE' ? undefined : {},
      );
      expect(res.status).toBe(404);
      const all = await api.call(roles.cio, method, '/api/audit', method === 'DELETE' ? undefined : {});
      expect(all.status).toBe(404);
    }
    const count = await countEvents(roles.orgId);
    expect(
      await refusedByDatabase(api.database.db.update(auditEvents).set({ after: { forged: true } })),
    ).toMatch(/audit_events is append-only: UPDATE refused/);
    expect(await refusedByDatabase(api.database.db.delete(auditEvents))).toMatch(
      /audit_events is append-only: DELETE refused/,
    );
    expect(await countEvents(roles.orgId)).toBe(count);
    const [unchanged] = (await audit(roles.cio, '?limit=1')).body.events;
    expect(unchanged).toEqual(event);
  });

  it("deletes an organisation with its trail, and records the deletion in the deleting organisation's", async () => {
    const region = await api.signIn('region@demo.tupu.local');
    const child = await api.call<OrganisationView>(region, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: '审计将删企业',
    });
    expect(child.status, JSON.stringify(child.body)).toBe(201);
    await recordAudit(
      api.database.db,
      {
        tenant: testTenant(child.body.id),
        actorUserId: null,
        actorDisplay: 'test',
        requestId: null,
      },
      { action: 'test.write', entityType: 'test' },
    );
    expect(await countEvents(child.body.id)).toBe(1);

    const deleted = await api.call(region, 'DELETE', `/api/organisations/${child.body.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect(await countEvents(child.body.id)).toBe(0);
    const page = await audit(region, '?action=organisation.delete');
    expect(page.body.events).toMatchObject([
      {
        entityType: 'organisation',
        entityId: child.body.id,
        actor: { name: '王珏（试点办）' },
        before: { name: '审计将删企业', kind: 'enterprise' },
      },
    ]);
  });
});
