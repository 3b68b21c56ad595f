import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { ClientAssessmentStarted, Portfolio } from '../../contracts/portfolio.ts';
import { queryRows } from '../../db/client.ts';
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
    expect(wb.worksheets.map((s) => s.name)).toEqual(['企业总览', '汇总', '维度得分', '差距']);
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
      '服务商',
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
    expect(machinery.slice(8)).toEqual([1, DEMO_PLAN_REQUEST.title, '未求解', null, 1, null]);
    const textiles = rows.find((r) => r[0] === TEXTILES)!;
    expect(textiles[3]).toBeNull();

    const summary = rowsOf(wb.worksheets[1]!);
    expect(summary).toContainEqual(['企业总数', 3, null]);
    expect(summary).toContainEqual(['已提交诊断的企业', 1, null]);
    expect(summary).toContainEqual(['已有规划的企业', 1, null]);
    expect(summary).toContainEqual(['指标体系', '等级', '企业数']);
    const distribution = summary.filter((r) => r[0] === machinery[2]);
    expect(distribution).toEqual([[machinery[2], machinery[4], 1]]);
    // an authority sees summaries only: no enterprise's dimension scores or gaps
    expect(summary).toContainEqual(['含诊断结果明细的企业', 0, null]);
    expect(rowsOf(wb.worksheets[2]!).slice(1)).toEqual([
      ['没有可导出明细的已提交诊断', ...Array<null>(10).fill(null)],
    ]);
  });

  it("gives the consultant every client's latest submitted result: dimension scores and gaps, in words", async () => {
    // the consultant diagnoses the textile client too (it is an editor there), without switching back and forth
    const consultant = await signIn('consultant@demo.tupu.local');
    const textiles = (await call<Portfolio>(consultant, 'GET', '/api/portfolio')).body.enterprises.find(
      (e) => e.name === TEXTILES,
    )!;
    const started = await call<ClientAssessmentStarted>(consultant, 'POST', '/api/portfolio/assessments', {
      enterpriseId: textiles.id,
      modelId: 'sme-digital-level-2024',
      title: '锦华 首次诊断',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.assessment.id;
    await call(consultant, 'POST', '/api/auth/organisation', { orgId: textiles.id });
    await call(consultant, 'PUT', `/api/assessments/${id}/answers`, {
      answers: { 信息系统: 'E', 规划实施: 'B' },
    });
    expect((await call(consultant, 'POST', `/api/assessments/${id}/submit`, {})).status).toBe(200);
    const frozen = (await call<AssessmentSummary[]>(consultant, 'GET', '/api/assessments')).body.find(
      (a) => a.id === id,
    )!;
    const provider = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from organisations where kind = 'service_provider'`,
    );
    await call(consultant, 'POST', '/api/auth/organisation', { orgId: provider[0]!.id });

    const { wb } = await workbook(consultant, '?lang=zh');
    const summary = rowsOf(wb.worksheets[1]!);
    expect(summary).toContainEqual(['含诊断结果明细的企业', 2, null]);
    const [dimHeader, ...dims] = rowsOf(wb.worksheets[2]!);
    expect(dimHeader).toEqual([
      '企业',
      '指标体系',
      '诊断',
      '提交日期',
      '总分',
      '满分',
      '等级',
      '维度',
      '维度得分',
      '维度满分',
      '得分率',
    ]);
    const textileDims = dims.filter((r) => r[0] === TEXTILES);
    const model = api.packs.models.get('sme-digital-level-2024')!;
    expect(model.family).toBe('points');
    expect(textileDims).toHaveLength(model.family === 'points' ? model.dimensions.length : 0);
    expect(textileDims.every((r) => r[2] === '锦华 首次诊断' && r[3] instanceof Date)).toBe(true);
    expect(textileDims[0]![4]).toBe(frozen.score);
    // the dimensions add up to the total, and each rate is its score over its max
    const sum = textileDims.reduce((n, r) => n + (r[8] as number), 0);
    expect(sum).toBeCloseTo(frozen.score!, 6);
    for (const r of textileDims) expect(r[10] as number).toBeCloseTo((r[8] as number) / (r[9] as number), 9);
    expect(textileDims.map((r) => r[7])).toContain('数字化基础');
    expect(dims.some((r) => r[0] === MACHINERY)).toBe(true);

    const [gapHeader, ...gaps] = rowsOf(wb.worksheets[3]!);
    expect(gapHeader).toEqual(['企业', '指标体系', '编号', '题目 / 场景', '当前', '最佳', '失分']);
    const planning = gaps.find((r) => r[0] === TEXTILES && r[2] === '规划实施')!;
    // the options' text, not bare letters
    expect(planning[4]).toEqual(expect.stringMatching(/^B\. [\u4e00-\u9fff]/));
    expect(planning[6] as number).toBeGreaterThan(0);

    const en = await workbook(consultant, '?lang=en');
    const enDims = rowsOf(en.wb.worksheets[2]!).filter((r) => r[0] === TEXTILES);
    expect(enDims.every((r) => /^[\x20-\x7e]+$/.test(String(r[7])))).toBe(true);
  });

  it('speaks English with lang=en, and exports only the names matching q', async () => {
    const { wb } = await workbook(region, `?lang=en&q=${encodeURIComponent('精密')}`);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Portfolio', 'Summary', 'Dimension scores', 'Gaps']);
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
