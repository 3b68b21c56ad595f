import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  EnterpriseImportProblem,
  EnterpriseImportResult,
  Portfolio,
} from '../../contracts/portfolio.ts';
import { queryRows } from '../../db/client.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const CONSULTANT = 'consultant@demo.tupu.local';

/** A workbook with one sheet `sheet` of the given rows (the first is the header). */
async function workbookOf(rows: unknown[][], sheet = '企业'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testEngines())('creating enterprises from a workbook on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { signIn, call } = api;
  let consultant = '';
  let providerId = '';

  const upload = async (cookie: string, body: Buffer) => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/portfolio/enterprises.xlsx',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: body,
    });
    return {
      status: res.statusCode,
      body: res.json<
        EnterpriseImportResult & { error: { code: string; details: { problems: EnterpriseImportProblem[] } } }
      >(),
    };
  };
  const childrenOfProvider = async () =>
    (
      await queryRows<{ name: string; region_code: string | null }>(
        api.database.db,
        sql`select name, region_code from organisations where parent_id = ${providerId} order by name`,
      )
    ).map((r) => [r.name, r.region_code]);

  beforeAll(async () => {
    consultant = await signIn(CONSULTANT);
    const [provider] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from organisations where kind = 'service_provider'`,
    );
    providerId = provider!.id;
  });

  it('gives a blank template in Chinese and in English, read back', async () => {
    for (const [lang, sheet, headers] of [
      ['zh', '企业', ['企业名称', '行政区划代码']],
      ['en', 'Enterprises', ['Enterprise name', 'Region code']],
    ] as const) {
      const res = await api.app.inject({
        method: 'GET',
        url: `/api/portfolio/enterprises-template.xlsx?lang=${lang}`,
        headers: { cookie: consultant },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(sheet)!;
      expect([ws.getCell('A1').text, ws.getCell('B1').text]).toEqual(headers);
      expect(ws.rowCount).toBe(1);
      expect(wb.worksheets).toHaveLength(2);
    }
  });

  it('creates every row of a valid sheet under the provider, region codes typed as numbers too', async () => {
    const res = await upload(
      consultant,
      await workbookOf([
        ['企业名称', '行政区划代码'],
        ['甲精工有限公司', 330100],
        [' 乙电子有限公司 ', '330200'],
        [],
        ['丙纺织有限公司', ''],
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created.map((c) => [c.row, c.name, c.regionCode])).toEqual([
      [2, '甲精工有限公司', '330100'],
      [3, '乙电子有限公司', '330200'],
      [5, '丙纺织有限公司', null],
    ]);
    expect(await childrenOfProvider()).toEqual(
      [
        ['丙纺织有限公司', null],
        ['乙电子有限公司', '330200'],
        ['甲精工有限公司', '330100'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // they are the provider's clients in its portfolio at once, ready for a first diagnosis
    const portfolio = await call<Portfolio>(consultant, 'GET', '/api/portfolio');
    const row = portfolio.body.enterprises.find((e) => e.name === '甲精工有限公司');
    expect(row?.canStartAssessment).toBe(true);
  });

  it('names every problem by its cell and creates nothing when any row is wrong', async () => {
    const before = await childrenOfProvider();
    const res = await upload(
      consultant,
      await workbookOf([
        ['企业名称', '行政区划代码'],
        ['丁机械有限公司', '330100'],
        ['', '330100'],
        [' 丁机械有限公司 ', ''],
        ['戊化工有限公司', '33010'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_enterprise_sheet');
    const problems = res.body.error.details.problems;
    expect(problems.map((p) => [p.cell, p.code])).toEqual([
      ['企业!A3', 'name_required'],
      ['企业!A4', 'duplicate_in_file'],
      ['企业!B5', 'region_invalid'],
    ]);
    expect(problems[1]).toMatchObject({ row: 4, column: '企业名称', otherRow: 2, value: '丁机械有限公司' });
    expect(problems[2]?.message).toBe('企业!B5: “33010” is not 6 digits (GB/T 2260), e.g. 330100');
    expect(await childrenOfProvider()).toEqual(before);
  });

  it('refuses a name the provider already has (any case), creating none of the others', async () => {
    const before = await childrenOfProvider();
    const res = await upload(
      consultant,
      await workbookOf(
        [
          ['Enterprise name', 'Region code'],
          ['Brand New Works Ltd', ''],
          ['甲精工有限公司', ''],
          ['brand new works LTD', ''],
        ],
        'Enterprises',
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems.map((p) => [p.cell, p.code])).toEqual([
      ['Enterprises!A4', 'duplicate_in_file'],
    ]);
    // with the sheet itself right, a name the provider already has is named by its cell
    const taken = await upload(
      consultant,
      await workbookOf(
        [
          ['Enterprise name', 'Region code'],
          ['Brand New Works Ltd', ''],
          ['甲精工有限公司', ''],
        ],
        'Enterprises',
      ),
    );
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.problems.map((p) => [p.cell, p.code])).toEqual([
      ['Enterprises!A3', 'name_taken'],
    ]);
    expect(await childrenOfProvider()).toEqual(before);
  });

  it('refuses a workbook without the sheet, with a wrong header, or not a workbook at all', async () => {
    const noSheet = await upload(consultant, await workbookOf([['企业名称']], 'Sheet1'));
    expect(noSheet.status).toBe(400);
    expect(noSheet.body.error.details.problems[0]).toMatchObject({ code: 'no_sheet', cell: 'file' });
    const header = await upload(
      consultant,
      await workbookOf([
        ['名称', '行政区划代码'],
        ['己公司', ''],
      ]),
    );
    expect(header.body.error.details.problems[0]).toMatchObject({
      code: 'header',
      cell: '企业!A1',
      value: '名称',
    });
    const empty = await upload(consultant, await workbookOf([['企业名称', '行政区划代码']]));
    expect(empty.body.error.details.problems[0]).toMatchObject({ code: 'empty', cell: '企业!A2' });
    const junk = await upload(consultant, Buffer.from('not a workbook at all'));
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('invalid_enterprise_sheet');
  });

  it('refuses an enterprise administrator (403) and anyone not an administrator (403)', async () => {
    const cio = await signIn('cio@demo.tupu.local');
    const sheet = await workbookOf([
      ['企业名称', '行政区划代码'],
      ['庚有限公司', ''],
    ]);
    expect((await upload(cio, sheet)).status).toBe(403);
    // the consultant is only an editor of 明远精密机械: acting for it, not an administrator
    const [machinery] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from organisations where name = '明远精密机械有限公司（演示）'`,
    );
    const editor = await signIn(CONSULTANT);
    await call(editor, 'POST', '/api/auth/organisation', { orgId: machinery!.id });
    expect((await upload(editor, sheet)).status).toBe(403);
    const created = await queryRows(
      api.database.db,
      sql`select id from organisations where name = '庚有限公司'`,
    );
    expect(created).toEqual([]);
  });
});
