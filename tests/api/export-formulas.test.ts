import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProjects } from '../../src/contracts/delivery.ts';
import type { AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { OrganisationList, OrganisationView } from '../../src/contracts/organisations.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import type { ProviderProfileView } from '../../src/contracts/providers.ts';
import { restoreCellText } from '../../src/core/shared/neutralise.ts';
import { useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';

/** Texts a spreadsheet reads as formulas, stored through the API in fields that exports carry. */
const ENTERPRISE = '=HYPERLINK("http://evil","x")';
const ENTERPRISE_2 = '-2+3';
const ASSESSMENT = '+1+1';
const PLAN = '@SUM(A1)';
const PROVIDER = "=cmd|' /C calc'!A0";
const PRODUCT = '+SUM(1,2)';
const PRODUCT_NOTE = '-1+1';
const COST_NOTE = '\t=1+1';
const SME = 'sme-digital-level-2024';

/** Every non-empty cell of the workbook: its sheet and address, its type, and what a spreadsheet shows. */
interface ShownCell {
  at: string;
  type: ExcelJS.ValueType;
  text: string;
}
async function cellsOf(bytes: Buffer): Promise<ShownCell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: ShownCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => void cells.push({ at: `${ws.name}!${c.address}`, type: c.type, text: c.text })),
    ),
  );
  return cells;
}

const TEXT_TYPES = new Set([
  ExcelJS.ValueType.String,
  ExcelJS.ValueType.RichText,
  ExcelJS.ValueType.Hyperlink,
]);

/** No cell is a formula, and no text a spreadsheet shows starts like one; each stored text is shown after the marker. */
function expectNeutralised(cells: ShownCell[], stored: readonly string[]): void {
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  expect(cells.filter((c) => TEXT_TYPES.has(c.type) && /^[=+\-@\t\r\n]/.test(c.text))).toEqual([]);
  for (const text of stored) {
    const shown = cells.filter((c) => c.text === `'${text}`);
    expect(shown.length, `${JSON.stringify(text)} shown after the marker`).toBeGreaterThan(0);
    for (const c of shown) expect(restoreCellText(c.text)).toBe(text);
  }
}

describe.each(testEngines())(
  'exports neutralise text a spreadsheet would read as a formula, on %s',
  (engine) => {
    const api = useApiApp(engine, { packs: 'all' });
    const { call } = api;
    let region: string;
    let cio: string;
    let consultant: string;
    let projectId: string;

    const download = async (cookie: string, url: string): Promise<Buffer> => {
      const res = await api.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      return res.rawPayload;
    };

    beforeAll(async () => {
      region = await api.signIn('region@demo.tupu.local');
      cio = await api.signIn('cio@demo.tupu.local');
      consultant = await api.signIn('consultant@demo.tupu.local');

      for (const name of [ENTERPRISE, ENTERPRISE_2]) {
        const made = await call<OrganisationView>(region, 'POST', '/api/organisations', {
          kind: 'enterprise',
          name,
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        expect(made.body.name).toBe(name);
      }

      // the CIO's enterprise: a submitted diagnosis, shared with the region (so its details are exported), and a plan
      const a = await call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
        modelId: SME,
        title: ASSESSMENT,
      });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      await call(cio, 'PUT', `/api/assessments/${a.body.id}/answers`, {
        answers: { 信息系统: 'C', 规划实施: 'C', 设备数字化: 55 },
      });
      expect((await call(cio, 'POST', `/api/assessments/${a.body.id}/submit`, {})).status).toBe(200);
      expect((await call(cio, 'PUT', '/api/result-sharing', { shared: true })).status).toBe(200);
      const plan = await call<PlanView>(cio, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title: PLAN });
      expect(plan.status, JSON.stringify(plan.body)).toBe(201);
      await call(cio, 'POST', `/api/plans/${plan.body.id}/solve`, { timeLimitSeconds: 5, frontier: false });
      const projects = await call<PlanProjects>(cio, 'POST', `/api/plans/${plan.body.id}/projects`, {});
      expect(projects.status, JSON.stringify(projects.body)).toBe(201);
      projectId = projects.body.projects[0]!.id;
      const project = await call<{ startPeriod: number }>(cio, 'GET', `/api/projects/${projectId}`);
      const cost = await call(cio, 'POST', `/api/projects/${projectId}/costs`, {
        period: project.body.startPeriod,
        amount: -2,
        note: COST_NOTE,
      });
      expect(cost.status, JSON.stringify(cost.body)).toBe(201);

      // the provider renames itself and lists a product
      const orgs = await call<OrganisationList>(consultant, 'GET', '/api/organisations');
      const me = await call<{ organisation: { orgId: string } }>(consultant, 'GET', '/api/auth/me');
      const own = orgs.body.organisations.find((o) => o.id === me.body.organisation.orgId)!;
      const renamed = await call(consultant, 'PATCH', `/api/organisations/${own.id}`, {
        name: PROVIDER,
        version: own.version,
      });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      const saved = await call<ProviderProfileView>(consultant, 'PUT', '/api/provider-profile', {
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
              name: PRODUCT,
              scenarios: ['GEN-PM-01'],
              price: { min: 10, max: 30 },
              deployment: ['cloud'],
              pricing: ['subscription'],
              description: PRODUCT_NOTE,
            },
          ],
          references: [],
          certifications: [],
        },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    });

    it('GET /api/portfolio.xlsx: enterprise names, the plan and the diagnosis titles are text after an apostrophe', async () => {
      for (const lang of ['zh', 'en']) {
        const cells = await cellsOf(await download(region, `/api/portfolio.xlsx?lang=${lang}`));
        expectNeutralised(cells, [ENTERPRISE, ENTERPRISE_2, PLAN, ASSESSMENT]);
      }
    });

    it('GET /api/providers.xlsx: the provider name, product name and description; a price stays a number', async () => {
      const bytes = await download(cio, '/api/providers.xlsx');
      const cells = await cellsOf(bytes);
      expectNeutralised(cells, [PROVIDER, PRODUCT, PRODUCT_NOTE]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const products = wb.getWorksheet('产品')!;
      const row = products.getRows(2, products.rowCount - 1)!.find((r) => r.getCell(3).value === 'mes')!;
      expect(row.getCell(6).value).toBe(10);
    });

    it('GET /api/projects/:id/costs.xlsx: the note is text after an apostrophe, the negative amount a number', async () => {
      const bytes = await download(cio, `/api/projects/${projectId}/costs.xlsx?lang=zh`);
      expectNeutralised(await cellsOf(bytes), [COST_NOTE]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('B2').value).toBe(-2);
    });

    it('the blank answer sheet and the enterprise template hold no formula either', async () => {
      expectNeutralised(await cellsOf(await download(cio, `/api/models/${SME}/template.xlsx?lang=zh`)), []);
      expectNeutralised(
        await cellsOf(await download(region, '/api/portfolio/enterprises-template.xlsx?lang=zh')),
        [],
      );
    });

    it('a cost sheet exported and imported again gives back the note exactly', async () => {
      const bytes = await download(cio, `/api/projects/${projectId}/costs.xlsx?lang=zh`);
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/costs.xlsx`,
        headers: { cookie: cio, 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
      expect(res.statusCode, res.body).toBe(200);
      const notes = res.json<{ project: { costs: { note: string }[] } }>().project.costs.map((c) => c.note);
      expect(notes).toContain(COST_NOTE);
      expect(notes.some((n) => n.startsWith("'"))).toBe(false);
    });
  },
);
