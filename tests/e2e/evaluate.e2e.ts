import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebTest } from '../support/web-test.ts';

describe('evaluate page', () => {
  const web = useWebTest({ demoContent: true });

  it('the demo CIO sees KPIs computed from the demo ledgers, opens the rows behind one, and imports a CSV', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/evaluate`);
    const table = page.getByTestId('kpi-table');
    await expect.poll(() => table.isVisible(), { timeout: 20_000 }).toBe(true);
    // OEE is computed from the demo production ledger, improving from its baseline
    const oee = table.locator('tr', { hasText: '设备综合效率（OEE）' });
    expect(await oee.textContent()).toContain('台账计算');
    expect(await oee.locator('[data-trend]').getAttribute('data-trend')).toBe('better');

    // its drawer: the trend chart drawn, and the ledger rows behind the latest value
    await oee.getByText('设备综合效率（OEE）').click();
    await expect
      .poll(() => page.getByTestId('kpi-trend').getAttribute('data-ready'), { timeout: 15_000 })
      .toBe('true');
    const rows = page.getByTestId('kpi-rows');
    await expect
      .poll(() => rows.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await rows.textContent()).toContain('计划生产时间');
    await page.keyboard.press('Escape');

    // import a small energy ledger through the wizard
    const dir = mkdtempSync(join(tmpdir(), 'tupu-eval-e2e-'));
    const file = join(dir, '能耗台账-e2e.csv');
    writeFileSync(file, '日期,综合能源消费量\n2025-01-15,100\n2025-02-15,120\n2025-03-15,90\n');
    await page.getByTestId('import-open').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await preview.textContent()).toContain('共 3 行数据');
    await page.getByTestId('import-submit').click();
    const done = page.getByTestId('import-done');
    await expect.poll(() => done.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await done.textContent()).toContain('共 3 行');

    // stored: the imports list names it with its rows
    const list = (await (await page.request.get(`${web.url}/api/ledgers/imports`)).json()) as {
      imports: { fileName: string; rows: number; kind: string }[];
    };
    const mine = list.imports.find((i) => i.fileName === '能耗台账-e2e.csv');
    expect(mine).toMatchObject({ rows: 3, kind: 'energy' });

    // the imports list on the page shows it; deleting it (confirmed) removes it and its rows
    await done.getByRole('button', { name: '关闭' }).click();
    const listed = page.getByTestId('imports-list').locator('tr', { hasText: '能耗台账-e2e.csv' });
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(1);
    expect(await listed.textContent()).toContain('能耗台账');
    await listed.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(0);
    const after = (await (await page.request.get(`${web.url}/api/ledgers/imports`)).json()) as {
      imports: { fileName: string }[];
    };
    expect(after.imports.map((i) => i.fileName)).not.toContain('能耗台账-e2e.csv');
  });
});
