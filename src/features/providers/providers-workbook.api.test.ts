import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProviderProfileView } from '../../contracts/providers.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { deflatePart, manyCellsSheet, replaceParts, sheetPath } from '../../../tests/support/crafted-xlsx.ts';
import { testEngines } from '../../../tests/support/databases.ts';

type Err = {
  error: { code: string; message: string; details: { problems?: { where: string; message: string }[] } };
};

describe.each(testEngines())('provider directory workbook on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  let consultant: string;
  let cio: string;
  let qimingId: string;

  const upload = async (cookie: string, content: Buffer, query: string) => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/provider-profile/import?fileName=qiming.xlsx&${query}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: content,
    });
    return { status: res.statusCode, body: res.json<ProviderProfileView & Err>() };
  };
  const exported = async (cookie: string) => {
    const res = await api.app.inject({ method: 'GET', url: '/api/providers.xlsx', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/tupu-providers-\d{8}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  };
  const bufferOf = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

  beforeAll(async () => {
    consultant = await api.signIn('consultant@demo.tupu.local');
    cio = await api.signIn('cio@demo.tupu.local');
    const me = await api.call<{ organisation: { orgId: string } }>(consultant, 'GET', '/api/auth/me');
    qimingId = me.body.organisation.orgId;
    const saved = await api.call<ProviderProfileView>(consultant, 'PUT', '/api/provider-profile', {
      version: 0,
      profile: {
        types: ['production-software'],
        categories: [],
        capabilities: ['GEN-PM-01'],
        industries: ['C34'],
        regions: ['990100'],
        products: [
          {
            id: 'mes',
            name: '轻量 MES',
            scenarios: ['GEN-PM-01'],
            price: { min: 10, max: 30 },
            deployment: ['cloud'],
            pricing: ['subscription'],
          },
        ],
        references: [{ title: '明远案例', scenarios: ['GEN-PM-01'] }],
        certifications: [],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it('exports the directory: one row per provider, one per product', async () => {
    const book = await exported(cio);
    const providers = book.getWorksheet('服务商')!;
    const products = book.getWorksheet('产品')!;
    const own = providers.getRows(2, providers.rowCount - 1)!.find((r) => r.getCell(1).value === qimingId)!;
    expect([own.getCell(3).value, own.getCell(5).value, own.getCell(6).value]).toEqual([
      'production-software',
      'GEN-PM-01',
      'C34',
    ]);
    expect(products.getRow(2).values).toEqual([
      undefined,
      qimingId,
      expect.any(String),
      'mes',
      '轻量 MES',
      'GEN-PM-01',
      10,
      30,
      'cloud',
      'subscription',
      '',
    ]);
  });

  it('refuses a wrong sheet with file/sheet!cell problems and saves nothing', async () => {
    const book = await exported(consultant);
    const products = book.getWorksheet('产品')!;
    products.getRow(2).getCell(6).value = 'cheap';
    products.getRow(2).getCell(5).value = 'GEN-PM-99';
    products.getRow(2).getCell(8).value = 'floppy';
    book.getWorksheet('服务商')!.addRow(['00000000-0000-4000-8000-000000000009', '别家']);
    const res = await upload(consultant, await bufferOf(book), 'version=1');
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_workbook']);
    const wheres = res.body.error.details.problems!.map((p) => `${p.where}: ${p.message}`);
    expect(wheres).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qiming\.xlsx\/服务商!A\d+: provider .* is not yours/),
        'qiming.xlsx/产品!F2: expected a price in 万元, found "cheap"',
        'qiming.xlsx/产品!H2: deployment "floppy" is not one of cloud, on-premises',
      ]),
    );
    // its own rows only, the atlas check points at the cell too
    const ownOnly = await exported(consultant);
    const sheet = ownOnly.getWorksheet('服务商')!;
    for (let r = sheet.rowCount; r >= 2; r--)
      if (sheet.getRow(r).getCell(1).value !== qimingId) sheet.spliceRows(r, 1);
    ownOnly.getWorksheet('产品')!.getRow(2).getCell(5).value = 'GEN-PM-99';
    const unknown = await upload(consultant, await bufferOf(ownOnly), 'version=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'qiming.xlsx/产品!E2: unknown scenario code "GEN-PM-99" (not in the atlas); nothing was imported',
    );
    const after = await api.call<ProviderProfileView>(consultant, 'GET', '/api/provider-profile');
    expect([after.body.version, after.body.profile.products[0]?.scenarios]).toEqual([1, ['GEN-PM-01']]);

    const noSheet = new ExcelJS.Workbook();
    noSheet.addWorksheet('Sheet1');
    const missing = await upload(consultant, await bufferOf(noSheet), 'version=1');
    expect(missing.body.error.message).toMatch(/^qiming\.xlsx\/服务商: no sheet "服务商"/);
    const garbage = await upload(consultant, Buffer.from('not a zip at all'), 'version=1');
    expect([garbage.status, garbage.body.error.code]).toEqual([400, 'invalid_workbook']);
  });

  it('refuses a sheet over the limits before parsing it', async () => {
    const book = await exported(consultant);
    const xlsx = await bufferOf(book);
    const huge = await replaceParts(xlsx, {
      [await sheetPath(xlsx, '产品')]: deflatePart(manyCellsSheet(10_001, 1)),
    });
    const res = await upload(consultant, huge, 'version=1');
    expect([res.status, res.body.error.code]).toEqual([413, 'sheet_over_limit']);
    expect(res.body.error.message).toMatch(/^qiming\.xlsx\/产品/);
  });

  it("imports the provider's own rows into its profile at its version, keeping its references", async () => {
    const book = await exported(consultant);
    const sheet = book.getWorksheet('服务商')!;
    for (let r = sheet.rowCount; r >= 2; r--)
      if (sheet.getRow(r).getCell(1).value !== qimingId) sheet.spliceRows(r, 1);
    sheet.getRow(2).getCell(5).value = 'GEN-PM-01, GEN-PM-04';
    const products = book.getWorksheet('产品')!;
    products.getRow(2).getCell(4).value = '轻量 MES 二代';
    products.addRow([
      qimingId,
      '',
      'aps',
      '排产 APS',
      'GEN-PM-04',
      20,
      50,
      'cloud, on-premises',
      'licence',
      '',
    ]);
    const content = await bufferOf(book);
    const noVersion = await upload(consultant, content, '');
    expect([noVersion.status, noVersion.body.error.code]).toEqual([400, 'version_required']);
    const res = await upload(consultant, content, 'version=1');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.profile.capabilities).toEqual(['GEN-PM-01', 'GEN-PM-04']);
    expect(res.body.profile.products.map((p) => [p.id, p.name, p.deployment])).toEqual([
      ['mes', '轻量 MES 二代', ['cloud']],
      ['aps', '排产 APS', ['cloud', 'on-premises']],
    ]);
    expect(res.body.profile.references.map((r) => r.title)).toEqual(['明远案例']);
    // the same file again changes nothing; at a version before the first save it is stale
    const same = await upload(consultant, content, 'version=2');
    expect([same.status, same.body.version]).toEqual([200, 2]);
    // a different file at the version before this import: its products changed since, nothing is saved
    products.getRow(2).getCell(4).value = '轻量 MES 三代';
    const older = await upload(consultant, await bufferOf(book), 'version=1');
    expect([older.status, older.body.error.code]).toEqual([409, 'stale_version']);
    const kept = await api.call<ProviderProfileView>(consultant, 'GET', '/api/provider-profile');
    expect(kept.body.profile.products[0]?.name).toBe('轻量 MES 二代');
    // an enterprise has no profile to import into
    expect((await upload(cio, content, 'version=1')).status).toBe(403);
  });
});
