import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrganisationView } from '../../contracts/organisations.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

interface ErrorJson {
  error: { code: string; message: string; details: unknown };
}

describe.each(testEngines())('display names of organisations and members on %s', (engine) => {
  const api = useApiApp(engine);
  const { signIn, call } = api;
  const create = <T = ErrorJson>(cookie: string, name: string) =>
    call<T>(cookie, 'POST', '/api/organisations', { kind: 'enterprise', name });

  it('stores a full-width name NFKC-normalised: "ＡＢＣ" becomes "ABC"', async () => {
    const region = await signIn('region@demo.tupu.local');
    const res = await create<OrganisationView>(region, 'ＡＢＣ\u3000精密');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('ABC 精密');
  });

  it('keeps the full-width punctuation of a Chinese name as typed', async () => {
    const region = await signIn('region@demo.tupu.local');
    const res = await create<OrganisationView>(region, '某某（中国）有限公司');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('某某（中国）有限公司');
  });

  it('refuses a look-alike of an existing sibling (full-width, half-width brackets, other case) with 409', async () => {
    const region = await signIn('region@demo.tupu.local');
    for (const lookAlike of ['ａｂｃ 精密', '某某(中国)有限公司']) {
      const res = await create(region, lookAlike);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe('duplicate_name');
    }
  });

  it('compares with names stored before names were normalised', async () => {
    const region = await signIn('region@demo.tupu.local');
    const own = (await call<{ organisations: OrganisationView[] }>(region, 'GET', '/api/organisations')).body
      .organisations[0]!;
    await api.database.db.execute(
      sql`insert into organisations (kind, name, parent_id) values ('enterprise', 'ＸＹＺ机械', ${own.id})`,
    );
    const res = await create(region, 'xyz机械');
    expect(res.status, JSON.stringify(res.body)).toBe(409);
  });

  it('refuses a name with a right-to-left override or a zero-width space, naming the character and where', async () => {
    const region = await signIn('region@demo.tupu.local');
    const rtl = await create(region, '试点\u202E企业');
    expect(rtl.status).toBe(400);
    expect(rtl.body.error.code).toBe('validation_error');
    expect(rtl.body.error.message).toContain(
      'name has the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 3',
    );
    const zw = await create(region, '试点\u200B企业');
    expect(zw.status).toBe(400);
    expect(zw.body.error.message).toContain('U+200B (ZERO WIDTH SPACE)');
    const names = (await call<{ organisations: OrganisationView[] }>(region, 'GET', '/api/organisations'))
      .body;
    expect(names.organisations.map((o) => o.name).filter((n) => n.startsWith('试点'))).toEqual([]);
  });

  it('refuses an invisible character in a renamed organisation and in a new member name', async () => {
    const region = await signIn('region@demo.tupu.local');
    const created = await create<OrganisationView>(region, '试点企业丙');
    expect(created.status).toBe(201);
    const rename = await call<ErrorJson>(region, 'PATCH', `/api/organisations/${created.body.id}`, {
      name: '试点企业\u2066丙',
    });
    expect(rename.status).toBe(400);
    expect(rename.body.error.message).toContain('U+2066');

    // a new member names themselves when they accept an invitation
    const issued = await call<{ code: string }>(
      region,
      'POST',
      `/api/organisations/${created.body.id}/invitations`,
      {
        email: 'lookalike@demo.tupu.local',
        role: 'viewer',
      },
    );
    expect(issued.status).toBe(202);
    const accept = (displayName: string) =>
      call<ErrorJson>('', 'POST', '/api/invitations/by-code/accept', {
        code: issued.body.code,
        password: 'copper-kettle-morning-41',
        displayName,
      });
    const member = await accept('Li\uFEFF Gong');
    expect(member.status).toBe(400);
    expect(member.body.error.message).toContain('displayName has the invisible character U+FEFF');
    const ok = await accept('Ｌｉ  Ｇｏｎｇ');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const members = await call<{ members: { email: string; displayName: string }[] }>(
      region,
      'GET',
      `/api/organisations/${created.body.id}/members`,
    );
    expect(members.body.members.find((m) => m.email === 'lookalike@demo.tupu.local')?.displayName).toBe(
      'Li Gong',
    );
  });
});
