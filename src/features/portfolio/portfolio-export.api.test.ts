import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const MACHINERY = '明远精密机械有限公司（演示）';
const TEXTILES = '锦华纺织科技有限公司（演示）';
const CHEMICALS = '江川新材料化工有限公司（演示）';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every row of the sheet as plain values (column A first), empty cells as null. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null));
  });
  return rows;
}

describe.each(testEngines())('GET /api/portfolio.xlsx on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  const { signIn, call } = api;
  let region = '';

  const download = async (cookie: string, query: string) => {
    const res = await api.app.inject({
      method: 'GET',
      url: `/api/portfolio.xlsx${query}`,
      headers: { cookie },
    });
    return res;
  };
  const workbook = async (cookie: string, query: string) => {
    const res = await download(cookie, query);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { res, wb };
  };

  beforeAll(async () => {
    // the demo CIO diagnoses 明远精密机械 (submitted) and starts a plan, so the region has something to report
    const cio = await signIn('cio@demo.tupu.local');
    const created = await call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '首次诊断',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await call(cio, 'PUT', `/api/assessments/${created.body.id}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'C', 设备数字化: 55 },
    });
    expect((await call(cio, 'POST', `/api/assessments/${created.body.id}/submit`, {})).status).toBe(200);
    expect((await call(cio, 'POST', '/api/plans', DEMO_PLAN_REQUEST)).status).toBe(201);
    region = await signIn('region@demo.tupu.local');
  });

  it('gives the region its enterprises in Chinese, one row each, with a bold frozen header and real dates', async () => {
    const { res, wb } = await workbook(region, '?lang=zh');
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tupu-portfolio-\d{8}\.xlsx"; filename\*=UTF-8''tupu-portfolio-\d{8}\.xlsx$/,
    );
    expect(wb.worksheets.map((s) => s.name)).toEqual(['企业总览', '汇总']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual([
      '企业',
      '行政区划代码',
      '最近一次诊断 · 指标体系',
      '诊断状态',
      '等级',
      '得分',
      '满分',
      '诊断日期',
      '诊断次数',
      '最近一次规划',
      '规划求解状态',
      '净现值（万元）',
      '规划数',
    ]);
    expect(rows.map((r) => r[0])).toEqual([MACHINERY, TEXTILES, CHEMICALS].sort());
    const machinery = rows.find((r) => r[0] === MACHINERY)!;
    expect(machinery[2]).toEqual(expect.stringMatching(/[\u4e00-\u9fff]/));
    expect(machinery[3]).toBe('已提交');
    expect(typeof machinery[4]).toBe('string');
    expect(machinery[5]).toEqual(expect.any(Number));
    expect(machinery[5] as number).toBeGreaterThan(0);
    expect(machinery[6]).toBe(100);
    expect(machinery[7]).toBeInstanceOf(Date);
    expect(sheet.getCell(`H${rows.indexOf(machinery) + 2}`).numFmt).toBe('yyyy-mm-dd');
    expect(machinery.slice(8)).toEqual([1, DEMO_PLAN_REQUEST.title, '未求解', null, 1]);
    const textiles = rows.find((r) => r[0] === TEXTILES)!;
    expect(textiles[3]).toBeNull();

    const summary = rowsOf(wb.worksheets[1]!);
    expect(summary).toContainEqual(['企业总数', 3, null]);
    expect(summary).toContainEqual(['已提交诊断的企业', 1, null]);
    expect(summary).toContainEqual(['已有规划的企业', 1, null]);
    expect(summary).toContainEqual(['指标体系', '等级', '企业数']);
    const distribution = summary.filter((r) => r[0] === machinery[2]);
    expect(distribution).toEqual([[machinery[2], machinery[4], 1]]);
  });

  it('speaks English with lang=en, and exports only the names matching q', async () => {
    const { wb } = await workbook(region, `?lang=en&q=${encodeURIComponent('精密')}`);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Portfolio', 'Summary']);
    const [header, ...rows] = rowsOf(wb.worksheets[0]!);
    expect(header?.slice(0, 5)).toEqual([
      'Enterprise',
      'Region code',
      'Latest diagnosis · indicator system',
      'Diagnosis status',
      'Level',
    ]);
    expect(rows).toHaveLength(1);
    const [machinery] = rows;
    expect(machinery?.[0]).toBe(MACHINERY);
    expect(machinery?.[2]).toEqual(expect.stringMatching(/^[\x20-\x7e]+$/));
    expect(machinery?.[3]).toBe('submitted');
    expect(machinery?.[10]).toBe('not solved');
    const summary = rowsOf(wb.worksheets[1]!);
    expect(summary).toContainEqual(['Name search', '精密', null]);
    expect(summary).toContainEqual(['Enterprises', 3, null]);
    expect(summary).toContainEqual(['Matching the search', 1, null]);
    expect(summary).toContainEqual(['Exported in this workbook', 1, null]);
  });

  it('refuses an enterprise user with 403 and an anonymous caller with 401', async () => {
    const cio = await signIn('cio@demo.tupu.local');
    expect((await download(cio, '?lang=zh')).statusCode).toBe(403);
    expect((await download(' ', '')).statusCode).toBe(401);
    expect((await download(region, '?lang=fr')).statusCode).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>();
    expect(doc.paths['/api/portfolio.xlsx']?.get?.parameters?.map((p) => p.name).sort()).toEqual([
      'lang',
      'q',
    ]);
  });
});
