import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProjects, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';

type Err = {
  error: { code: string; message: string; details: { problems: { field: string; message: string }[] } };
};

async function workbook(sheet: string, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['期间', '金额（万元）', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readBack(bytes: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => {
    if (r > 1) rows.push([row.getCell(1).text, row.getCell(2).value, row.getCell(3).text]);
  });
  return { name: ws.name, rows };
}

describe.each(testEngines())('cost entries in Excel on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  let cio: string;
  let cdo: string;
  let project: ProjectView;

  const send = (cookie: string, bytes: Buffer) =>
    api.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/costs.xlsx`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  const reload = async () => (await call<ProjectView>(cio, 'GET', `/api/projects/${project.id}`)).body;

  beforeAll(async () => {
    ({ cio, cdo } = await signInDemoRoles(api));
    const plan = await call<PlanView>(cio, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title: '成本' });
    await call(cio, 'POST', `/api/plans/${plan.body.id}/solve`, { timeLimitSeconds: 5, frontier: false });
    const made = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.body.id}/projects`, {});
    project = (await call<ProjectView>(cio, 'GET', `/api/projects/${made.body.projects[0]!.id}`)).body;
  });

  it('imports every row of the sheet, then exports them back, in Chinese and in English', async () => {
    const p0 = project.rollup.periods[project.startPeriod]!.label;
    const p1 = project.rollup.periods[project.startPeriod + 1]!.label;
    const res = await send(
      cio,
      await workbook('成本', [
        [p0.zh, 12.5, '首付款'],
        [p1.en, -2, 'correction'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ imported: number; project: ProjectView }>();
    expect(body.imported).toBe(2);
    expect(body.project.costs.map((c) => [c.period, c.amount, c.note])).toEqual([
      [project.startPeriod, 12.5, '首付款'],
      [project.startPeriod + 1, -2, 'correction'],
    ]);
    const zh = await api.app.inject({
      url: `/api/projects/${project.id}/costs.xlsx`,
      headers: { cookie: cio },
    });
    expect(zh.statusCode).toBe(200);
    expect(await readBack(zh.rawPayload)).toEqual({
      name: '成本',
      rows: [
        [p0.zh, 12.5, '首付款'],
        [p1.zh, -2, 'correction'],
      ],
    });
    const en = await api.app.inject({
      url: `/api/projects/${project.id}/costs.xlsx?lang=en`,
      headers: { cookie: cio },
    });
    expect((await readBack(en.rawPayload)).name).toBe('Costs');
    expect((await readBack(en.rawPayload)).rows[0]?.[0]).toBe(p0.en);
    // an exported workbook imports again as it is
    const again = await send(cio, en.rawPayload);
    expect(again.json<{ imported: number }>().imported).toBe(2);
    project = await reload();
    expect(project.costs).toHaveLength(4);
  });

  it('refuses a wrong sheet, naming every bad cell, and writes nothing', async () => {
    const before = await reload();
    const p0 = project.rollup.periods[project.startPeriod]!.label.zh;
    const bad = await send(
      cio,
      await workbook('成本', [
        [p0, 1, 'ok'],
        ['2099年Q9', 1, ''],
        [p0, 'many', ''],
        [p0, 0, ''],
      ]),
    );
    expect([bad.statusCode, bad.json<Err>().error.code]).toEqual([400, 'invalid_cost_sheet']);
    const problems = bad.json<Err>().error.details.problems;
    expect(problems.map((x) => x.field)).toEqual(['成本!A3', '成本!B4', '成本!B5']);
    expect(problems[0]?.message).toMatch(/“2099年Q9” is not a period of the project's plan/);
    expect(problems[1]?.message).toBe('“many” is not an amount in 万元');
    expect(bad.json<Err>().error.message).toMatch(/^成本!A3: /);
    const noSheet = await send(cio, await workbook('Sheet1', [[p0, 1, '']]));
    expect(noSheet.statusCode).toBe(400);
    expect(noSheet.json<Err>().error.message).toMatch(
      /the workbook has no sheet “成本” or “Costs” \(it has “Sheet1”\)/,
    );
    const garbage = await send(cio, Buffer.from('not a workbook at all'));
    expect(garbage.statusCode).toBe(400);
    const after = await reload();
    expect([after.costs.length, after.version]).toEqual([before.costs.length, before.version]);
  });

  it('refuses a cost entry in a closed period as the API does, and a sheet over the limits, writing nothing', async () => {
    let p = await reload();
    const closed = await call<ProjectView>(cio, 'PATCH', `/api/projects/${project.id}`, {
      version: p.version,
      closedThrough: project.startPeriod,
    });
    expect(closed.status).toBe(200);
    p = closed.body;
    const label = project.rollup.periods[project.startPeriod]!.label;
    const res = await send(cio, await workbook('成本', [[label.zh, 3, '迟到的发票']]));
    expect(res.statusCode).toBe(400);
    const problem = res.json<Err>().error.details.problems[0]!;
    expect(problem.field).toBe('成本!A2');
    expect(problem.message).toContain(
      `A cost entry in ${label.en} (${label.zh}) cannot be booked: that period is closed`,
    );
    const rows = Array.from({ length: 6000 }, () => [label.zh, 1, '']);
    const big = await send(cio, await workbook('成本', rows));
    expect(big.statusCode, big.body.slice(0, 200)).toBe(413);
    expect(big.json<Err>().error.message).toMatch(/6,001 rows.*5,000/);
    const after = await reload();
    expect([after.costs.length, after.version]).toEqual([p.costs.length, p.version]);
  });

  it('answers another organisation 404', async () => {
    expect(
      (await api.app.inject({ url: `/api/projects/${project.id}/costs.xlsx`, headers: { cookie: cdo } }))
        .statusCode,
    ).toBe(404);
    expect((await send(cdo, await workbook('成本', []))).statusCode).toBe(404);
  });
});
