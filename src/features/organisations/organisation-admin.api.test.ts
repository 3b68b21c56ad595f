import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  MemberList,
  OrganisationHoldings,
  OrganisationList,
  OrganisationView,
  PasswordReset,
} from '../../contracts/organisations.ts';
import { queryRows } from '../../db/client.ts';
import { assessments, memberships, organisations, plans, users } from '../../db/schema.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { ADMIN_EMAIL } from '../../db/seed/platform-admin.ts';
import { sessionCookie, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { joinByInvitation } from '../../../tests/support/invitations.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';

const ADMIN_PASSWORD = 'platform-admin-password';
const REGION = 'region@demo.tupu.local';
const CIO = 'cio@demo.tupu.local';
const CDO = 'cdo@demo.tupu.local';
const CONSULTANT = 'consultant@demo.tupu.local';

interface ErrorJson {
  error: { code: string; message: string; details: unknown };
}

/** Renaming, deleting an empty organisation and resetting a member's password (组织与成员). */
describe.each(testEngines())('organisation administration API on %s', (engine) => {
  const api = useApiApp(engine, { platformAdminPassword: ADMIN_PASSWORD });
  const { signIn, call } = api;
  const { org } = useOrganisationIds(api);
  const userId = async (email: string): Promise<string> => {
    const [row] = await api.database.db.select().from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  };
  const orgUrl = (id: string) => `/api/organisations/${id}`;
  /** The organisation's version now, sent with each rename (a rename without one is refused: hole 8). */
  const versionOf = async (id: string): Promise<number> => {
    const [row] = await api.database.db
      .select({ version: organisations.version })
      .from(organisations)
      .where(eq(organisations.id, id));
    if (!row) throw new Error(`no organisation ${id}`);
    return row.version;
  };
  const resetUrl = (orgId: string, uid: string) =>
    `/api/organisations/${orgId}/members/${uid}/password-reset`;
  const signInStatus = async (email: string, password: string) =>
    (await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } }))
      .statusCode;

  it('renames an organisation for its own admin, its parent admin and the platform, trimmed', async () => {
    const region = await signIn(REGION);
    const res = await call<OrganisationView>(region, 'PATCH', orgUrl(org('明远')), {
      version: await versionOf(org('明远')),
      name: '  明远精密机械股份有限公司（演示）  ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: org('明远'),
      name: '明远精密机械股份有限公司（演示）',
      memberCount: 2,
    });

    const cio = await signIn(CIO);
    const own = await call<OrganisationView>(cio, 'PATCH', orgUrl(org('明远')), {
      version: await versionOf(org('明远')),
      name: 'Mingyuan (demo)',
    });
    expect(own.status).toBe(200);
    const me = await call<{ organisation: { orgName: string } }>(cio, 'GET', '/api/auth/me');
    expect(me.body.organisation.orgName).toBe('Mingyuan (demo)');
    // its own name in another case is no clash with itself
    const upper = await call<OrganisationView>(cio, 'PATCH', orgUrl(org('明远')), {
      version: await versionOf(org('明远')),
      name: 'MINGYUAN (demo)',
    });
    expect(upper.body.name).toBe('MINGYUAN (demo)');

    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const byPlatform = await call<OrganisationView>(platform, 'PATCH', orgUrl(org('示范市装备')), {
      version: await versionOf(org('示范市装备')),
      name: '示范市装备制造业协会（演示）',
    });
    expect(byPlatform.status).toBe(200);
    expect(byPlatform.body.kind).toBe('association');
  });

  it('refuses a sibling’s name (409), bad names (400), other tenants (404) and non-admins (403), changing nothing', async () => {
    const region = await signIn(REGION);
    const dup = await call<ErrorJson>(region, 'PATCH', orgUrl(org('明远')), {
      version: await versionOf(org('明远')),
      name: ' 江川新材料化工有限公司（演示） ',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate_name' });
    expect(dup.body.error.message).toContain('江川新材料化工有限公司（演示）');

    for (const [payload, field] of [
      [{ name: '   ' }, 'name'],
      [{ name: '名'.repeat(201) }, 'name'],
      [{}, 'name'],
    ] as const) {
      const bad = await call<ErrorJson>(region, 'PATCH', orgUrl(org('明远')), {
        version: await versionOf(org('明远')),
        ...(payload as object),
      });
      expect(bad.status, JSON.stringify(payload)).toBe(400);
      expect(bad.body.error.message).toContain(field);
    }
    expect((await call<ErrorJson>(region, 'PATCH', orgUrl('nope'), { name: 'x' })).status).toBe(400);

    const cio = await signIn(CIO);
    expect((await call(cio, 'PATCH', orgUrl(org('示范市经济')), { name: '改名' })).status).toBe(404);
    expect((await call(cio, 'PATCH', orgUrl(org('江川')), { name: '改名' })).status).toBe(404);
    const consultant = await signIn(CONSULTANT);
    await call(consultant, 'POST', '/api/auth/organisation', { orgId: org('锦华') });
    expect((await call(consultant, 'PATCH', orgUrl(org('锦华')), { name: '改名' })).status).toBe(403);

    const names = await queryRows<{ name: string }>(
      api.database.db,
      sql`select name from organisations where name like '%改名%' or name like '名名%'`,
    );
    expect(names).toEqual([]);
  });

  it('deletes an empty child organisation with its memberships and their sessions there; its users remain', async () => {
    const region = await signIn(REGION);
    const created = await call<OrganisationView>(region, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: '待删除的试点企业',
    });
    expect(created.status).toBe(201);
    const target = created.body.id;
    await joinByInvitation(api, region, target, { email: CDO, role: 'admin', password: DEMO_PASSWORD });
    const cdo = await signIn(CDO);
    expect((await call(cdo, 'POST', '/api/auth/organisation', { orgId: target })).status).toBe(200);
    const cdoElsewhere = await signIn(CDO); // acting for 江川

    const removed = await call(region, 'DELETE', orgUrl(target));
    expect(removed.status).toBe(204);
    expect((await call(region, 'GET', `${orgUrl(target)}/members`)).status).toBe(404);
    expect((await call(cdo, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call(cdoElsewhere, 'GET', '/api/auth/me')).status).toBe(200);
    const left = await api.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, await userId(CDO)));
    expect(left.map((m) => m.orgId)).toEqual([org('江川')]);
    expect((await call(region, 'DELETE', orgUrl(target))).status).toBe(404);
  });

  it('refuses to delete an organisation that still holds something (409, naming it) and deletes nothing of it', async () => {
    const machinery = org('明远');
    const [assessment] = await api.database.db
      .insert(assessments)
      .values({ orgId: machinery, modelId: 'm', modelVersion: '1', mode: 'self', title: '自评' })
      .returning();
    await api.database.db.insert(plans).values([
      { orgId: machinery, title: '规划一', atlasPackId: 'a', assessmentId: assessment!.id },
      { orgId: machinery, title: '规划二', atlasPackId: 'a' },
    ]);
    const region = await signIn(REGION);
    const refused = await call<ErrorJson>(region, 'DELETE', orgUrl(machinery));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_empty');
    expect(refused.body.error.message).toContain('1 assessment and 2 plans');
    expect(refused.body.error.details).toEqual<OrganisationHoldings>({
      members: 2,
      childOrganisations: 0,
      assessments: 1,
      plans: 2,
    });
    const still = await call<MemberList>(region, 'GET', `${orgUrl(machinery)}/members`);
    expect(still.body.members).toHaveLength(2);

    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const parent = await call<ErrorJson>(platform, 'DELETE', orgUrl(org('示范市经济')));
    expect(parent.status).toBe(409);
    expect(parent.body.error.message).toContain('4 child organisations');
  });

  it("deletes only as the parent's or the platform's admin, never the platform nor the session's own organisation", async () => {
    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const list = (await call<OrganisationList>(platform, 'GET', '/api/organisations')).body;
    const platformOrg = list.organisations.find((o) => o.kind === 'platform')!.id;
    const self = await call<ErrorJson>(platform, 'DELETE', orgUrl(platformOrg));
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('platform');

    const region = await signIn(REGION);
    const own = await call<ErrorJson>(region, 'DELETE', orgUrl(org('示范市经济')));
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('acting for');
    const cio = await signIn(CIO);
    expect((await call(cio, 'DELETE', orgUrl(org('明远')))).status).toBe(403);
    // the consultant administers the provider, not the region's enterprises
    const consultant = await signIn(CONSULTANT);
    await call(consultant, 'POST', '/api/auth/organisation', { orgId: org('启明') });
    expect((await call(consultant, 'DELETE', orgUrl(org('锦华')))).status).toBe(404);
    expect((await call(consultant, 'DELETE', orgUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(
      404,
    );

    // the platform deletes an empty top-level organisation
    const top = await call<OrganisationView>(platform, 'POST', '/api/organisations', {
      kind: 'association',
      name: '空协会',
    });
    expect((await call(platform, 'DELETE', orgUrl(top.body.id))).status).toBe(204);
    const gone = (await call<OrganisationList>(platform, 'GET', '/api/organisations')).body;
    expect(gone.organisations.map((o) => o.name)).not.toContain('空协会');
  });

  it("resets a member's password to a one-time password shown once, ending all their sessions", async () => {
    const region = await signIn(REGION);
    const cioSession = await signIn(CIO);
    const cio = await userId(CIO);
    const res = await call<PasswordReset>(region, 'POST', resetUrl(org('明远'), cio));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const password = res.body.oneTimePassword;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(res.body.member).toMatchObject({ email: CIO, mustChangePassword: true });

    expect((await call(cioSession, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await signInStatus(CIO, 'tupu-demo-2024')).toBe(401);
    const fresh = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: CIO, password },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ user: { mustChangePassword: true } });
    const [stored] = await api.database.db.select().from(users).where(eq(users.id, cio));
    expect(stored?.passwordHash).not.toContain(password);
    const changed = await call(sessionCookie(fresh), 'POST', '/api/auth/password', {
      currentPassword: password,
      newPassword: 'tupu-demo-2024',
    });
    expect(changed.status).toBe(204);
  });

  it("refuses one's own reset (400), a user who is also a member elsewhere (403, saying why) and non-members (404)", async () => {
    const cio = await signIn(CIO);
    const own = await call<ErrorJson>(cio, 'POST', resetUrl(org('明远'), await userId(CIO)));
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe('own_password');

    // the consultant is an editor here but also the provider's admin: the maker's admin cannot take that over
    const consultant = await userId(CONSULTANT);
    const elsewhere = await call<ErrorJson>(cio, 'POST', resetUrl(org('明远'), consultant));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error).toMatchObject({ code: 'member_elsewhere' });
    expect(elsewhere.body.error.message).toContain('2 organisations you do not manage');
    expect(await signInStatus(CONSULTANT, 'tupu-demo-2024')).toBe(200);

    expect((await call(cio, 'POST', resetUrl(org('明远'), await userId(CDO)))).status).toBe(404);
    expect((await call(cio, 'POST', resetUrl(org('江川'), await userId(CDO)))).status).toBe(404);

    // the region manages the provider and both enterprises the consultant works in; the platform manages all
    const region = await signIn(REGION);
    expect((await call(region, 'POST', resetUrl(org('明远'), consultant))).status).toBe(200);
    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await call(platform, 'POST', resetUrl(org('示范市经济'), await userId(REGION)))).status).toBe(
      200,
    );
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/organisations/{orgId}'] ?? {})).toEqual(
      expect.arrayContaining(['patch', 'delete']),
    );
    expect(doc.paths['/api/organisations/{orgId}/members/{userId}/password-reset']).toHaveProperty('post');
  });
});
