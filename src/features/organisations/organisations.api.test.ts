import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  IssuedInvitation,
  MemberList,
  OrganisationList,
  OrganisationView,
} from '../../contracts/organisations.ts';
import { queryRows } from '../../db/client.ts';
import { findUserByEmail } from '../../server/sessions/accounts.ts';
import { users } from '../../db/schema.ts';
import { ADMIN_EMAIL } from '../../db/seed/platform-admin.ts';
import { sessionCookie, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';

const ADMIN_PASSWORD = 'platform-admin-password';
const REGION = 'region@demo.tupu.local';
const CIO = 'cio@demo.tupu.local';
const CONSULTANT = 'consultant@demo.tupu.local';

interface ErrorJson {
  error: { code: string; message: string };
}

describe.each(testEngines())('organisations and members API on %s', (engine) => {
  const api = useApiApp(engine, { platformAdminPassword: ADMIN_PASSWORD });
  const { signIn, call } = api;
  const { org, remember } = useOrganisationIds(api);

  const members = (orgId: string) => `/api/organisations/${orgId}/members`;
  const invitations = (orgId: string) => `/api/organisations/${orgId}/invitations`;
  const createOrganisation = <T = ErrorJson>(cookie: string, payload: object) =>
    call<T>(cookie, 'POST', '/api/organisations', payload);

  it('lists the region authority with its child organisations, and everything for the platform', async () => {
    const region = await signIn(REGION);
    const res = await call<OrganisationList>(region, 'GET', '/api/organisations');
    expect(res.status).toBe(200);
    const list = res.body;
    expect(list.organisations[0]).toMatchObject({ kind: 'authority', parentId: null, memberCount: 1 });
    expect(
      list.organisations
        .slice(1)
        .map((o) => o.kind)
        .sort(),
    ).toEqual(['enterprise', 'enterprise', 'enterprise', 'service_provider']);
    expect(list.organisations.slice(1).every((o) => o.parentId === list.organisations[0]!.id)).toBe(true);
    expect(list.canCreate).toEqual(['enterprise', 'service_provider']);

    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const all = (await call<OrganisationList>(platform, 'GET', '/api/organisations')).body;
    expect(all.organisations).toHaveLength(7);
    expect(all.organisations[0]!.kind).toBe('platform');
    expect(all.canCreate).toEqual(['enterprise', 'service_provider', 'authority', 'association']);

    const cio = await signIn(CIO);
    const own = (await call<OrganisationList>(cio, 'GET', '/api/organisations')).body;
    expect(own.organisations.map((o) => o.name)).toEqual(['明远精密机械有限公司（演示）']);
    expect(own.canCreate).toEqual([]);
  });

  it('lets the region admin create a pilot enterprise, trimmed and with its region code, and refuses a duplicate name with 409', async () => {
    const region = await signIn(REGION);
    const res = await createOrganisation<OrganisationView>(region, {
      kind: 'enterprise',
      name: '  试点企业甲  ',
      regionCode: '330100',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = res.body;
    expect(created).toMatchObject({
      kind: 'enterprise',
      name: '试点企业甲',
      parentId: org('示范市经济'),
      regionCode: '330100',
      memberCount: 0,
    });
    remember(created);

    const dup = await createOrganisation<ErrorJson>(region, {
      kind: 'service_provider',
      name: '试点企业甲 ',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate_name' });
    expect(dup.body.error.message).toContain('试点企业甲');

    const dupCase = await createOrganisation(region, {
      kind: 'enterprise',
      name: '明远精密机械有限公司（演示）'.toUpperCase(),
    });
    expect(dupCase.status).toBe(409);

    // the same name under another parent is another organisation
    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const top = await createOrganisation<OrganisationView>(platform, {
      kind: 'enterprise',
      name: '试点企业甲',
    });
    expect(top.status).toBe(201);
    expect(top.body.parentId).toBeNull();
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from organisations where name = '试点企业甲'`,
    );
    expect(n).toBe(2);
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const region = await signIn(REGION);
    const before = (await call<OrganisationList>(region, 'GET', '/api/organisations')).body.organisations
      .length;
    const cases: [object, string][] = [
      [{ kind: 'enterprise', name: '   ' }, 'name'],
      [{ kind: 'enterprise', name: '名'.repeat(201) }, 'name'],
      [{ kind: 'enterprise' }, 'name'],
      [{ kind: 'enterprise', name: '区划码错误', regionCode: '33010' }, 'regionCode'],
      [{ kind: 'enterprise', name: '区划码错误', regionCode: '33010a' }, 'regionCode'],
      [{ kind: 'platform', name: '第二个平台' }, 'kind'],
      [{ kind: 'enterprise', name: '上级错误', parentId: 'nope' }, 'parentId'],
    ];
    for (const [payload, field] of cases) {
      const res = await createOrganisation<ErrorJson>(region, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const after = (await call<OrganisationList>(region, 'GET', '/api/organisations')).body.organisations
      .length;
    expect(after).toBe(before);
  });

  it('refuses enterprise admins, editors, the wrong kind and another parent; lets a provider admin create a client', async () => {
    const cio = await signIn(CIO);
    const byEnterprise = await createOrganisation(cio, { kind: 'enterprise', name: '子公司' });
    expect(byEnterprise.status).toBe(403);

    const region = await signIn(REGION);
    const authority = await createOrganisation<ErrorJson>(region, { kind: 'authority', name: '另一个局' });
    expect(authority.status).toBe(403);
    expect(authority.body.error.message).toContain('enterprise, service_provider');
    const elsewhere = await createOrganisation(region, {
      kind: 'enterprise',
      name: '挂错上级',
      parentId: org('明远'),
    });
    expect(elsewhere.status).toBe(403);

    const consultant = await signIn(CONSULTANT);
    const client = await createOrganisation<OrganisationView>(consultant, {
      kind: 'enterprise',
      name: '服务商客户',
    });
    expect(client.status).toBe(201);
    expect(client.body.parentId).toBe(org('启明'));
    const provider = await createOrganisation(consultant, { kind: 'service_provider', name: '分包商' });
    expect(provider.status).toBe(403);

    // the consultant is only an editor of the machinery maker
    const switched = await call(consultant, 'POST', '/api/auth/organisation', { orgId: org('明远') });
    expect(switched.status).toBe(200);
    for (const [method, url, payload] of [
      ['GET', '/api/organisations', undefined],
      ['POST', '/api/organisations', { kind: 'enterprise', name: '编辑者建的' }],
      ['GET', members(org('明远')), undefined],
      ['POST', invitations(org('明远')), { email: 'x@example.com', role: 'viewer' }],
      ['GET', invitations(org('明远')), undefined],
    ] as const) {
      const res = await call(consultant, method, url, payload);
      expect(res.status, `${method} ${url}`).toBe(403);
    }
  });

  it("shows a child's members to its parent's admin and hides other tenants' organisations (404)", async () => {
    const region = await signIn(REGION);
    const res = await call<MemberList>(region, 'GET', members(org('明远')));
    expect(res.status).toBe(200);
    const list = res.body;
    expect(list.organisation.name).toBe('明远精密机械有限公司（演示）');
    expect(list.members.map((m) => [m.email, m.role])).toEqual([
      [CIO, 'admin'],
      [CONSULTANT, 'editor'],
    ]);

    expect((await call(region, 'GET', members(org('示范市装备')))).status).toBe(404);
    const cio = await signIn(CIO);
    expect((await call(cio, 'GET', members(org('明远')))).status).toBe(200);
    expect((await call(cio, 'GET', members(org('示范市经济')))).status).toBe(404);
    expect((await call(cio, 'GET', members(org('江川')))).status).toBe(404);
    expect((await call(cio, 'GET', members('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    const badId = await call<ErrorJson>(cio, 'GET', members('not-a-uuid'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('orgId');
    // the platform manages every organisation
    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await call(platform, 'GET', members(org('江川')))).status).toBe(200);
  });

  it('invites a new user who joins only by accepting, with their own name and password, stored only hashed', async () => {
    const region = await signIn(REGION);
    const target = org('试点企业甲');
    const res = await call<IssuedInvitation>(region, 'POST', invitations(target), {
      email: '  New.Admin@Pilot.example ',
      role: 'admin',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.invitation).toMatchObject({
      email: 'new.admin@pilot.example',
      role: 'admin',
      status: 'pending',
    });
    expect(await findUserByEmail(api.database.db, 'new.admin@pilot.example')).toBeUndefined();

    const accepted = await api.app.inject({
      method: 'POST',
      url: '/api/invitations/by-code/accept',
      payload: { code: res.body.code, displayName: ' 李新 ', password: 'my-own-password-2024' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [stored] = await api.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'new.admin@pilot.example'));
    expect(stored).toMatchObject({ displayName: '李新', mustChangePassword: false });
    expect(stored?.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(stored?.passwordHash).not.toContain('my-own-password-2024');

    const signInRes = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'new.admin@pilot.example', password: 'my-own-password-2024' },
    });
    expect(signInRes.statusCode).toBe(200);
    expect(signInRes.json()).toMatchObject({
      user: { mustChangePassword: false },
      organisation: { orgId: target, role: 'admin' },
    });
    // the new admin manages their own enterprise's members
    expect((await call(sessionCookie(signInRes), 'GET', members(target))).status).toBe(200);

    const again = await call<ErrorJson>(region, 'POST', invitations(target), {
      email: 'new.admin@pilot.example',
      role: 'viewer',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_member');
  });

  it('makes an existing user a member only when they accept, without touching their password, and rejects bad input naming the field', async () => {
    const region = await signIn(REGION);
    const target = org('试点企业甲');
    const res = await call<IssuedInvitation>(region, 'POST', invitations(target), {
      email: CIO.toUpperCase(),
      role: 'viewer',
    });
    expect(res.status).toBe(202);
    const emails = async () => (await call<MemberList>(region, 'GET', members(target))).body.members;
    expect((await emails()).map((m) => m.email)).not.toContain(CIO);
    const cio = await signIn(CIO);
    const accepted = await call(cio, 'POST', `/api/invitations/${res.body.invitation.id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await emails()).find((m) => m.email === CIO)).toMatchObject({
      displayName: '林晓（首席信息官）',
      role: 'viewer',
      mustChangePassword: false,
    });
    await signIn(CIO); // the demo password still works

    const usersBefore = (
      await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from users`)
    )[0]?.n;
    for (const [payload, field] of [
      [{ email: 'not-an-email', role: 'viewer' }, 'email'],
      [{ email: 'a@example.com', role: 'owner' }, 'role'],
    ] as const) {
      const bad = await call<ErrorJson>(region, 'POST', invitations(target), payload);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain(field);
    }
    const badRole = await call<ErrorJson>(region, 'PATCH', `${members(target)}/${await signInUserId(CIO)}`, {
      role: 'root',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toContain('role');
    const usersAfter = (
      await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from users`)
    )[0]?.n;
    expect(usersAfter).toBe(usersBefore);
  });

  async function signInUserId(email: string): Promise<string> {
    const [row] = await api.database.db.select().from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  }

  it('never demotes or removes the last admin (409), and removing a member ends their session there', async () => {
    const region = await signIn(REGION);
    const target = org('试点企业甲');
    const firstAdmin = await signInUserId('new.admin@pilot.example');
    const demote = await call<ErrorJson>(region, 'PATCH', `${members(target)}/${firstAdmin}`, {
      role: 'editor',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: 'last_admin' });
    const remove = await call(region, 'DELETE', `${members(target)}/${firstAdmin}`);
    expect(remove.status).toBe(409);

    const cio = await signInUserId(CIO);
    const promote = await call(region, 'PATCH', `${members(target)}/${cio}`, { role: 'admin' });
    expect(promote.status).toBe(200);
    expect(promote.body).toMatchObject({ role: 'admin', email: CIO });

    const newAdmin = await signIn('new.admin@pilot.example', 'my-own-password-2024');
    expect((await call(region, 'PATCH', `${members(target)}/${firstAdmin}`, { role: 'editor' })).status).toBe(
      200,
    );
    const removed = await call(region, 'DELETE', `${members(target)}/${firstAdmin}`);
    expect(removed.status).toBe(204);
    expect((await call(newAdmin, 'GET', '/api/auth/me')).status).toBe(401);
    const list = (await call<MemberList>(region, 'GET', members(target))).body;
    expect(list.members.map((m) => [m.email, m.role])).toEqual([[CIO, 'admin']]);

    // now the CIO is the last admin there
    expect((await call(region, 'DELETE', `${members(target)}/${cio}`)).status).toBe(409);
    expect((await call(region, 'DELETE', `${members(target)}/${firstAdmin}`)).status).toBe(404);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.app.inject('/api/openapi.json')).json<{ paths: Record<string, object> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/organisations',
        '/api/organisations/{orgId}/members',
        '/api/organisations/{orgId}/members/{userId}',
      ]),
    );
  });
});
