/**
 * Issue #20: "Membership is rechecked on each request, or sessions are provably ended on every path that removes a
 * membership — pick one and test it." Picked: rechecked. The access hook reads the caller's membership and role from
 * the database on every request (src/server/access/access-hook.ts), so a session never outlives the membership or
 * keeps the role it started with. Proven here with one session each, never signed in again: a demoted member's next
 * write is refused while they still read; a membership gone by any path (here deleted under the API's feet, its
 * session left alive) refuses the next request with 403; and the API's own removal ends the sessions as well (401).
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrganisationView } from '../../contracts/organisations.ts';
import { queryRows } from '../../db/client.ts';
import { memberships } from '../../db/schema.ts';
import { findUserByEmail } from '../../server/sessions/accounts.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { INVITEE_PASSWORD, joinByInvitation } from '../../../tests/support/invitations.ts';

const REGION = 'region@demo.tupu.local';

interface ErrorJson {
  error: { code: string; message: string };
}

describe.each(testEngines())('membership rechecked on every request on %s', (engine) => {
  const api = useApiApp(engine);
  const { signIn, call } = api;

  /** A new service provider under the demo region, with `email` its editor, signed in once: its session cookie. */
  async function editorOfNewProvider(name: string, email: string) {
    const region = await signIn(REGION);
    const created = await call<OrganisationView>(region, 'POST', '/api/organisations', {
      kind: 'service_provider',
      name,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const orgId = created.body.id;
    await joinByInvitation(api, region, orgId, { email, role: 'editor', displayName: name });
    const user = await findUserByEmail(api.database.db, email);
    if (!user) throw new Error(`${email} has no account after accepting`);
    const cookie = await signIn(email, INVITEE_PASSWORD);
    return { region, orgId, userId: user.id, cookie };
  }

  const sessionsOf = async (userId: string) =>
    (
      await queryRows<{ n: number }>(
        api.database.db,
        sql`select count(*)::int as n from sessions where user_id = ${userId}`,
      )
    )[0]?.n;

  it('refuses a demoted member’s next write on the same session (403), while they still read', async () => {
    const { region, orgId, userId, cookie } = await editorOfNewProvider(
      '复核服务商甲',
      'demoted@example.test',
    );
    expect((await call(cookie, 'GET', '/api/portfolio')).status).toBe(200);
    // past the access check as an editor: the empty body is then refused by the schema
    expect((await call(cookie, 'POST', '/api/assessments', {})).status).toBe(400);

    const demoted = await call(region, 'PATCH', `/api/organisations/${orgId}/members/${userId}`, {
      role: 'viewer',
    });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);

    const write = await call<ErrorJson>(cookie, 'POST', '/api/assessments', {});
    expect(write.status).toBe(403);
    expect(write.body.error.message).toMatch(/Viewers can read but not change/);
    expect((await call(cookie, 'GET', '/api/portfolio')).status).toBe(200);
    expect((await call(cookie, 'GET', '/api/assessments')).status).toBe(200);
    expect(await sessionsOf(userId)).toBe(1); // the same session, not a new one
  });

  it('refuses the next request of a session whose membership is gone by any path (403), the session left alive', async () => {
    const { orgId, userId, cookie } = await editorOfNewProvider('复核服务商乙', 'vanished@example.test');
    expect((await call(cookie, 'GET', '/api/assessments')).status).toBe(200);

    // not through the API (which also ends the sessions): the membership row alone goes
    await api.database.db
      .delete(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    expect(await sessionsOf(userId)).toBe(1);

    for (const [method, url, body] of [
      ['GET', '/api/assessments', undefined],
      ['GET', '/api/portfolio', undefined],
      ['POST', '/api/assessments', {}],
      ['GET', '/api/auth/me', undefined],
    ] as const) {
      const res = await call<ErrorJson>(cookie, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.message).toBe('You are no longer a member of this organisation');
    }
  });

  it('ends the sessions of a member the API removes: the same session’s next request is refused (401)', async () => {
    const { region, orgId, userId, cookie } = await editorOfNewProvider(
      '复核服务商丙',
      'removed@example.test',
    );
    expect((await call(cookie, 'GET', '/api/assessments')).status).toBe(200);

    const removed = await call(region, 'DELETE', `/api/organisations/${orgId}/members/${userId}`);
    expect(removed.status).toBe(204);

    expect(await sessionsOf(userId)).toBe(0);
    expect((await call(cookie, 'GET', '/api/assessments')).status).toBe(401);
    expect((await call(cookie, 'POST', '/api/assessments', {})).status).toBe(401);
  });
});
