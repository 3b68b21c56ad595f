import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type {
  InvitationAnswer,
  InvitationList,
  IssuedInvitation,
  MemberList,
} from '../../contracts/organisations.ts';
import { queryRows } from '../../db/client.ts';
import { createUser, findUserByEmail, listMemberships } from '../../server/sessions/accounts.ts';
import { users } from '../../db/schema.ts';
import { ADMIN_EMAIL } from '../../db/seed/platform-admin.ts';
import { hashPassword } from '../auth/password.ts';
import { sessionCookie, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';

const ADMIN_PASSWORD = 'platform-admin-password';
const REGION = 'region@demo.tupu.local';
const CIO = 'cio@demo.tupu.local';
const CDO = 'cdo@demo.tupu.local';
const ASSOCIATION = 'association@demo.tupu.local';

interface ErrorJson {
  error: { code: string; message: string; details: unknown };
}

/** An answer with what must differ between two invitations (ids, codes, times, the email) replaced. */
function normalised(body: IssuedInvitation, email: string): string {
  const { invitation } = body;
  return JSON.stringify({
    ...body,
    code: body.code.replace(/[A-Za-z0-9_-]/g, 'x'),
    invitation: { ...invitation, id: 'ID', createdAt: 'T', expiresAt: 'T' },
  }).replaceAll(email, 'EMAIL');
}

describe.each(testEngines())('invitations API on %s', (engine) => {
  const api = useApiApp(engine, { platformAdminPassword: ADMIN_PASSWORD });
  const { signIn, call } = api;
  const { org } = useOrganisationIds(api);

  const invitations = (orgId: string) => `/api/organisations/${orgId}/invitations`;
  const members = (orgId: string) => `/api/organisations/${orgId}/members`;
  const anonymous = async <T>(method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await api.app.inject({ method, url, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
  };
  const invite = (cookie: string, orgId: string, email: string, role = 'viewer') =>
    call<IssuedInvitation>(cookie, 'POST', invitations(orgId), { email, role });
  const memberEmails = async (cookie: string, orgId: string) =>
    (await call<MemberList>(cookie, 'GET', members(orgId))).body.members.map((m) => m.email);
  const userCount = async () =>
    (await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from users`))[0]?.n;

  it('answers an existing and an unknown email byte for byte alike, and makes nobody a member', async () => {
    const region = await signIn(REGION);
    const target = org('锦华');
    const before = await userCount();
    const existing = await invite(region, target, CIO.toUpperCase());
    const unknown = await invite(region, target, '  Nobody.Yet@Pilot.example ');
    expect(existing.status, JSON.stringify(existing.body)).toBe(202);
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(202);
    expect(existing.headers['cache-control']).toBe('no-store');
    expect(unknown.headers['cache-control']).toBe('no-store');
    expect(Object.keys(existing.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    expect(existing.headers['content-length']).toBe(
      String(Number(unknown.headers['content-length']) + CIO.length - 'nobody.yet@pilot.example'.length),
    );
    expect(normalised(existing.body, CIO)).toBe(normalised(unknown.body, 'nobody.yet@pilot.example'));
    expect(existing.body.invitation).toMatchObject({
      email: CIO,
      role: 'viewer',
      status: 'pending',
      orgId: target,
      invitedBy: expect.any(String) as string,
    });
    expect(existing.body.code).not.toBe(unknown.body.code);
    expect(existing.body.code.length).toBeGreaterThanOrEqual(32);
    const days = (Date.parse(existing.body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // nothing but the invitations exists yet: no user, no membership
    expect(await userCount()).toBe(before);
    expect(await memberEmails(region, target)).not.toContain(CIO);
    const pending = (await call<InvitationList>(region, 'GET', invitations(target))).body.invitations;
    expect(pending.map((i) => i.email).sort()).toEqual([CIO, 'nobody.yet@pilot.example']);
    // the code is stored only hashed
    const stored = await queryRows<{ code_hash: string }>(
      api.database.db,
      sql`select code_hash from invitations where id = ${existing.body.invitation.id}`,
    );
    expect(stored[0]?.code_hash).not.toContain(existing.body.code);
  });

  it('does not make the platform admin a member of an enterprise that invites them; declining leaves nothing', async () => {
    const cio = await signIn(CIO);
    const machinery = org('明远');
    const res = await invite(cio, machinery, ADMIN_EMAIL, 'admin');
    expect(res.status).toBe(202);
    const admin = await findUserByEmail(api.database.db, ADMIN_EMAIL);
    expect((await listMemberships(api.database.db, admin!.id)).map((m) => m.orgKind)).toEqual(['platform']);
    expect(await memberEmails(cio, machinery)).not.toContain(ADMIN_EMAIL);

    const platform = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const mine = (await call<InvitationList>(platform, 'GET', '/api/invitations')).body.invitations;
    expect(mine).toEqual([res.body.invitation]);
    const declined = await call<InvitationAnswer>(
      platform,
      'POST',
      `/api/invitations/${res.body.invitation.id}/decline`,
    );
    expect(declined.status).toBe(200);
    expect(declined.body.invitation.status).toBe('declined');
    expect((await listMemberships(api.database.db, admin!.id)).map((m) => m.orgKind)).toEqual(['platform']);
    expect((await call<InvitationList>(platform, 'GET', '/api/invitations')).body.invitations).toEqual([]);
    expect((await call<InvitationList>(cio, 'GET', invitations(machinery))).body.invitations).toEqual([]);
    const late = await call<ErrorJson>(platform, 'POST', `/api/invitations/${res.body.invitation.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'invitation_closed', details: { status: 'declined' } });
    // the code of a declined invitation is spent as well
    const byCode = await anonymous<ErrorJson>('POST', '/api/invitations/by-code/accept', {
      code: res.body.code,
      password: ADMIN_PASSWORD,
    });
    expect(byCode.status).toBe(409);
    expect((await listMemberships(api.database.db, admin!.id)).length).toBe(1);
  });

  it('makes the membership when the signed-in invitee accepts, with the role of the invitation', async () => {
    const cio = await signIn(CIO);
    const machinery = org('明远');
    const res = await invite(cio, machinery, CDO, 'editor');
    const cdo = await signIn(CDO);
    const mine = (await call<InvitationList>(cdo, 'GET', '/api/invitations')).body.invitations;
    expect(mine.map((i) => [i.orgName, i.role, i.status])).toEqual([
      [expect.stringContaining('明远'), 'editor', 'pending'],
    ]);
    const accepted = await call<InvitationAnswer>(
      cdo,
      'POST',
      `/api/invitations/${res.body.invitation.id}/accept`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.invitation.status).toBe('accepted');
    const list = (await call<MemberList>(cio, 'GET', members(machinery))).body.members;
    expect(list.find((m) => m.email === CDO)).toMatchObject({ role: 'editor' });
    const me = (await call<Me>(cdo, 'GET', '/api/auth/me')).body;
    expect(me.memberships.map((m) => m.orgId)).toContain(machinery);
    // accepted once: a second accept is refused and changes nothing
    const again = await call<ErrorJson>(cdo, 'POST', `/api/invitations/${res.body.invitation.id}/accept`);
    expect(again.status).toBe(409);
    expect((await call<InvitationList>(cio, 'GET', invitations(machinery))).body.invitations).toEqual([]);
    // inviting a member again: 409, as the members list already shows
    const member = await call<ErrorJson>(cio, 'POST', invitations(machinery), { email: CDO, role: 'viewer' });
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe('already_member');
  });

  it('lets a new invitee open the code, set their name and password, and sign in as a member', async () => {
    const region = await signIn(REGION);
    const target = org('锦华');
    const res = await invite(region, target, 'li.new@pilot.example', 'admin');
    const { code } = res.body;
    const preview = await anonymous<InvitationAnswer>('POST', '/api/invitations/by-code', { code });
    expect(preview.status).toBe(200);
    expect(preview.body.invitation).toEqual(res.body.invitation);
    expect((await anonymous('POST', '/api/invitations/by-code', { code: 'x'.repeat(43) })).status).toBe(404);

    const short = await anonymous<ErrorJson>('POST', '/api/invitations/by-code/accept', {
      code,
      displayName: '李新',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('password');
    const nameless = await anonymous<ErrorJson>('POST', '/api/invitations/by-code/accept', {
      code,
      password: 'li-new-password-2026',
    });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.message).toContain('displayName');
    expect(await findUserByEmail(api.database.db, 'li.new@pilot.example')).toBeUndefined();

    const accepted = await anonymous<InvitationAnswer>('POST', '/api/invitations/by-code/accept', {
      code,
      displayName: ' 李新 ',
      password: 'li-new-password-2026',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.invitation.status).toBe('accepted');
    const [stored] = await api.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'li.new@pilot.example'));
    expect(stored).toMatchObject({ displayName: '李新', mustChangePassword: false });
    expect(stored?.passwordHash.startsWith('scrypt$')).toBe(true);
    const signedIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'li.new@pilot.example', password: 'li-new-password-2026' },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ organisation: { orgId: target, role: 'admin' } });
    expect((await call(sessionCookie(signedIn), 'GET', members(target))).status).toBe(200);
    // the code is spent
    const reuse = await anonymous<ErrorJson>('POST', '/api/invitations/by-code/accept', {
      code,
      displayName: 'X',
      password: 'another-password-2026',
    });
    expect(reuse.status).toBe(409);
  });

  it('lets an existing user accept with the code and their own password, and never with a wrong one', async () => {
    // a user who belongs to no organisation (removed from all) cannot sign in, but can accept by code
    const loner = await createUser(api.database.db, {
      email: 'loner@pilot.example',
      displayName: 'Loner',
      passwordHash: await hashPassword('loner-password-2026'),
    });
    const region = await signIn(REGION);
    const target = org('锦华');
    const res = await invite(region, target, 'loner@pilot.example', 'viewer');
    const wrong = await anonymous<ErrorJson>('POST', '/api/invitations/by-code/accept', {
      code: res.body.code,
      displayName: 'Someone Else',
      password: 'not-the-password-2026',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(await listMemberships(api.database.db, loner.id)).toEqual([]);
    const [still] = await api.database.db.select().from(users).where(eq(users.id, loner.id));
    expect(still?.displayName).toBe('Loner');

    const ok = await anonymous<InvitationAnswer>('POST', '/api/invitations/by-code/accept', {
      code: res.body.code,
      password: 'loner-password-2026',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await listMemberships(api.database.db, loner.id)).map((m) => m.orgId)).toEqual([target]);
    await signIn('loner@pilot.example', 'loner-password-2026');
  });

  it('refuses expired and revoked invitations, and a new invitation replaces the pending one', async () => {
    const cio = await signIn(CIO);
    const machinery = org('明远');
    const first = await invite(cio, machinery, ASSOCIATION, 'viewer');
    await api.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${first.body.invitation.id}`,
    );
    const invitee = await signIn(ASSOCIATION);
    expect((await call<InvitationList>(invitee, 'GET', '/api/invitations')).body.invitations).toEqual([]);
    const expired = await call<ErrorJson>(
      invitee,
      'POST',
      `/api/invitations/${first.body.invitation.id}/accept`,
    );
    expect(expired.status).toBe(409);
    expect(expired.body.error).toMatchObject({ code: 'invitation_closed', details: { status: 'expired' } });
    const expiredByCode = await anonymous<ErrorJson>('POST', '/api/invitations/by-code', {
      code: first.body.code,
    });
    expect(expiredByCode.status).toBe(409);

    const second = await invite(cio, machinery, ASSOCIATION, 'editor');
    const third = await invite(cio, machinery, ASSOCIATION, 'viewer');
    expect(
      (await anonymous<ErrorJson>('POST', '/api/invitations/by-code', { code: second.body.code })).body.error,
    ).toMatchObject({ code: 'invitation_closed', details: { status: 'revoked' } });
    const pending = (await call<InvitationList>(cio, 'GET', invitations(machinery))).body.invitations;
    expect(pending.map((i) => i.id)).toEqual([third.body.invitation.id]);
    const revoke = await call(cio, 'DELETE', `${invitations(machinery)}/${third.body.invitation.id}`);
    expect(revoke.status).toBe(204);
    expect((await call(cio, 'DELETE', `${invitations(machinery)}/${third.body.invitation.id}`)).status).toBe(
      409,
    );
    expect((await call<InvitationList>(cio, 'GET', invitations(machinery))).body.invitations).toEqual([]);
    const revoked = await call<ErrorJson>(
      invitee,
      'POST',
      `/api/invitations/${third.body.invitation.id}/accept`,
    );
    expect(revoked.status).toBe(409);
    expect(revoked.body.error).toMatchObject({ details: { status: 'revoked' } });
    expect(await memberEmails(cio, machinery)).not.toContain(ASSOCIATION);
    // another organisation's admin cannot revoke it (not found)
    const cdo = await signIn(CDO);
    const fourth = await invite(cio, machinery, 'someone@pilot.example');
    expect((await call(cdo, 'DELETE', `${invitations(machinery)}/${fourth.body.invitation.id}`)).status).toBe(
      404,
    );
  });

  it("does not let anybody accept or decline someone else's invitation, nor anyone not signed in", async () => {
    const cio = await signIn(CIO);
    const machinery = org('明远');
    const res = await invite(cio, machinery, 'region@demo.tupu.local', 'viewer');
    const id = res.body.invitation.id;
    for (const other of [cio, await signIn(CDO), await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)]) {
      for (const action of ['accept', 'decline']) {
        const refused = await call<ErrorJson>(other, 'POST', `/api/invitations/${id}/${action}`);
        expect(refused.status).toBe(404);
      }
      const theirs = (await call<InvitationList>(other, 'GET', '/api/invitations')).body.invitations;
      expect(theirs.map((i) => i.id)).not.toContain(id);
    }
    expect(
      (await call<InvitationList>(cio, 'GET', invitations(machinery))).body.invitations.find(
        (i) => i.id === id,
      )?.status,
    ).toBe('pending');
    expect((await anonymous('POST', `/api/invitations/${id}/accept`)).status).toBe(401);
    expect((await anonymous('GET', '/api/invitations')).status).toBe(401);
    const bad = await call<ErrorJson>(cio, 'POST', '/api/invitations/not-an-id/accept');
    expect(bad.status).toBe(400);
    const region = await signIn(REGION);
    expect(
      (await call<InvitationList>(region, 'GET', '/api/invitations')).body.invitations.map((i) => i.id),
    ).toEqual([id]);
    expect(await memberEmails(cio, machinery)).not.toContain(REGION);
  });

  it('lets only administrators who manage the organisation invite, and validates the invitation naming the field', async () => {
    const cio = await signIn(CIO);
    const cdo = await signIn(CDO);
    expect((await invite(cdo, org('明远'), 'x@pilot.example')).status).toBe(404);
    expect((await invite(cio, org('示范市经济'), 'x@pilot.example')).status).toBe(404);
    for (const [payload, field] of [
      [{ email: 'not-an-email', role: 'viewer' }, 'email'],
      [{ email: 'a@pilot.example', role: 'owner' }, 'role'],
    ] as const) {
      const bad = await call<ErrorJson>(cio, 'POST', invitations(org('明远')), payload);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain(field);
    }
    // adding by email directly is gone
    const direct = await call(cio, 'POST', members(org('明远')), {
      email: CDO,
      displayName: 'X',
      role: 'viewer',
    });
    expect(direct.status).toBe(404);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/organisations/{orgId}/invitations',
        '/api/organisations/{orgId}/invitations/{invitationId}',
        '/api/invitations',
        '/api/invitations/{invitationId}/accept',
        '/api/invitations/{invitationId}/decline',
        '/api/invitations/by-code',
        '/api/invitations/by-code/accept',
        '/api/invitations/by-code/decline',
      ]),
    );
  });
});
