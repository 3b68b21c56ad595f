import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { OrganisationView } from '../../contracts/organisations.ts';
import type { ClientAssessmentStarted, Portfolio } from '../../contracts/portfolio.ts';
import { queryRows } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { hashPassword } from '../auth/password.ts';
import { addMembership, createUser } from '../../server/sessions/accounts.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const CONSULTANT = 'consultant@demo.tupu.local';
const REGION = 'region@demo.tupu.local';
const MACHINERY = '明远精密机械有限公司（演示）';
const TEXTILE = '锦华纺织科技有限公司（演示）';
const CHEMICAL = '江川新材料化工有限公司（演示）';
const CLIENT = '启明新客户精工有限公司';
const SME = 'sme-digital-level-2024';

type ErrorBody = { error: { code: string; message: string } };

describe.each(testEngines())('POST /api/portfolio/assessments on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { signIn, call } = api;
  let consultant = '';
  let region = '';
  const org: Record<string, string> = {};

  const start = (cookie: string, enterpriseId: string, title = '从总览发起的诊断', modelId = SME) =>
    call<ClientAssessmentStarted & ErrorBody>(cookie, 'POST', '/api/portfolio/assessments', {
      enterpriseId,
      modelId,
      title,
    });
  /** The assessments stored for an organisation, straight from the database. */
  const storedIn = async (orgId: string) =>
    (
      await queryRows<{ title: string; created_by: string }>(
        api.database.db,
        sql`select title, created_by from assessments where org_id = ${orgId} order by created_at`,
      )
    ).map((r) => r.title);

  beforeAll(async () => {
    consultant = await signIn(CONSULTANT);
    region = await signIn(REGION);
    const names = await queryRows<{ id: string; name: string }>(
      api.database.db,
      sql`select id, name from organisations`,
    );
    for (const n of names) org[n.name] = n.id;
    // the consultant's provider creates a client it manages, without the consultant joining it
    const created = await call<OrganisationView>(consultant, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: CLIENT,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    org[CLIENT] = created.body.id;
  });

  it('says in the portfolio where the user may start one: as its editor, or its manager', async () => {
    const mine = await call<Portfolio>(consultant, 'GET', '/api/portfolio');
    const may = (p: Portfolio, name: string) =>
      p.enterprises.find((e) => e.name === name)?.canStartAssessment;
    expect(may(mine.body, MACHINERY)).toBe(true);
    expect(may(mine.body, CLIENT)).toBe(true);
    const theirs = await call<Portfolio>(region, 'GET', '/api/portfolio');
    expect(may(theirs.body, CHEMICAL)).toBe(true);
    expect(may(theirs.body, CLIENT)).toBe(false);
  });

  it('starts an assessment in a client the consultant is an editor of, acting for the provider all along', async () => {
    const res = await start(consultant, org[MACHINERY]!, '明远 2026 复评');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      enterpriseId: org[MACHINERY],
      right: 'member',
      assessment: { title: '明远 2026 复评', modelId: SME, status: 'draft' },
    });
    // the session still acts for the provider
    const me = await call<Me>(consultant, 'GET', '/api/auth/me');
    expect(me.body.organisation.orgKind).toBe('service_provider');
    // the assessment is the enterprise's: its members see it after switching, by its id
    expect(await storedIn(org[MACHINERY]!)).toContain('明远 2026 复评');
    const cio = await signIn('cio@demo.tupu.local');
    const listed = await call<AssessmentSummary[]>(cio, 'GET', '/api/assessments');
    expect(listed.body.find((a) => a.id === res.body.assessment.id)?.title).toBe('明远 2026 复评');
    // and the portfolio shows it as the enterprise's latest
    const portfolio = await call<Portfolio>(consultant, 'GET', '/api/portfolio');
    const row = portfolio.body.enterprises.find((e) => e.id === org[MACHINERY]);
    expect(row?.latestAssessment?.id).toBe(res.body.assessment.id);
  });

  it("starts one in a client the provider manages, by the provider's administrator (right: manager)", async () => {
    const res = await start(consultant, org[CLIENT]!, '新客户 首次诊断');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.right).toBe('manager');
    expect(await storedIn(org[CLIENT]!)).toEqual(['新客户 首次诊断']);
  });

  it("lets an authority's administrator start one in its own pilot enterprise, not in a provider's client", async () => {
    const own = await start(region, org[CHEMICAL]!, '江川 试点诊断');
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.right).toBe('manager');
    // the provider's client is in the authority's portfolio, but the authority does not manage it directly
    const before = await storedIn(org[CLIENT]!);
    const refused = await start(region, org[CLIENT]!);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('client_not_managed');
    expect(refused.body.error.message).toMatch(/does not manage this enterprise/);
    expect(await storedIn(org[CLIENT]!)).toEqual(before);
  });

  it('refuses a viewer of the client with 403 client_viewer, creating nothing', async () => {
    // a provider editor who is only a viewer of the textile enterprise
    const user = await createUser(api.database.db, {
      email: 'junior@demo.tupu.local',
      displayName: '初级顾问',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await addMembership(api.database.db, {
      orgId: org['启明数字化服务有限公司（演示）']!,
      userId: user.id,
      role: 'editor',
    });
    await addMembership(api.database.db, { orgId: org[TEXTILE]!, userId: user.id, role: 'viewer' });
    const junior = await signIn('junior@demo.tupu.local');
    const before = await storedIn(org[TEXTILE]!);
    const res = await start(junior, org[TEXTILE]!);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('client_viewer');
    expect(res.body.error.message).toMatch(/viewer of this enterprise/);
    expect(await storedIn(org[TEXTILE]!)).toEqual(before);
    // the provider's own client is not in a non-administrator's portfolio at all
    expect((await start(junior, org[CLIENT]!)).status).toBe(404);
  });

  it('answers 404 for an enterprise outside the portfolio, 403 for an enterprise session, 400 for bad input', async () => {
    const outside = await start(consultant, org[CHEMICAL]!);
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toMatch(/portfolio/);
    const cio = await signIn('cio@demo.tupu.local');
    expect((await start(cio, org[TEXTILE]!)).status).toBe(403);
    const notUuid = await start(consultant, 'not-an-id');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.message).toMatch(/enterpriseId/);
    const before = await storedIn(org[CLIENT]!);
    const unknownModel = await start(consultant, org[CLIENT]!, 'x', 'no-such-model');
    expect(unknownModel.status).toBe(404);
    expect(await storedIn(org[CLIENT]!)).toEqual(before);
  });
});
