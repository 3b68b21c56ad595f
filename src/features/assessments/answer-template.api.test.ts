import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';

/** The workbook of a response body, read back with exceljs. */
async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

describe.each(testEngines())('answer sheet template API on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all' });
  let cio: string;
  const get = (url: string) => api.app.inject({ method: 'GET', url, headers: { cookie: cio } });

  beforeAll(async () => {
    cio = await api.signIn('cio@demo.tupu.local');
  });

  it('?lang=en serves an English workbook: English sheet names, headers and question names', async () => {
    const res = await get(`/api/models/${SME}/template.xlsx?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toContain(`${SME}-`);
    expect(res.headers['content-disposition']).toContain('-answers.xlsx');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets[0]?.name).toBe('Instructions');
    const answers = wb.getWorksheet('Answers');
    expect(answers?.getRow(1).getCell(1).text).toBe('ID');
    expect(answers?.getRow(1).getCell(6).text).toBe('Answer');
    // the question of the first row is named in English (ids stay as they are)
    const model = api.packs.models.get(SME)!;
    if (model.family !== 'points') throw new Error(`${SME} is a points model`);
    const first = model.dimensions[0]!.indicators[0]!.questions[0]!;
    expect(answers?.getRow(2).getCell(1).text).toBe(first.id);
    expect(answers?.getRow(2).getCell(3).text).toBe(first.name.en);
  });

  it('?lang=zh and no lang serve the Chinese workbook', async () => {
    for (const url of [`/api/models/${SME}/template.xlsx?lang=zh`, `/api/models/${SME}/template.xlsx`]) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      const wb = await workbook(res.rawPayload);
      expect(wb.worksheets[0]?.name).toBe('说明 Instructions');
      const answers = wb.getWorksheet('答题 Answers');
      expect(answers?.getRow(1).getCell(1).text).toBe('编号 ID');
      expect(answers?.getRow(1).getCell(6).text).toBe('答案 Answer');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('答卷.xlsx');
    }
  });

  it('refuses an unknown language with 400, and an unknown model with 404', async () => {
    const bad = await get(`/api/models/${SME}/template.xlsx?lang=xx`);
    expect(bad.statusCode).toBe(400);
    expect((await get('/api/models/nope/template.xlsx?lang=en')).statusCode).toBe(404);
  });

  it('needs a session', async () => {
    expect((await api.app.inject(`/api/models/${SME}/template.xlsx?lang=en`)).statusCode).toBe(401);
  });
});
