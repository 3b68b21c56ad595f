import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

const CONSULTANT = 'consultant@demo.tupu.local';
const MACHINERY = '明远精密机械有限公司（演示）';

/**
 * Issue #12, the consultant and the official on the pages that exist: a diagnosis started for a client straight from
 * the portfolio and its draft deleted from the list; clients created from a workbook; a shared result opened
 * read-only by the authority.
 */
describe('the consultant and the official in the portfolio', () => {
  const web = useWebTest();

  const call = async (page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: object) => {
    const res = await page.request.fetch(`${web.url}${path}`, { method, ...(data ? { data } : {}) });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    // the CIO submits 明远's first diagnosis and shares its results with the authority
    const page = await web.signedInPage('cio@demo.tupu.local', {});
    const a = await call(page, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '明远 首次诊断',
    });
    await call(page, 'PUT', `/api/assessments/${String(a.id)}/answers`, {
      answers: { 信息系统: 'C', 规划实施: 'B' },
    });
    await call(page, 'POST', `/api/assessments/${String(a.id)}/submit`, {});
    await call(page, 'PUT', '/api/result-sharing', { shared: true });
    await page.close();
  });

  it('starts a diagnosis for a client from the portfolio, then deletes the draft from the list', async () => {
    const page = await web.signedInPage(CONSULTANT, {
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    await page.goto(web.url);
    const row = page.getByTestId('portfolio-table').getByRole('row').filter({ hasText: MACHINERY });
    await row.getByTestId('portfolio-start-assessment').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain(`为“${MACHINERY}”新建评估`);
    // open the model select and pick the SME system, retrying as the diagnosis test does (the list can re-render)
    const smeOption = page
      .locator('.ant-select-item-option')
      .filter({ hasText: '中小企业数字化水平评测指标' })
      .first();
    let chosen = false;
    for (let attempt = 0; attempt < 5 && !chosen; attempt++) {
      if (!(await smeOption.isVisible())) await dialog.getByRole('combobox').first().click();
      chosen = await smeOption
        .click({ timeout: 5_000 })
        .then(() => true)
        .catch(async () => {
          await page.keyboard.press('Escape');
          return false;
        });
    }
    expect(chosen).toBe(true);
    await dialog.getByRole('button', { name: '创建' }).click();
    // the consultant is the client's editor: switched to it and on the new draft
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/diagnose\/[0-9a-f-]+$/);
    const me = (await call(page, 'GET', '/api/auth/me')) as { organisation: { orgName: string } };
    expect(me.organisation.orgName).toBe(MACHINERY);

    await page.goto(`${web.url}/diagnose`);
    const table = page.getByTestId('assessment-table');
    await expect.poll(() => table.textContent()).toContain('草稿');
    await page.getByRole('combobox', { name: '状态' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '已提交' })
      .click();
    await expect.poll(() => table.textContent()).not.toContain('草稿');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => table.textContent()).toContain('草稿');
    const before = await table.getByRole('row').count();
    await table.getByTestId('assessment-delete').first().click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(before - 1);
    expect(await table.textContent()).not.toContain('草稿');
    await page.close();
  });

  it('creates clients from a workbook, and names the problems of a wrong one by cell', async () => {
    const page = await web.signedInPage(CONSULTANT, {
      viewport: { width: 768, height: 1000 },
      locale: 'en-US',
    });
    await page.addInitScript(`localStorage.setItem('tupu.lang', 'en')`);
    await page.goto(web.url);
    await page.getByTestId('portfolio-import').click();
    const sheet = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Enterprises');
      for (const r of rows) ws.addRow(r);
      return {
        name: 'clients.xlsx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    };
    const input = page.getByTestId('enterprise-import').locator('input[type=file]');
    await input.setInputFiles(
      await sheet([
        ['Enterprise name', 'Region code'],
        ['North Works Ltd', '33'],
        ['', ''],
      ]),
    );
    const dialog = page.getByTestId('enterprise-import');
    await expect.poll(() => dialog.textContent()).toContain('Enterprises!B2');
    expect(await dialog.textContent()).toContain('must be 6 digits');
    await input.setInputFiles(
      await sheet([
        ['Enterprise name', 'Region code'],
        ['North Works Ltd', '330100'],
        ['South Works Ltd', ''],
      ]),
    );
    await expect.poll(() => dialog.textContent()).toContain('2 enterprises created');
    await dialog
      .page()
      .getByRole('dialog')
      .getByRole('button', { name: 'Close', exact: true })
      .last()
      .click();
    await expect.poll(() => page.getByTestId('portfolio-table').textContent()).toContain('South Works Ltd');
    await page.close();
  });

  it("lets the authority open a shared enterprise's result read-only, with its dimension scores", async () => {
    const page = await web.signedInPage('region@demo.tupu.local', {
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    await page.goto(web.url);
    const row = page.getByTestId('portfolio-table').getByRole('row').filter({ hasText: MACHINERY });
    await expect.poll(() => row.textContent()).toContain('已共享结果');
    expect(await row.getByTestId('portfolio-dimensions').textContent()).toContain('数字化基础');
    await row.getByTestId('portfolio-view-result').click();
    const drawer = page.getByTestId('portfolio-result');
    await expect.poll(() => drawer.textContent()).toContain('维度得分');
    expect(await drawer.textContent()).toContain('只读');
    expect(await drawer.textContent()).toMatch(/B\. [\u4e00-\u9fff]/);
    await page.close();
  });
});
