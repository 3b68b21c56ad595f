import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { Portfolio, PortfolioResultView, ResultSharing } from '../../contracts/portfolio.ts';
import { queryRows } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { hashPassword } from '../auth/password.ts';
import { addMembership, createOrganisation, createUser } from '../../server/sessions/accounts.ts';
import { addDemoViewer, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const MACHINERY = '明远精密机械有限公司（演示）';
const PROVIDER = '启明数字化服务有限公司（演示）';
const CLIENT = '启明客户丙精密有限公司';

type ErrorBody = { error: { code: string; message: string } };

/** Any ISO time (a share's or a withdrawal's). */
const AT: unknown = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

describe.each(testEngines())("an enterprise's results shared with its authority, on %s", (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { signIn, call } = api;
  let cio = '';
  let region = '';
  let machineryId = '';
  let assessmentId = '';

  const sharing = (cookie: string) => call<ResultSharing & ErrorBody>(cookie, 'GET', '/api/result-sharing');
  const share = (cookie: string, shared: boolean) =>
    call<ResultSharing & ErrorBody>(cookie, 'PUT', '/api/result-sharing', { shared });
  const regionRow = async (name = MACHINERY) =>
    (await call<Portfolio>(region, 'GET', '/api/portfolio')).body.enterprises.find((e) => e.name === name)!;
  const result = (cookie: string, lang = 'zh') =>
    call<PortfolioResultView & ErrorBody>(
      cookie,
      'GET',
      `/api/portfolio/result?enterpriseId=${machineryId}&lang=${lang}`,
    );
  const regionWorkbook = async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/portfolio.xlsx?lang=zh',
      headers: { cookie: region },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const dimensionRowsOf = (wb: ExcelJS.Workbook, name: string) => {
    const rows: unknown[][] = [];
    wb.getWorksheet('维度得分')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows.filter((r) => r[0] === name);
  };

  beforeAll(async () => {
    cio = await signIn('cio@demo.tupu.local');
    region = await signIn('region@demo.tupu.local');
    const created = await call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '明远 首次诊断',
    });
    assessmentId = created.body.id;
    await call(cio, 'PUT', `/api/assessments/${assessmentId}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'B', 设备数字化: 55 },
    });
    expect((await call(cio, 'POST', `/api/assessments/${assessmentId}/submit`, {})).status).toBe(200);
    const [m] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from organisations where name = ${MACHINERY}`,
    );
    machineryId = m!.id;
  });

  it('starts unshared: the authority sees the summary only, and is refused the result', async () => {
    const state = await sharing(cio);
    expect(state.status, JSON.stringify(state.body)).toBe(200);
    expect(state.body).toMatchObject({ shared: false, history: [] });
    expect(state.body.authority?.name).toBe('示范市经济和信息化局（演示）');
    const row = await regionRow();
    expect(row).toMatchObject({ canReadResult: false, sharedWithYou: false, latestResult: null });
    expect(row.latestAssessment?.score).toEqual(expect.any(Number));
    const refused = await result(region);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('result_not_shared');
    expect(dimensionRowsOf(await regionWorkbook(), MACHINERY)).toEqual([]);
  });

  it('once the enterprise shares, the authority reads its dimension scores, gaps and the result, read-only', async () => {
    const shared = await share(cio, true);
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.shared).toBe(true);
    expect(shared.body.history).toEqual([
      { sharedBy: '林晓（首席信息官）', sharedAt: AT, revokedBy: null, revokedAt: null },
    ]);
    // sharing twice keeps the one grant as it was
    expect((await share(cio, true)).body.history).toHaveLength(1);

    const row = await regionRow();
    expect(row).toMatchObject({ canReadResult: true, sharedWithYou: true });
    expect(row.latestResult?.assessmentId).toBe(assessmentId);
    expect(row.latestResult?.dimensions.map((d) => d.name.zh)).toContain('数字化基础');
    expect(row.latestResult?.dimensions.every((d) => /^[\x20-\x7e]+$/.test(d.name.en))).toBe(true);

    const zh = await result(region);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    expect(zh.body.enterprise.name).toBe(MACHINERY);
    expect(zh.body.assessment).toMatchObject({ id: assessmentId, title: '明远 首次诊断' });
    expect(zh.body.score).toBe(row.latestAssessment?.score);
    expect(zh.body.dimensions.reduce((n, d) => n + d.score, 0)).toBeCloseTo(zh.body.score, 6);
    const planning = zh.body.gaps.find((g) => g.itemId === '规划实施')!;
    expect(planning.current).toMatch(/^B\. [\u4e00-\u9fff]/);
    expect(zh.body.gaps[0]!.lostPoints).toBeGreaterThanOrEqual(zh.body.gaps.at(-1)!.lostPoints);
    const en = await result(region, 'en');
    expect(en.body.dimensions.every((d) => /^[\x20-\x7e]+$/.test(d.name))).toBe(true);

    const dims = dimensionRowsOf(await regionWorkbook(), MACHINERY);
    expect(dims.length).toBe(zh.body.dimensions.length);
    expect(dims.map((r) => r[7])).toEqual(zh.body.dimensions.map((d) => d.name));
  });

  it('withdrawn, the authority is refused again at its next request; the history keeps who and when', async () => {
    const withdrawn = await share(cio, false);
    expect(withdrawn.body.shared).toBe(false);
    expect(withdrawn.body.history).toEqual([
      {
        sharedBy: '林晓（首席信息官）',
        sharedAt: AT,
        revokedBy: '林晓（首席信息官）',
        revokedAt: AT,
      },
    ]);
    expect((await result(region)).status).toBe(403);
    expect((await regionRow()).latestResult).toBeNull();
    // shared again: a new grant, the old one kept
    expect((await share(cio, true)).body.history).toHaveLength(2);
    expect((await result(region)).status).toBe(200);
  });

  it("shows an authority each enterprise's provider, in the table and the workbook", async () => {
    const consultant = await signIn('consultant@demo.tupu.local');
    const created = await call(consultant, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: CLIENT,
    });
    expect(created.status).toBe(201);
    expect((await regionRow(CLIENT)).provider?.name).toBe(PROVIDER);
    expect((await regionRow(MACHINERY)).provider).toBeNull();
    const sheet = (await regionWorkbook()).worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.[13]).toBe('服务商');
    expect(rows.find((r) => r[0] === CLIENT)?.[13]).toBe(PROVIDER);
  });

  it('lets only the enterprise decide: a viewer cannot, a provider has no setting, no authority answers 409', async () => {
    await addDemoViewer(api.database);
    const viewer = await signIn('viewer@demo.tupu.local');
    expect((await sharing(viewer)).body.shared).toBe(true);
    expect((await share(viewer, false)).status).toBe(403);
    expect((await sharing(cio)).body.shared).toBe(true);
    expect((await sharing(region)).status).toBe(403);
    const alone = await createOrganisation(api.database.db, { kind: 'enterprise', name: '独立企业' });
    const user = await createUser(api.database.db, {
      email: 'alone@demo.tupu.local',
      displayName: '独立企业管理员',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await addMembership(api.database.db, { orgId: alone.id, userId: user.id, role: 'admin' });
    const aloneCookie = await signIn('alone@demo.tupu.local');
    expect((await sharing(aloneCookie)).body).toEqual({ authority: null, shared: false, history: [] });
    const none = await share(aloneCookie, true);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_authority');
  });
});
