import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ImportedLedger,
  KpiCatalogueView,
  KpiValueRows,
  KpiValues,
  KpiValueView,
  LedgerImportList,
  LedgerImportView,
  LedgerUploadPreview,
} from '../../contracts/evaluation.ts';
import { deflatedSpaces, writeZip } from '../../../tests/support/crafted-xlsx.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const TIMEOUT = 90_000;

/** GBK bytes of a text, by searching the two-byte codes the web-standard GB18030 decoder reads (ASCII as is). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      out.push(...code);
    }
  }
  return Buffer.from(out);
}

/** A financial ledger as Excel on a Chinese Windows saves it: GBK, CRLF, amounts in 万元, dates in three forms. */
const FINANCIAL = [
  '日期,营业收入（万元）,利润总额（万元）',
  '2025/1/15,"1,200",120',
  '2025年2月15日,1000,150',
  '2025-03-15,0,10',
].join('\r\n');

type Err = { error: { code: string; message: string; details: Record<string, unknown> } };

describe.each(testEngines())('ledgers and KPI values API on %s', (engine) => {
  const api = useApiApp(engine);
  const { call } = api;
  let cio: string;
  let cdo: string;
  let viewer: string;
  let financial: LedgerImportView;

  const upload = (cookie: string, fileName: string, payload: Buffer, headers: Record<string, string> = {}) =>
    api.app.inject({
      method: 'POST',
      url: `/api/ledgers/uploads?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie, 'content-type': 'application/octet-stream', ...headers },
      payload,
    });
  const json = <T>(res: LightMyRequestResponse) => res.json<T>();
  const values = async (cookie: string, query = 'from=2025-01&to=2025-12') =>
    (await call<KpiValues>(cookie, 'GET', `/api/kpis/values?${query}`)).body;
  const series = (v: KpiValues, id: string) => v.series.find((s) => s.kpiId === id)!;

  beforeAll(async () => {
    ({ cio, cdo, viewer } = await signInDemoRoles(api));
  });

  it('documents its routes in the OpenAPI description', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode, res.body).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths.filter((p) => p.startsWith('/api/kpis') || p.startsWith('/api/ledgers')).sort()).toEqual([
      '/api/kpis',
      '/api/kpis/values',
      '/api/kpis/{id}/manual-values/{period}',
      '/api/kpis/{id}/values/{period}/rows',
      '/api/ledgers/imports',
      '/api/ledgers/imports/{id}',
      '/api/ledgers/uploads',
    ]);
  });

  it('serves the KPI catalogue with units in both languages', async () => {
    const res = await call<KpiCatalogueView>(viewer, 'GET', '/api/kpis');
    expect(res.status).toBe(200);
    const margin = res.body.kpis.find((k) => k.id === 'profit-margin')!;
    expect(margin).toMatchObject({ direction: 'up', period: 'month', fields: ['revenue', 'total_profit'] });
    expect(margin.ledgers).toEqual(['financial']);
    expect(res.body.fields.find((f) => f.id === 'revenue')!.unit).toEqual({ zh: '元', en: 'yuan' });
    expect(res.body.kpis.map((k) => k.id)).toContain('oee');
  });

  it(
    'previews a GBK CSV, proposes the mapping, imports it and remembers the mapping for the layout',
    async () => {
      const res = await upload(cio, '财务台账.csv', gbk(FINANCIAL));
      expect(res.statusCode, res.body).toBe(201);
      const preview = json<LedgerUploadPreview>(res);
      expect(preview).toMatchObject({
        fileName: '财务台账.csv',
        format: 'csv',
        encoding: 'gb18030',
        sheet: null,
        headers: ['日期', '营业收入（万元）', '利润总额（万元）'],
        rows: 3,
        kind: 'financial',
        remembered: false,
        mapping: { date: '日期', fields: { revenue: '营业收入（万元）', total_profit: '利润总额（万元）' } },
      });
      expect(preview.sampleRows[0]).toEqual(['2025/1/15', '1,200', '120']);
      expect(preview.columns.map((c) => [c.target, c.confidence])).toEqual([
        ['date', 1],
        ['revenue', 1],
        ['total_profit', 1],
      ]);

      const imported = await call<LedgerImportView>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: preview.uploadId,
        kind: 'financial',
        mapping: preview.mapping,
      });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      financial = imported.body;
      expect((imported.body as ImportedLedger).overlaps).toEqual([]);
      expect(financial).toMatchObject({
        fileName: '财务台账.csv',
        kind: 'financial',
        rows: 3,
        from: '2025-01-15',
        to: '2025-03-15',
        status: 'complete',
        problems: [],
      });
      expect(financial.importedBy).toBeTruthy();
      // an upload is used once
      const again = await call<Err>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: preview.uploadId,
        kind: 'financial',
        mapping: preview.mapping,
      });
      expect(again.status).toBe(404);

      // the next file of the same layout (columns in another order) comes with the remembered mapping
      const next = await upload(
        cio,
        '财务台账-4月.csv',
        gbk('利润总额（万元）,日期,营业收入（万元）\r\n30,2025-04-15,300\r\n'),
      );
      expect(next.statusCode, next.body).toBe(201);
      expect(json<LedgerUploadPreview>(next)).toMatchObject({
        remembered: true,
        layout: preview.layout,
        kind: 'financial',
        mapping: preview.mapping,
      });
      // the other organisation has no memory of it
      const theirs = await upload(cdo, '财务台账.csv', gbk(FINANCIAL));
      expect(json<LedgerUploadPreview>(theirs)).toMatchObject({ remembered: false, importedAs: null });

      // the very same file again: the preview says so, and its import is refused (its rows would count twice)
      const same = json<LedgerUploadPreview>(await upload(cio, '财务台账-副本.csv', gbk(FINANCIAL)));
      expect(same.importedAs).toMatchObject({ id: financial.id, fileName: '财务台账.csv' });
      const twice = await call<Err>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: same.uploadId,
        kind: 'financial',
        mapping: same.mapping,
      });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'ledger_already_imported']);
      expect(twice.body.error.message).toMatch(/财务台账-副本\.csv is the same file as 财务台账\.csv/);
    },
    TIMEOUT,
  );

  it('computes KPI values per period from the stored rows: baseline, latest, trend, divide by zero named', async () => {
    const margin = series(await values(viewer), 'profit-margin');
    expect(margin.values.map((v) => [v.period, v.value, v.source, v.rowCount])).toEqual([
      ['2025-01', 10, 'computed', 1],
      ['2025-02', 15, 'computed', 1],
      ['2025-03', null, 'computed', 1],
    ]);
    expect(margin.values[2]!.reason).toMatchObject({ kind: 'divide-by-zero' });
    expect(margin).toMatchObject({
      baseline: { period: '2025-01', value: 10 },
      latest: { period: '2025-02', value: 15 },
      change: 5,
      trend: 'better',
      unit: { zh: '%', en: '%' },
    });
    // a year of months outside the range is not there
    expect(series(await values(viewer, 'from=2026-01&to=2026-12'), 'profit-margin').values).toEqual([]);
    // per quarter: the three months' sums
    const quarter = series(await values(viewer, 'period=quarter'), 'profit-margin');
    expect(quarter.values.map((v) => [v.period, v.value])).toEqual([['2025-Q1', (280 / 2200) * 100]]);
  });

  it('answers the ledger rows behind a value, in the fields common units', async () => {
    const res = await call<KpiValueRows>(viewer, 'GET', '/api/kpis/profit-margin/values/2025-01/rows');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 1, offset: 0 });
    expect(res.body.rows).toEqual([
      {
        importId: financial.id,
        fileName: '财务台账.csv',
        row: 2,
        date: '2025-01-15',
        values: { revenue: 12_000_000, total_profit: 1_200_000 },
      },
    ]);
    const quarter = await call<KpiValueRows>(
      viewer,
      'GET',
      '/api/kpis/profit-margin/values/2025-Q1/rows?limit=2',
    );
    expect([quarter.body.total, quarter.body.rows.map((r) => r.row)]).toEqual([3, [2, 3]]);
    const paged = await call<KpiValueRows>(
      viewer,
      'GET',
      '/api/kpis/profit-margin/values/2025-Q1/rows?limit=2&offset=2',
    );
    expect(paged.body.rows.map((r) => r.row)).toEqual([4]);
    const unknown = await call<Err>(viewer, 'GET', '/api/kpis/no-such-kpi/values/2025-01/rows');
    expect(unknown.status).toBe(404);
    const tooFine = await call<Err>(viewer, 'GET', '/api/kpis/revenue-growth/values/2025-01/rows');
    expect([tooFine.status, tooFine.body.error.code]).toEqual([400, 'bad_period']);
  });

  it(
    'refuses a bad date naming its row and column, storing nothing; or leaves the row out when asked',
    async () => {
      const before = (await call<LedgerImportList>(cio, 'GET', '/api/ledgers/imports')).body.imports;
      const valuesBefore = await values(cio);
      const bad = await upload(
        cio,
        '财务台账-坏.csv',
        gbk(`${FINANCIAL}\r\n2025-13-01,500,50\r\n2025-05-15,400,40`),
      );
      expect(bad.statusCode, bad.body).toBe(201);
      const preview = json<LedgerUploadPreview>(bad);
      const body = { uploadId: preview.uploadId, kind: 'financial', mapping: preview.mapping };
      const refused = await call<Err>(cio, 'POST', '/api/ledgers/imports', body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.error.code).toBe('ledger_problems');
      expect(refused.body.error.message).toMatch(/row 5, column 1 \(日期\): "2025-13-01" is not a date/);
      expect(refused.body.error.details).toEqual({
        problems: [
          { row: 5, column: 1, header: '日期', message: '"2025-13-01" is not a date: the row is left out' },
        ],
        total: 1,
      });
      // earlier data untouched, nothing of this file stored
      expect((await call<LedgerImportList>(cio, 'GET', '/api/ledgers/imports')).body.imports).toEqual(before);
      expect(await values(cio)).toEqual(valuesBefore);

      const partial = await call<LedgerImportView>(cio, 'POST', '/api/ledgers/imports', {
        ...body,
        skipProblemRows: true,
      });
      expect(partial.status, JSON.stringify(partial.body)).toBe(201);
      expect(partial.body).toMatchObject({ status: 'partial', rows: 4, to: '2025-05-15' });
      // its January to March add to the first import's: named as an overlap
      expect((partial.body as ImportedLedger).overlaps).toEqual([
        {
          id: financial.id,
          fileName: '财务台账.csv',
          from: '2025-01-15',
          to: '2025-03-15',
          fields: ['revenue', 'total_profit'],
        },
      ]);
      expect(partial.body.problems).toMatchObject([{ row: 5, column: 1 }]);
      const removed = await call(cio, 'DELETE', `/api/ledgers/imports/${partial.body.id}`);
      expect(removed.status).toBe(204);
      expect(await values(cio)).toEqual(valuesBefore);
    },
    TIMEOUT,
  );

  it(
    'refuses a mapping naming a column the file lacks, or a field the catalogue lacks, storing nothing',
    async () => {
      const before = (await call<LedgerImportList>(cio, 'GET', '/api/ledgers/imports')).body.imports;
      const preview = json<LedgerUploadPreview>(await upload(cio, '财务台账.csv', gbk(`${FINANCIAL}\r\n`)));
      expect(preview.importedAs).toBeNull();
      const noColumn = await call<Err>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: preview.uploadId,
        kind: 'financial',
        mapping: { date: '日期', fields: { revenue: '收入（元）' } },
      });
      expect([noColumn.status, noColumn.body.error.code]).toEqual([422, 'ledger_problems']);
      expect(noColumn.body.error.message).toContain('no column 收入（元） in the header');
      const noField = await call<Err>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: preview.uploadId,
        kind: 'financial',
        mapping: { date: '日期', fields: { turnover: '营业收入（万元）' } },
      });
      expect([noField.status, noField.body.error.code]).toEqual([400, 'unknown_field']);
      expect((await call<LedgerImportList>(cio, 'GET', '/api/ledgers/imports')).body.imports).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    'imports an .xlsx ledger: date cells, Excel serial numbers, formulas by their cached values',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('质检记录');
      ws.addRow(['检验日期', '首次送检数量', '一次检验合格数量', '备注']);
      ws.addRow([new Date(Date.UTC(2025, 0, 10)), 100, 95, '']);
      ws.getCell('A2').numFmt = 'yyyy-mm-dd';
      ws.addRow([45700, { formula: '100*2', result: 200 }, 180, '夜班']);
      const res = await upload(cio, '质检.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      expect(res.statusCode, res.body).toBe(201);
      const preview = json<LedgerUploadPreview>(res);
      expect(preview).toMatchObject({
        format: 'xlsx',
        encoding: null,
        sheet: '质检记录',
        rows: 2,
        kind: 'quality',
        mapping: {
          date: '检验日期',
          fields: { inspected_quantity: '首次送检数量', first_pass_quantity: '一次检验合格数量' },
        },
      });
      const imported = await call<LedgerImportView>(cio, 'POST', '/api/ledgers/imports', {
        uploadId: preview.uploadId,
        kind: 'quality',
        mapping: preview.mapping,
      });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body).toMatchObject({ rows: 2, from: '2025-01-10', to: '2025-02-12' });
      const fpy = series(await values(viewer), 'first-pass-yield');
      expect(fpy.values.map((v) => [v.period, v.value])).toEqual([
        ['2025-01', 95],
        ['2025-02', 90],
      ]);
      expect(fpy).toMatchObject({ change: -5, trend: 'worse' });
    },
    TIMEOUT,
  );

  it(
    'refuses a zip bomb named .xlsx, a 2 GB file, an old .xls, each with a clear message',
    async () => {
      const bomb = writeZip([
        [
          'xl/worksheets/sheet1.xml',
          await deflatedSpaces('<worksheet><sheetData>', 300 * 1024 * 1024, '</sheetData></worksheet>'),
        ],
      ]);
      const refused = await upload(cio, '台账.xlsx', bomb);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(json<Err>(refused).error.message).toMatch(
        /台账\.xlsx: .*inflates \d+×.*a zip bomb, refused before reading/,
      );

      const huge = await upload(cio, '大台账.csv', Buffer.from('日期\n'), {
        'content-length': String(2 * 1024 ** 3),
      });
      expect(huge.statusCode, huge.body).toBe(413);
      expect(json<Err>(huge).error).toMatchObject({ code: 'file_too_large' });
      expect(json<Err>(huge).error.message).toMatch(/2048\.0 MB; files up to 20 MB/);

      const xls = await upload(cio, '旧台账.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      expect([xls.statusCode, json<Err>(xls).error.code]).toEqual([415, 'unsupported_ledger']);
      const notCsv = await upload(cio, '台账.csv', Buffer.from([0x41, 0x00, 0x42]));
      expect(notCsv.statusCode, notCsv.body).toBe(422);
      expect(json<Err>(notCsv).error.message).toMatch(/row 1: a NUL byte/);
    },
    TIMEOUT,
  );

  it('keeps a manual value marked as such, with who entered it, beside the computed one', async () => {
    const res = await call<KpiValueView>(cio, 'PUT', '/api/kpis/profit-margin/manual-values/2025-03', {
      value: 8,
      note: '财务口径调整',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      period: '2025-03',
      value: 8,
      source: 'manual',
      computed: null,
      reason: { kind: 'divide-by-zero' },
      note: '财务口径调整',
    });
    expect(res.body.enteredBy).toBeTruthy();
    const margin = series(await values(viewer), 'profit-margin');
    expect(margin.latest).toEqual({ period: '2025-03', value: 8 });
    // a viewer cannot enter one; a period finer than the KPI's is refused
    expect(
      (await call(viewer, 'PUT', '/api/kpis/profit-margin/manual-values/2025-04', { value: 1 })).status,
    ).toBe(403);
    const fine = await call<Err>(cio, 'PUT', '/api/kpis/revenue-growth/manual-values/2025-Q1', { value: 1 });
    expect([fine.status, fine.body.error.code]).toEqual([400, 'bad_period']);
    // the other organisation sees none of it
    expect(series(await values(cdo), 'profit-margin').values).toEqual([]);
    expect((await call(cio, 'DELETE', '/api/kpis/profit-margin/manual-values/2025-03')).status).toBe(204);
    expect(series(await values(viewer), 'profit-margin').latest).toEqual({ period: '2025-02', value: 15 });
  });

  it(
    'keeps imports to their organisation: another cannot list, read behind, import or delete them',
    async () => {
      const theirs = await call<LedgerImportList>(cdo, 'GET', '/api/ledgers/imports');
      expect(theirs.body.imports).toEqual([]);
      expect(JSON.stringify(theirs.body)).not.toContain(financial.id);
      const rows = await call<KpiValueRows>(cdo, 'GET', '/api/kpis/profit-margin/values/2025-01/rows');
      expect([rows.status, rows.body.total]).toEqual([200, 0]);
      const del = await call<Err>(cdo, 'DELETE', `/api/ledgers/imports/${financial.id}`);
      expect(del.status).toBe(404);
      // an upload id of the other organisation is nobody's
      const mine = json<LedgerUploadPreview>(await upload(cio, '财务台账.csv', gbk(FINANCIAL)));
      const steal = await call<Err>(cdo, 'POST', '/api/ledgers/imports', {
        uploadId: mine.uploadId,
        kind: 'financial',
        mapping: mine.mapping,
      });
      expect(steal.status).toBe(404);
      expect(
        (await call<LedgerImportList>(cio, 'GET', '/api/ledgers/imports')).body.imports.map((i) => i.id),
      ).toContain(financial.id);
      // deleting one's own import removes its rows from the values
      expect((await call(cio, 'DELETE', `/api/ledgers/imports/${financial.id}`)).status).toBe(204);
      expect(series(await values(cio), 'profit-margin').values).toEqual([]);
    },
    TIMEOUT,
  );
});
